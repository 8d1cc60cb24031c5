import { answersNotImplemented } from '../protocol/index.ts';
import type { CallResult } from '../wire/index.ts';
import {
  answered,
  answerOf,
  attributeFindings,
  type BehaviourCommand,
  type BehaviourModel,
  type BehaviourWorld,
  type ClientModel,
  expectRefusal,
  judgeRule,
  forgetTokenStates,
  revokeTokens,
  known,
  secretHashFor,
  send,
  shortPassword,
  succeeded,
  UserCommand,
  type UserModel,
  type UserStatus,
  validPassword,
} from './behaviour-model.ts';

/** A sequence creates at most this many users, so a long one stays cheap. */
export const MAX_USERS = 5;

/** How a user comes to be. */
export type CreateKind = 'sign-up' | 'admin-temporary' | 'admin-permanent';

/** Creates a user: by SignUp (UNCONFIRMED), or AdminCreateUser with a temporary password, made permanent or not. */
export class CreateUser implements BehaviourCommand {
  constructor(
    readonly kind: CreateKind,
    /** Leaves out the attribute the schema requires (the request must then be refused). */
    readonly withoutRequired = false,
    /** Sends a password the pool's policy refuses. */
    readonly invalidPassword = false,
  ) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return model.users.length < MAX_USERS; // counts every user made
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    world.steps.push(this.toString());
    world.names += 1;
    const n = world.names;
    const username = `${world.pool.group}-u${n}@example.com`;
    const password = this.invalidPassword ? shortPassword(world) : validPassword(world);
    const attributes = new Map<string, string>([
      ...(this.withoutRequired ? [] : [[world.pool.requiredAttribute, `Name ${n}`] as [string, string]]),
      ['given_name', `Given${n}`],
      ['family_name', `Family${n}`],
      ['preferred_username', `preferred${n}`],
      [world.pool.mutableCustom, `team${n}`],
      [world.pool.immutableCustom, `badge${n}`],
    ]);
    if (this.kind !== 'sign-up') attributes.set('email_verified', 'true');
    const listed = [...attributes, ['email', username]].map(([Name, Value]) => ({ Name, Value }));
    const client = world.clients[0] as ClientModel;
    const result =
      this.kind === 'sign-up'
        ? await send(world, 'SignUp', {
            ClientId: client.clientId,
            Username: username,
            Password: password,
            UserAttributes: listed,
            ...(client.clientSecret ? { SecretHash: secretHashFor(client, username)['SECRET_HASH'] } : {}),
          })
        : await send(world, 'AdminCreateUser', {
            UserPoolId: world.pool.id,
            Username: username,
            TemporaryPassword: password,
            MessageAction: 'SUPPRESS',
            UserAttributes: listed,
          });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    const operation = this.kind === 'sign-up' ? 'SignUp' : 'AdminCreateUser';
    if (this.withoutRequired) {
      judgeRule(
        world,
        operation,
        'required-attribute-enforced',
        result.exchange,
        expectRefusal(
          result,
          'any-4xx',
          `${operation} without ${world.pool.requiredAttribute}, which the schema requires,`,
          'accepted-invalid',
          `/UserAttributes/${world.pool.requiredAttribute}`,
        ),
      );
    }
    if (this.invalidPassword) {
      judgeRule(
        world,
        operation,
        'password-policy-enforced',
        result.exchange,
        expectRefusal(
          result,
          ['InvalidPasswordException'],
          `${operation} with a password shorter than MinimumLength`,
          'accepted-invalid',
          this.kind === 'sign-up' ? '/Password/$MinimumLength' : '/TemporaryPassword/$MinimumLength',
        ),
      );
    }
    if (!succeeded(result)) return;
    const status: UserStatus = this.kind === 'sign-up' ? 'UNCONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    const statusRule =
      this.kind === 'sign-up' ? 'sign-up-gives-unconfirmed' : 'admin-create-gives-force-change-password';
    const user: UserModel = {
      username,
      password,
      status,
      statusRule,
      enabled: true,
      enabledRule: 'enabled-user-signs-in-again',
      attributes,
      deleted: new Set(),
      groups: new Set(),
      tokens: [],
      ...(this.invalidPassword ? { unknown: 'created with a password the policy refuses' } : {}),
      ...(this.withoutRequired ? { unknown: 'created without an attribute the schema requires' } : {}),
    };
    model.users.push(user);
    const body = result.exchange.body as
      { UserConfirmed?: unknown; User?: { UserStatus?: unknown } } | undefined;
    if (this.kind === 'sign-up') {
      judgeRule(
        world,
        'SignUp',
        statusRule,
        result.exchange,
        body?.UserConfirmed === false
          ? []
          : [
              {
                kind: 'state',
                path: '/UserConfirmed',
                expected: false,
                actual: body?.UserConfirmed ?? null,
                message: 'SignUp does not answer UserConfirmed false',
              },
            ],
      );
      return;
    }
    judgeRule(
      world,
      'AdminCreateUser',
      statusRule,
      result.exchange,
      body?.User?.UserStatus === status
        ? []
        : [
            {
              kind: 'state',
              path: '/User/UserStatus',
              expected: status,
              actual: body?.User?.UserStatus ?? null,
              message: 'AdminCreateUser with a TemporaryPassword does not answer FORCE_CHANGE_PASSWORD',
            },
          ],
    );
    if (this.kind === 'admin-permanent') await setPassword(world, user, password, true);
  }

  toString(): string {
    const flags = [
      this.withoutRequired ? 'without-required' : '',
      this.invalidPassword ? 'short-password' : '',
    ].filter(Boolean);
    return `CreateUser(${[this.kind, ...flags].join(', ')})`;
  }
}

/** AdminSetUserPassword, judged by `password-policy-enforced` when the password is too short. */
async function setPassword(
  world: BehaviourWorld,
  user: UserModel,
  password: string,
  permanent: boolean,
  invalid = false,
): Promise<void> {
  const result = await send(world, 'AdminSetUserPassword', {
    UserPoolId: world.pool.id,
    Username: user.username,
    Password: password,
    Permanent: permanent,
  });
  if (!answered(result) || answersNotImplemented(result.exchange)) return;
  if (invalid)
    judgeRule(
      world,
      'AdminSetUserPassword',
      'password-policy-enforced',
      result.exchange,
      expectRefusal(
        result,
        ['InvalidPasswordException'],
        'AdminSetUserPassword with a password shorter than MinimumLength',
        'accepted-invalid',
        '/Password/$MinimumLength',
      ),
    );
  if (!succeeded(result)) return;
  if (invalid) user.unknown = 'given a password the policy refuses';
  if (user.password !== password) user.previousPassword = user.password;
  user.password = password;
  user.challenge = undefined;
  user.status = permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
  user.statusRule = permanent
    ? 'permanent-password-gives-confirmed'
    : 'temporary-password-gives-force-change-password';
  forgetTokenStates(user);
}

/** Confirms an UNCONFIRMED user with AdminConfirmSignUp. */
export class AdminConfirm extends UserCommand {
  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => user.status === 'UNCONFIRMED');
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const result = await send(world, 'AdminConfirmSignUp', {
      UserPoolId: world.pool.id,
      Username: user.username,
    });
    if (!succeeded(result)) return;
    user.status = 'CONFIRMED';
    user.statusRule = 'admin-confirm-gives-confirmed';
  }

  toString(): string {
    return `AdminConfirm(${this.index})`;
  }
}

/** AdminSetUserPassword: permanent or temporary, with a password the policy accepts or one too short. */
export class SetPassword extends UserCommand {
  constructor(
    index: number,
    readonly permanent: boolean,
    readonly invalid: boolean,
  ) {
    super(index);
  }

  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => user.status !== 'UNCONFIRMED');
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const password = this.invalid ? shortPassword(world) : validPassword(world);
    await setPassword(world, user, password, this.permanent, this.invalid);
  }

  toString(): string {
    return `SetPassword(${this.index}, ${this.permanent ? 'permanent' : 'temporary'}${this.invalid ? ', short' : ''})`;
  }
}

/** AdminDisableUser (revokes the user's access tokens) or AdminEnableUser. */
export class SetEnabled extends UserCommand {
  constructor(
    index: number,
    readonly enabled: boolean,
  ) {
    super(index);
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const operation = this.enabled ? 'AdminEnableUser' : 'AdminDisableUser';
    const result = await send(world, operation, { UserPoolId: world.pool.id, Username: user.username });
    if (!succeeded(result)) return;
    if (!this.enabled) {
      // The refresh tokens no document says anything of: once the user is enabled again, they are no rule's.
      revokeTokens(user.tokens, 'disable-revokes-access-tokens', 'access only');
    }
    user.enabled = this.enabled;
    user.enabledRule = this.enabled ? 'enabled-user-signs-in-again' : 'disabled-user-still-listed';
    if (this.enabled && user.status === 'CONFIRMED') user.statusRule = 'enabled-user-signs-in-again';
  }

  toString(): string {
    return `${this.enabled ? 'Enable' : 'Disable'}(${this.index})`;
  }
}

/** AdminResetUserPassword of a CONFIRMED user with a verified email: the status becomes RESET_REQUIRED. */
export class ResetPassword extends UserCommand {
  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter(
      (user) => user.status === 'CONFIRMED' && user.attributes.get('email_verified') === 'true',
    );
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const result = await send(world, 'AdminResetUserPassword', {
      UserPoolId: world.pool.id,
      Username: user.username,
    });
    if (!succeeded(result)) return;
    user.status = 'RESET_REQUIRED';
    user.statusRule = 'reset-password-requires-reset';
    forgetTokenStates(user);
  }

  toString(): string {
    return `ResetPassword(${this.index})`;
  }
}

/** AdminAddUserToGroup of the sequence's group: the next tokens carry it in cognito:groups. */
export class AddToGroup extends UserCommand {
  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => user.groups.size === 0);
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const result = await send(world, 'AdminAddUserToGroup', {
      UserPoolId: world.pool.id,
      Username: user.username,
      GroupName: world.pool.group,
    });
    if (succeeded(result)) user.groups.add(world.pool.group);
  }

  toString(): string {
    return `AddToGroup(${this.index})`;
  }
}

/** Which attribute an attribute command writes or deletes. */
export type AttributeChoice = 'given_name' | 'family_name' | 'preferred_username' | 'custom';

/** AdminUpdateUserAttributes of one attribute, or AdminDeleteUserAttributes of it. */
export class ChangeAttribute extends UserCommand {
  constructor(
    index: number,
    readonly attribute: AttributeChoice,
    readonly remove: boolean,
  ) {
    super(index);
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const name = this.attribute === 'custom' ? world.pool.mutableCustom : this.attribute;
    world.names += 1;
    const value = `${this.attribute === 'custom' ? 'team' : 'v'}${world.names}`;
    const result = this.remove
      ? await send(world, 'AdminDeleteUserAttributes', {
          UserPoolId: world.pool.id,
          Username: user.username,
          UserAttributeNames: [name],
        })
      : await send(world, 'AdminUpdateUserAttributes', {
          UserPoolId: world.pool.id,
          Username: user.username,
          UserAttributes: [{ Name: name, Value: value }],
        });
    if (!succeeded(result)) return;
    if (this.remove) {
      user.attributes.delete(name);
      user.deleted.add(name);
    } else {
      user.attributes.set(name, value);
      user.deleted.delete(name);
    }
  }

  toString(): string {
    return `${this.remove ? 'DeleteAttribute' : 'UpdateAttribute'}(${this.index}, ${this.attribute})`;
  }
}

/** AdminUpdateUserAttributes of the immutable custom attribute: refused, the value stays. */
export class UpdateImmutable extends UserCommand {
  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const name = world.pool.immutableCustom;
    world.names += 1;
    const value = `changed${world.names}`;
    const result = await send(world, 'AdminUpdateUserAttributes', {
      UserPoolId: world.pool.id,
      Username: user.username,
      UserAttributes: [{ Name: name, Value: value }],
    });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    judgeRule(
      world,
      'AdminUpdateUserAttributes',
      'immutable-attribute-refused',
      result.exchange,
      succeeded(result)
        ? [
            {
              kind: 'accepted-invalid',
              path: `/UserAttributes/${name}`,
              expected: 'a refusal (Mutable false)',
              actual: answerOf(result),
              message: `AdminUpdateUserAttributes changed ${name}, which the schema makes immutable`,
            },
          ]
        : [],
    );
    if (succeeded(result)) user.attributes.set(name, value); // the target holds it now; later reads judge from there
  }

  toString(): string {
    return `UpdateImmutable(${this.index})`;
  }
}

/** AdminGetUser: the status, Enabled and attributes the model predicts. */
export class AdminGetUser extends UserCommand {
  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const result = await send(world, 'AdminGetUser', { UserPoolId: world.pool.id, Username: user.username });
    if (!succeeded(result)) return;
    const body = result.exchange.body as {
      UserStatus?: unknown;
      Enabled?: unknown;
      UserAttributes?: unknown;
    };
    judgeUserState(world, 'AdminGetUser', user, result, body, '', 'AdminGetUser');
  }

  toString(): string {
    return `AdminGetUser(${this.index})`;
  }
}

function judgeUserState(
  world: BehaviourWorld,
  operation: string,
  user: UserModel,
  result: CallResult,
  shown: { UserStatus?: unknown; Enabled?: unknown; UserAttributes?: unknown; Attributes?: unknown },
  path: string,
  where: string,
): void {
  judgeRule(
    world,
    operation,
    user.statusRule,
    result.exchange,
    shown.UserStatus === user.status
      ? []
      : [
          {
            kind: 'state',
            path: `${path}/UserStatus`,
            expected: user.status,
            actual: shown.UserStatus ?? null,
            message: `${where} does not show the status the model predicts`,
          },
        ],
  );
  judgeRule(
    world,
    operation,
    user.enabledRule,
    result.exchange,
    shown.Enabled === user.enabled
      ? []
      : [
          {
            kind: 'state',
            path: `${path}/Enabled`,
            expected: user.enabled,
            actual: shown.Enabled ?? null,
            message: `${where} does not show Enabled ${String(user.enabled)}`,
          },
        ],
  );
  const listed = shown.UserAttributes ?? shown.Attributes;
  const member = shown.UserAttributes !== undefined ? 'UserAttributes' : 'Attributes';
  judgeRule(
    world,
    operation,
    'attribute-changes-visible',
    result.exchange,
    attributeFindings(listed, user, `${path}/${member}`, where),
  );
}

/** ListUsers of the pool: every user the sequence created is listed (disabled ones too) as the model predicts. */
export class ListUsers implements BehaviourCommand {
  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    world.steps.push(this.toString());
    const result = await send(world, 'ListUsers', { UserPoolId: world.pool.id, Limit: 60 });
    if (!succeeded(result)) return;
    const listed = ((result.exchange.body as { Users?: unknown } | undefined)?.Users ?? []) as {
      Username?: unknown;
      Attributes?: { Name?: unknown; Value?: unknown }[];
    }[];
    for (const user of known(model)) {
      // A target may list a user under another user name when the pool signs in by email; the email then finds it.
      const entry = listed.find(
        (item) =>
          item.Username === user.username ||
          (item.Attributes ?? []).some(
            (attribute) => attribute.Name === 'email' && attribute.Value === user.username,
          ),
      );
      if (entry === undefined) {
        judgeRule(
          world,
          'ListUsers',
          user.enabled ? user.statusRule : 'disabled-user-still-listed',
          result.exchange,
          [
            {
              kind: 'state',
              path: '/Users',
              expected: 'the user listed',
              actual: 'not listed',
              message: `ListUsers leaves out a ${user.enabled ? '' : 'disabled '}user of the pool`,
            },
          ],
        );
        continue;
      }
      judgeUserState(world, 'ListUsers', user, result, entry as never, '/Users/*', 'ListUsers');
    }
  }

  toString(): string {
    return 'ListUsers';
  }
}
