import type fc from 'fast-check';
import { answersNotImplemented, secretHash } from '../protocol/index.ts';
import type { CallResult } from '../wire/index.ts';
import {
  answered,
  answerOf,
  attributeFindings,
  type BehaviourModel,
  type BehaviourWorld,
  claimsOf,
  type ClientModel,
  comparedAttributes,
  expectRefusal,
  judgeRule,
  type RuleFinding,
  succeeded,
  type TokenSet,
  type UserModel,
  type UserStatus,
} from './behaviour-model.ts';

/** One step of a behaviour sequence, as fast-check's model-based testing runs it. */
export type BehaviourCommand = fc.AsyncCommand<BehaviourModel, BehaviourWorld>;

/** A sequence creates at most this many users, so a long one stays cheap. */
export const MAX_USERS = 5;

/** The standard attributes a created user gets, beside the required one (the field case of the ID token). */
export const PROFILE_ATTRIBUTES = ['given_name', 'family_name', 'preferred_username'] as const;

/** The scope a password sign-in's access token carries (`GetUser` documents it). */
const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** How a command signs in: the public flow or the administrative one. */
export type SignInVia = 'InitiateAuth' | 'AdminInitiateAuth';

/** Which password a sign-in presents. */
export type PasswordChoice = 'current' | 'previous';

/** How a user comes to be. */
export type CreateKind = 'sign-up' | 'admin-temporary' | 'admin-permanent';

/**
 * The users whose state the model knows: not those a write the rules forbid changed (a short password the target
 * accepted), since what the target then holds is no document's prediction. Commands pick among these only.
 */
function known(model: Readonly<BehaviourModel>): UserModel[] {
  return model.users.filter((user) => user.unknown === undefined);
}

/** The known user at `index` (wrapping), if any. */
function userAt(model: Readonly<BehaviourModel>, index: number): UserModel | undefined {
  const users = known(model);
  return users.length === 0 ? undefined : users[index % users.length];
}

/** A password the pool's policy accepts: every character class, longer than MinimumLength. */
export function validPassword(world: BehaviourWorld): string {
  world.names += 1;
  return `Valid#${world.names}Pass-word9`.padEnd(world.pool.minimumLength + 2, 'x');
}

/** A password one character shorter than the pool's MinimumLength, with every character class. */
export function shortPassword(world: BehaviourWorld): string {
  return 'Ab1!'.padEnd(world.pool.minimumLength - 1, 'c');
}

async function send(
  world: BehaviourWorld,
  operation: string,
  request: Record<string, unknown>,
): Promise<CallResult> {
  return world.sender.send(operation, request);
}

/** The SECRET_HASH a client with a secret needs, as a parameter map (empty for a public client). */
function secretHashFor(client: ClientModel, username: string): Record<string, string> {
  return client.clientSecret === undefined
    ? {}
    : { SECRET_HASH: secretHash(client.clientSecret, username, client.clientId) };
}

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
          ['InvalidParameterException'],
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
    if (this.kind === 'admin-permanent') await setPassword(world, user, password, true, 'admin-permanent');
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
  why: string,
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
  user.statusRule =
    why === 'admin-permanent' || permanent
      ? 'permanent-password-gives-confirmed'
      : 'temporary-password-gives-force-change-password';
}

/** Confirms an UNCONFIRMED user with AdminConfirmSignUp. */
export class AdminConfirm implements BehaviourCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).some((user) => user.status === 'UNCONFIRMED');
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = known(model).filter((user) => user.status === 'UNCONFIRMED');
    const user = users[this.index % users.length] as UserModel;
    world.steps.push(this.toString());
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
export class SetPassword implements BehaviourCommand {
  constructor(
    readonly index: number,
    readonly permanent: boolean,
    readonly invalid: boolean,
  ) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).some((user) => user.status !== 'UNCONFIRMED');
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = known(model).filter((user) => user.status !== 'UNCONFIRMED');
    const user = users[this.index % users.length] as UserModel;
    world.steps.push(this.toString());
    const password = this.invalid ? shortPassword(world) : validPassword(world);
    await setPassword(world, user, password, this.permanent, 'set', this.invalid);
  }

  toString(): string {
    return `SetPassword(${this.index}, ${this.permanent ? 'permanent' : 'temporary'}${this.invalid ? ', short' : ''})`;
  }
}

/** AdminDisableUser (revokes the user's access tokens) or AdminEnableUser. */
export class SetEnabled implements BehaviourCommand {
  constructor(
    readonly index: number,
    readonly enabled: boolean,
  ) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = userAt(model, this.index) as UserModel;
    world.steps.push(this.toString());
    const operation = this.enabled ? 'AdminEnableUser' : 'AdminDisableUser';
    const result = await send(world, operation, { UserPoolId: world.pool.id, Username: user.username });
    if (!succeeded(result)) return;
    if (!this.enabled) {
      for (const tokens of user.tokens) {
        tokens.accessRevokedBy ??= 'disable-revokes-access-tokens';
        // No document says whether a refresh token outlives a disable once the user is enabled again.
        tokens.refreshRevokedBy ??= 'unknown';
      }
    }
    user.enabled = this.enabled;
    user.enabledRule = this.enabled ? 'enabled-user-signs-in-again' : 'disabled-user-still-listed';
    if (this.enabled && user.status === 'CONFIRMED') user.statusRule = 'enabled-user-signs-in-again';
  }

  toString(): string {
    return `${this.enabled ? 'Enable' : 'Disable'}(${this.index})`;
  }
}

/**
 * A password sign-in (USER_PASSWORD_AUTH through InitiateAuth, ADMIN_USER_PASSWORD_AUTH through AdminInitiateAuth)
 * with app client `client`. The model predicts the answer from the user's state: refused when disabled, unconfirmed
 * or reset; a NEW_PASSWORD_REQUIRED challenge with a temporary password; otherwise tokens, whose claims and
 * lifetimes it judges. With the previous password, refused.
 */
export class SignIn implements BehaviourCommand {
  constructor(
    readonly index: number,
    readonly via: SignInVia,
    readonly client: number,
    readonly password: PasswordChoice = 'current',
  ) {}

  check(model: Readonly<BehaviourModel>): boolean {
    if (this.password === 'previous') return known(model).some((user) => user.previousPassword !== undefined);
    return known(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const candidates =
      this.password === 'previous'
        ? known(model).filter((user) => user.previousPassword !== undefined)
        : known(model);
    const user = candidates[this.index % candidates.length] as UserModel;
    world.steps.push(this.toString());
    const client = world.clients[this.client % world.clients.length] as ClientModel;
    const password = this.password === 'previous' ? (user.previousPassword as string) : user.password;
    const result = await signIn(world, this.via, client, user.username, password);
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    if (this.password === 'previous') {
      if (!user.enabled || user.status !== 'CONFIRMED') return;
      // The rule is that the old password no longer signs in; which of the two errors refuses it no rule decides.
      judgeRule(
        world,
        this.via,
        'password-change-takes-effect',
        result.exchange,
        expectRefusal(
          result,
          ['NotAuthorizedException', 'InvalidPasswordException'],
          'a sign-in with the password before the last change',
          'state',
          '/AuthenticationResult',
        ),
      );
      return;
    }
    await judgeSignIn(world, this.via, user, this.client % world.clients.length, result);
  }

  toString(): string {
    return `SignIn(${this.index}, ${this.via}, client ${this.client}${this.password === 'previous' ? ', previous password' : ''})`;
  }
}

async function signIn(
  world: BehaviourWorld,
  via: SignInVia,
  client: ClientModel,
  username: string,
  password: string,
): Promise<CallResult> {
  const parameters = { USERNAME: username, PASSWORD: password, ...secretHashFor(client, username) };
  return via === 'InitiateAuth'
    ? send(world, 'InitiateAuth', {
        ClientId: client.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: parameters,
      })
    : send(world, 'AdminInitiateAuth', {
        UserPoolId: world.pool.id,
        ClientId: client.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: parameters,
      });
}

/** Judges a password sign-in's answer against the user's state, and keeps what it returned. */
async function judgeSignIn(
  world: BehaviourWorld,
  operation: string,
  user: UserModel,
  clientIndex: number,
  result: CallResult,
): Promise<void> {
  const body = result.exchange.body as
    | { AuthenticationResult?: Record<string, unknown>; ChallengeName?: unknown; Session?: unknown }
    | undefined;
  if (!user.enabled) {
    const errors =
      user.status === 'CONFIRMED' || user.status === 'FORCE_CHANGE_PASSWORD'
        ? ['NotAuthorizedException']
        : ['NotAuthorizedException', 'UserNotConfirmedException', 'PasswordResetRequiredException'];
    judgeRule(
      world,
      operation,
      'disabled-user-cannot-sign-in',
      result.exchange,
      expectRefusal(
        result,
        errors,
        'a sign-in of a disabled user',
        'state',
        body?.AuthenticationResult ? '/AuthenticationResult' : '/$status',
      ),
    );
    return;
  }
  if (user.status === 'UNCONFIRMED') {
    judgeRule(
      world,
      operation,
      'unconfirmed-user-cannot-sign-in',
      result.exchange,
      expectRefusal(
        result,
        ['UserNotConfirmedException'],
        'a sign-in of an UNCONFIRMED user',
        'state',
        body?.AuthenticationResult ? '/AuthenticationResult' : '/$status',
      ),
    );
    return;
  }
  if (user.status === 'RESET_REQUIRED') {
    judgeRule(
      world,
      operation,
      'reset-password-requires-reset',
      result.exchange,
      expectRefusal(
        result,
        ['PasswordResetRequiredException'],
        'a sign-in of a RESET_REQUIRED user',
        'state',
        body?.AuthenticationResult ? '/AuthenticationResult' : '/$status',
      ),
    );
    return;
  }
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    const found: RuleFinding[] = [];
    if (!succeeded(result))
      found.push({
        kind: 'state',
        path: '/ChallengeName',
        expected: 'NEW_PASSWORD_REQUIRED',
        actual: answerOf(result),
        message: 'a sign-in with a temporary password was refused instead of challenged',
      });
    else {
      if (body?.AuthenticationResult !== undefined)
        found.push({
          kind: 'state',
          path: '/AuthenticationResult',
          expected: 'no tokens before the new password',
          actual: 'AuthenticationResult with tokens',
          message: 'a sign-in with a temporary password returned tokens',
        });
      if (body?.ChallengeName !== 'NEW_PASSWORD_REQUIRED')
        found.push({
          kind: 'state',
          path: '/ChallengeName',
          expected: 'NEW_PASSWORD_REQUIRED',
          actual: body?.ChallengeName ?? null,
          message: 'a sign-in with a temporary password did not answer NEW_PASSWORD_REQUIRED',
        });
      if (typeof body?.Session !== 'string' || body.Session === '')
        found.push({
          kind: 'state',
          path: '/Session',
          expected: 'a Session',
          actual: null,
          message: 'the NEW_PASSWORD_REQUIRED challenge came without a Session',
        });
    }
    judgeRule(world, operation, 'temporary-password-gets-new-password-challenge', result.exchange, found);
    if (typeof body?.Session === 'string' && body.ChallengeName === 'NEW_PASSWORD_REQUIRED')
      user.challenge = {
        session: body.Session,
        client: clientIndex,
        admin: operation === 'AdminInitiateAuth',
        used: false,
      };
    return;
  }
  // CONFIRMED and enabled: tokens.
  if (!succeeded(result) || body?.AuthenticationResult === undefined) {
    judgeRule(world, operation, user.statusRule, result.exchange, [
      {
        kind: 'state',
        path: '/AuthenticationResult',
        expected: 'tokens',
        actual: succeeded(result) ? `ChallengeName ${String(body?.ChallengeName)}` : answerOf(result),
        message: 'a sign-in of a CONFIRMED, enabled user with its password did not return tokens',
      },
    ]);
    return;
  }
  judgeRule(world, operation, user.statusRule, result.exchange, []);
  keepTokens(world, user, clientIndex, body.AuthenticationResult, undefined);
  judgeTokens(world, operation, user, clientIndex, result);
}

/** Keeps a token set from an AuthenticationResult (a refresh keeps its lineage and refresh token). */
function keepTokens(
  world: BehaviourWorld,
  user: UserModel,
  client: number,
  result: Record<string, unknown>,
  refreshedFrom: TokenSet | undefined,
): void {
  if (typeof result['AccessToken'] !== 'string') return;
  const refresh =
    typeof result['RefreshToken'] === 'string' ? result['RefreshToken'] : refreshedFrom?.refresh;
  user.tokens.push({
    access: result['AccessToken'],
    ...(refresh !== undefined ? { refresh } : {}),
    client,
    lineage: refreshedFrom?.lineage ?? (world.names += 1),
  });
}

/**
 * Judges the tokens of a successful answer: the ID token's attributes and groups, the access token's scope and
 * groups, and both lifetimes against the app client's settings.
 */
export function judgeTokens(
  world: BehaviourWorld,
  operation: string,
  user: UserModel,
  clientIndex: number,
  result: CallResult,
): void {
  const client = world.clients[clientIndex] as ClientModel;
  const auth = (result.exchange.body as { AuthenticationResult?: Record<string, unknown> } | undefined)
    ?.AuthenticationResult;
  if (auth === undefined) return;
  const id = claimsOf(auth['IdToken']);
  const access = claimsOf(auth['AccessToken']);
  const at = (token: string, claim: string) => `/AuthenticationResult/${token}/${claim}`;

  const attributes: RuleFinding[] = [];
  if (id === undefined)
    attributes.push({
      kind: 'token',
      path: '/AuthenticationResult/IdToken',
      expected: 'a JWT',
      actual: auth['IdToken'] === undefined ? null : 'not a JWT',
      message: 'no ID token to read the attributes from',
    });
  else {
    const { present, absent } = comparedAttributes(user, client.readsCustom);
    for (const [name, value] of present) {
      const claim = id[name];
      const matches = name === 'email_verified' ? String(claim) === value : claim === value;
      if (!matches)
        attributes.push({
          kind: 'token',
          path: at('IdToken', name),
          expected: value,
          actual: claim ?? null,
          message: `the ID token does not carry ${name} as last written`,
        });
    }
    for (const name of absent)
      if (id[name] !== undefined)
        attributes.push({
          kind: 'token',
          path: at('IdToken', name),
          expected: null,
          actual: id[name],
          message: `the ID token still carries ${name}, which AdminDeleteUserAttributes deleted`,
        });
  }
  judgeRule(world, operation, 'id-token-carries-attributes', result.exchange, attributes);

  if (user.groups.size > 0) {
    const groups: RuleFinding[] = [];
    for (const [token, claims] of [
      ['IdToken', id],
      ['AccessToken', access],
    ] as const) {
      const listed = claims?.['cognito:groups'];
      const missing = [...user.groups].filter((group) => !(Array.isArray(listed) && listed.includes(group)));
      if (missing.length > 0)
        groups.push({
          kind: 'token',
          path: at(token, 'cognito:groups'),
          expected: [...user.groups].sort(),
          actual: listed ?? null,
          message: `the ${token} does not list the user's groups in cognito:groups`,
        });
    }
    judgeRule(world, operation, 'groups-claim', result.exchange, groups);
  }

  const scope = access?.['scope'];
  judgeRule(
    world,
    operation,
    'access-token-scope',
    result.exchange,
    typeof scope === 'string' && scope.split(' ').includes(ADMIN_SCOPE)
      ? []
      : [
          {
            kind: 'token',
            path: at('AccessToken', 'scope'),
            expected: `a scope holding ${ADMIN_SCOPE}`,
            actual: scope ?? null,
            message: `the access token's scope lacks ${ADMIN_SCOPE}`,
          },
        ],
  );

  const lifetimes: RuleFinding[] = [];
  for (const [token, claims, seconds] of [
    ['AccessToken', access, client.accessSeconds],
    ['IdToken', id, client.idSeconds],
  ] as const) {
    if (claims === undefined) continue;
    const lived =
      typeof claims.exp === 'number' && typeof claims.iat === 'number' ? claims.exp - claims.iat : null;
    if (lived !== seconds)
      lifetimes.push({
        kind: 'token',
        path: at(token, 'exp'),
        expected: `${seconds} s (exp - iat)`,
        actual: lived === null ? null : `${lived} s (exp - iat)`,
        message: `the ${token} lives ${String(lived)} s (exp - iat), not the ${seconds} s the app client gives`,
      });
  }
  if (auth['ExpiresIn'] !== client.accessSeconds)
    lifetimes.push({
      kind: 'token',
      path: '/AuthenticationResult/ExpiresIn',
      expected: client.accessSeconds,
      actual: auth['ExpiresIn'] ?? null,
      message: 'ExpiresIn is not the access token lifetime the app client gives',
    });
  judgeRule(world, operation, client.lifetimeRule, result.exchange, lifetimes);
}

/** Answers a pending NEW_PASSWORD_REQUIRED challenge, through RespondToAuthChallenge or its admin form. */
export class AnswerNewPassword implements BehaviourCommand {
  constructor(
    readonly index: number,
    readonly admin: boolean,
    /** `short`: a password the policy refuses; `reuse`: the session already answered; `altered`: a changed session. */
    readonly variant: 'valid' | 'short' | 'reuse' | 'altered',
  ) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return this.candidates(model).length > 0;
  }

  private candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter(
      (user) =>
        user.challenge !== undefined &&
        user.challenge.admin === this.admin &&
        user.challenge.used === (this.variant === 'reuse') &&
        user.enabled,
    );
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = this.candidates(model);
    const user = users[this.index % users.length] as UserModel;
    const challenge = user.challenge as NonNullable<UserModel['challenge']>;
    world.steps.push(this.toString());
    const client = world.clients[challenge.client] as ClientModel;
    const password = this.variant === 'short' ? shortPassword(world) : validPassword(world);
    const session = this.variant === 'altered' ? alterSession(challenge.session) : challenge.session;
    const operation = this.admin ? 'AdminRespondToAuthChallenge' : 'RespondToAuthChallenge';
    const result = await send(world, operation, {
      ...(this.admin ? { UserPoolId: world.pool.id } : {}),
      ClientId: client.clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeResponses: {
        USERNAME: user.username,
        NEW_PASSWORD: password,
        ...secretHashFor(client, user.username),
      },
    });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    const tokensPath = '/AuthenticationResult';
    if (this.variant === 'short') {
      judgeRule(
        world,
        operation,
        'password-policy-enforced',
        result.exchange,
        expectRefusal(
          result,
          ['InvalidPasswordException'],
          'a NEW_PASSWORD shorter than MinimumLength',
          'accepted-invalid',
          '/ChallengeResponses/NEW_PASSWORD/$MinimumLength',
        ),
      );
      // Whether a refused answer spends the session no document says: the model stops using it.
      user.challenge = undefined;
    } else if (this.variant === 'reuse' || this.variant === 'altered') {
      const rule =
        this.variant === 'reuse' ? 'challenge-session-used-once' : 'challenge-wrong-session-refused';
      const what =
        this.variant === 'reuse' ? 'a Session that already answered its challenge' : 'an altered Session';
      const found = succeeded(result)
        ? [
            {
              kind: 'state' as const,
              path: tokensPath,
              expected: 'a refusal',
              actual: answerOf(result),
              message: `${what} was accepted`,
            },
          ]
        : [];
      judgeRule(world, operation, rule, result.exchange, found);
      if (this.variant === 'altered') return;
    }
    if (!succeeded(result)) return;
    // Accepted (rightly or not): the password is what the target now holds.
    if (this.variant === 'short') user.unknown = 'given a password the policy refuses';
    if (user.password !== password) user.previousPassword = user.password;
    user.password = password;
    user.status = 'CONFIRMED';
    user.statusRule = 'new-password-answer-gives-tokens';
    if (user.challenge) user.challenge.used = true;
    if (this.variant !== 'valid') return;
    const body = result.exchange.body as { AuthenticationResult?: Record<string, unknown> } | undefined;
    if (body?.AuthenticationResult === undefined) {
      judgeRule(world, operation, 'new-password-answer-gives-tokens', result.exchange, [
        {
          kind: 'state',
          path: tokensPath,
          expected: 'tokens',
          actual: 'no AuthenticationResult',
          message: 'the answer to NEW_PASSWORD_REQUIRED returned no tokens',
        },
      ]);
      return;
    }
    judgeRule(world, operation, 'new-password-answer-gives-tokens', result.exchange, []);
    keepTokens(world, user, challenge.client, body.AuthenticationResult, undefined);
    judgeTokens(world, operation, user, challenge.client, result);
  }

  toString(): string {
    return `AnswerNewPassword(${this.index}, ${this.admin ? 'admin' : 'public'}, ${this.variant})`;
  }
}

/** The session with its last characters changed, so it is no longer the one the target issued. */
function alterSession(session: string): string {
  const tail = session.slice(-8);
  const changed = [...tail].map((char) => (char === 'A' ? 'B' : 'A')).join('');
  return session.slice(0, -8) + changed;
}

/** The newest token set of a user whose access token the model knows the state of. */
function newestTokens(user: UserModel): TokenSet | undefined {
  return user.tokens.at(-1);
}

/** GetUser with the user's newest access token: refused once revoked, otherwise the attributes as last written. */
export class GetUser implements BehaviourCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).some((user) => user.tokens.length > 0);
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = known(model).filter((user) => user.tokens.length > 0);
    const user = users[this.index % users.length] as UserModel;
    const tokens = newestTokens(user) as TokenSet;
    world.steps.push(this.toString());
    const result = await send(world, 'GetUser', { AccessToken: tokens.access });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    if (tokens.accessRevokedBy !== undefined) {
      judgeRule(
        world,
        'GetUser',
        tokens.accessRevokedBy,
        result.exchange,
        expectRefusal(
          result,
          ['NotAuthorizedException'],
          'GetUser with a revoked access token',
          'token',
          '/$status',
        ),
      );
      return;
    }
    if (!succeeded(result)) {
      judgeRule(world, 'GetUser', 'access-token-scope', result.exchange, [
        {
          kind: 'token',
          path: '/$status',
          expected: 'HTTP 200',
          actual: answerOf(result),
          message: 'GetUser refused a fresh access token of a password sign-in',
        },
      ]);
      return;
    }
    judgeRule(world, 'GetUser', 'access-token-scope', result.exchange, []);
    const body = result.exchange.body as { UserAttributes?: unknown } | undefined;
    judgeRule(
      world,
      'GetUser',
      'attribute-changes-visible',
      result.exchange,
      attributeFindings(body?.UserAttributes, user, '/UserAttributes', 'GetUser'),
    );
  }

  toString(): string {
    return `GetUser(${this.index})`;
  }
}

/** REFRESH_TOKEN_AUTH with the user's newest refresh token: refused once revoked or disabled, else new tokens. */
export class Refresh implements BehaviourCommand {
  constructor(readonly index: number) {}

  private candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => {
      const tokens = newestTokens(user);
      // A disabled user's refresh is refused whatever its token; once enabled again, no document says.
      return tokens?.refresh !== undefined && (tokens.refreshRevokedBy !== 'unknown' || !user.enabled);
    });
  }

  check(model: Readonly<BehaviourModel>): boolean {
    return this.candidates(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = this.candidates(model);
    const user = users[this.index % users.length] as UserModel;
    const tokens = newestTokens(user) as TokenSet;
    const client = world.clients[tokens.client] as ClientModel;
    world.steps.push(this.toString());
    const result = await send(world, 'InitiateAuth', {
      ClientId: client.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: tokens.refresh as string, ...secretHashFor(client, user.username) },
    });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    const body = result.exchange.body as { AuthenticationResult?: Record<string, unknown> } | undefined;
    const tokensPath = body?.AuthenticationResult ? '/AuthenticationResult' : '/$status';
    if (!user.enabled) {
      judgeRule(
        world,
        'InitiateAuth',
        'disabled-user-cannot-sign-in',
        result.exchange,
        expectRefusal(
          result,
          ['NotAuthorizedException'],
          'REFRESH_TOKEN_AUTH of a disabled user',
          'state',
          tokensPath,
        ),
      );
      return;
    }
    if (tokens.refreshRevokedBy !== undefined) {
      judgeRule(
        world,
        'InitiateAuth',
        tokens.refreshRevokedBy,
        result.exchange,
        expectRefusal(
          result,
          ['NotAuthorizedException'],
          'REFRESH_TOKEN_AUTH with a revoked refresh token',
          'token',
          tokensPath,
        ),
      );
      return;
    }
    if (!succeeded(result) || body?.AuthenticationResult === undefined) return; // the auth check judges the flow itself
    keepTokens(world, user, tokens.client, body.AuthenticationResult, tokens);
    judgeTokens(world, 'InitiateAuth', user, tokens.client, result);
  }

  toString(): string {
    return `Refresh(${this.index})`;
  }
}

/** GlobalSignOut (the user's own access token) or AdminUserGlobalSignOut: every token of the user is revoked. */
export class SignOut implements BehaviourCommand {
  constructor(
    readonly index: number,
    readonly admin: boolean,
  ) {}

  private candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => {
      const tokens = newestTokens(user);
      return tokens !== undefined && (this.admin || tokens.accessRevokedBy === undefined);
    });
  }

  check(model: Readonly<BehaviourModel>): boolean {
    return this.candidates(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = this.candidates(model);
    const user = users[this.index % users.length] as UserModel;
    world.steps.push(this.toString());
    const result = this.admin
      ? await send(world, 'AdminUserGlobalSignOut', { UserPoolId: world.pool.id, Username: user.username })
      : await send(world, 'GlobalSignOut', { AccessToken: (newestTokens(user) as TokenSet).access });
    if (!succeeded(result)) return;
    const rule = this.admin ? 'admin-global-sign-out-revokes-tokens' : 'global-sign-out-revokes-tokens';
    for (const tokens of user.tokens) {
      tokens.accessRevokedBy ??= rule;
      if (tokens.refreshRevokedBy === undefined || tokens.refreshRevokedBy === 'unknown')
        tokens.refreshRevokedBy = rule;
    }
  }

  toString(): string {
    return `${this.admin ? 'AdminUserGlobalSignOut' : 'GlobalSignOut'}(${this.index})`;
  }
}

/** RevokeToken of the user's newest refresh token: it and the access tokens issued with it are revoked. */
export class RevokeRefreshToken implements BehaviourCommand {
  constructor(readonly index: number) {}

  private candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => newestTokens(user)?.refresh !== undefined);
  }

  check(model: Readonly<BehaviourModel>): boolean {
    return this.candidates(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = this.candidates(model);
    const user = users[this.index % users.length] as UserModel;
    const newest = newestTokens(user) as TokenSet;
    const client = world.clients[newest.client] as ClientModel;
    world.steps.push(this.toString());
    const result = await send(world, 'RevokeToken', {
      Token: newest.refresh as string,
      ClientId: client.clientId,
      ...(client.clientSecret ? { ClientSecret: client.clientSecret } : {}),
    });
    if (!succeeded(result)) return;
    for (const tokens of user.tokens.filter((candidate) => candidate.lineage === newest.lineage)) {
      tokens.accessRevokedBy ??= 'revoke-token-revokes-its-tokens';
      if (tokens.refreshRevokedBy === undefined || tokens.refreshRevokedBy === 'unknown')
        tokens.refreshRevokedBy = 'revoke-token-revokes-its-tokens';
    }
  }

  toString(): string {
    return `RevokeToken(${this.index})`;
  }
}

/** ChangePassword with the user's newest live access token: a valid new password, or one too short. */
export class ChangePassword implements BehaviourCommand {
  constructor(
    readonly index: number,
    readonly invalid: boolean,
  ) {}

  private candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => {
      const tokens = newestTokens(user);
      return (
        tokens !== undefined &&
        tokens.accessRevokedBy === undefined &&
        user.enabled &&
        user.status === 'CONFIRMED'
      );
    });
  }

  check(model: Readonly<BehaviourModel>): boolean {
    return this.candidates(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = this.candidates(model);
    const user = users[this.index % users.length] as UserModel;
    world.steps.push(this.toString());
    const proposed = this.invalid ? shortPassword(world) : validPassword(world);
    const result = await send(world, 'ChangePassword', {
      PreviousPassword: user.password,
      ProposedPassword: proposed,
      AccessToken: (newestTokens(user) as TokenSet).access,
    });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    if (this.invalid)
      judgeRule(
        world,
        'ChangePassword',
        'password-policy-enforced',
        result.exchange,
        expectRefusal(
          result,
          ['InvalidPasswordException'],
          'ChangePassword to a password shorter than MinimumLength',
          'accepted-invalid',
          '/ProposedPassword/$MinimumLength',
        ),
      );
    if (!succeeded(result)) return;
    if (this.invalid) user.unknown = 'given a password the policy refuses';
    user.previousPassword = user.password;
    user.password = proposed;
    user.statusRule = 'password-change-takes-effect';
  }

  toString(): string {
    return `ChangePassword(${this.index}${this.invalid ? ', short' : ''})`;
  }
}

/** AdminResetUserPassword of a CONFIRMED user with a verified email: the status becomes RESET_REQUIRED. */
export class ResetPassword implements BehaviourCommand {
  constructor(readonly index: number) {}

  private candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter(
      (user) => user.status === 'CONFIRMED' && user.attributes.get('email_verified') === 'true',
    );
  }

  check(model: Readonly<BehaviourModel>): boolean {
    return this.candidates(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = this.candidates(model);
    const user = users[this.index % users.length] as UserModel;
    world.steps.push(this.toString());
    const result = await send(world, 'AdminResetUserPassword', {
      UserPoolId: world.pool.id,
      Username: user.username,
    });
    if (!succeeded(result)) return;
    user.status = 'RESET_REQUIRED';
    user.statusRule = 'reset-password-requires-reset';
  }

  toString(): string {
    return `ResetPassword(${this.index})`;
  }
}

/** AdminAddUserToGroup of the sequence's group: the next tokens carry it in cognito:groups. */
export class AddToGroup implements BehaviourCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).some((user) => user.groups.size === 0);
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const users = known(model).filter((user) => user.groups.size === 0);
    const user = users[this.index % users.length] as UserModel;
    world.steps.push(this.toString());
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
export class ChangeAttribute implements BehaviourCommand {
  constructor(
    readonly index: number,
    readonly attribute: AttributeChoice,
    readonly remove: boolean,
  ) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = userAt(model, this.index) as UserModel;
    world.steps.push(this.toString());
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
export class UpdateImmutable implements BehaviourCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = userAt(model, this.index) as UserModel;
    world.steps.push(this.toString());
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
export class AdminGetUser implements BehaviourCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<BehaviourModel>): boolean {
    return known(model).length > 0;
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = userAt(model, this.index) as UserModel;
    world.steps.push(this.toString());
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

/** A sign-in of a user name the pool does not have: the error the app client's PreventUserExistenceErrors gives. */
export class SignInUnknown implements BehaviourCommand {
  constructor(
    readonly via: SignInVia,
    readonly client: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(_model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    world.steps.push(this.toString());
    const client = world.clients[this.client % world.clients.length] as ClientModel;
    world.names += 1;
    const result = await signIn(
      world,
      this.via,
      client,
      `nobody${world.names}-${world.pool.group}@example.com`,
      validPassword(world),
    );
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    const error =
      client.preventUserExistenceErrors === 'ENABLED' ? 'NotAuthorizedException' : 'UserNotFoundException';
    judgeRule(
      world,
      this.via,
      'user-existence-errors-follow-client',
      result.exchange,
      expectRefusal(
        result,
        [error],
        `a sign-in of an unknown user (PreventUserExistenceErrors ${client.preventUserExistenceErrors})`,
        'state',
        '/AuthenticationResult',
      ),
    );
  }

  toString(): string {
    return `SignInUnknown(${this.via}, client ${this.client})`;
  }
}

/** The flows a client has when ExplicitAuthFlows is not given (CreateUserPoolClientRequest$ExplicitAuthFlows). */
const DEFAULT_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
const UNIT_SECONDS: Readonly<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** Seconds of a validity setting read back from Describe; undefined when absent (the default applies). */
function describedSeconds(value: unknown, unit: unknown, defaultUnit: string): number | undefined {
  if (typeof value !== 'number') return undefined;
  return value * (UNIT_SECONDS[typeof unit === 'string' ? unit : defaultUnit] ?? Number.NaN);
}

/**
 * An app client of its own, created with ExplicitAuthFlows, RefreshTokenValidity, AccessTokenValidity, ReadAttributes
 * and PreventUserExistenceErrors, then updated with ClientName only: DescribeUserPoolClient must show each of them
 * back at its default. Judged at UpdateUserPoolClient, whose documented semantics it is.
 */
export class UpdateClientNameOnly implements BehaviourCommand {
  check(): boolean {
    return true;
  }

  async run(_model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    world.steps.push(this.toString());
    const created = await send(world, 'CreateUserPoolClient', {
      UserPoolId: world.pool.id,
      ClientName: world.side.name('upd'),
      ExplicitAuthFlows: [
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ],
      RefreshTokenValidity: 10,
      AccessTokenValidity: 2,
      TokenValidityUnits: { RefreshToken: 'days', AccessToken: 'hours' },
      ReadAttributes: ['email', world.pool.requiredAttribute],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const clientId = (created.exchange.body as { UserPoolClient?: { ClientId?: unknown } } | undefined)
      ?.UserPoolClient?.ClientId;
    if (!succeeded(created) || typeof clientId !== 'string') return;
    const updated = await send(world, 'UpdateUserPoolClient', {
      UserPoolId: world.pool.id,
      ClientId: clientId,
      ClientName: world.side.name('renamed'),
    });
    if (!succeeded(updated)) return;
    const described = await send(world, 'DescribeUserPoolClient', {
      UserPoolId: world.pool.id,
      ClientId: clientId,
    });
    await send(world, 'DeleteUserPoolClient', { UserPoolId: world.pool.id, ClientId: clientId });
    if (!succeeded(described)) return;
    const client = ((described.exchange.body as { UserPoolClient?: Record<string, unknown> } | undefined)
      ?.UserPoolClient ?? {}) as Record<string, unknown>;
    const units = (client['TokenValidityUnits'] ?? {}) as Record<string, unknown>;
    const found: RuleFinding[] = [];
    const at = (member: string) => `/UserPoolClient/${member}`;
    const flows = Array.isArray(client['ExplicitAuthFlows'])
      ? (client['ExplicitAuthFlows'] as unknown[])
      : [];
    const kept = flows.filter((flow) => !DEFAULT_FLOWS.includes(String(flow)));
    if (kept.length > 0)
      found.push({
        kind: 'state',
        path: at('ExplicitAuthFlows'),
        expected: `absent, or within ${DEFAULT_FLOWS.join(', ')}`,
        actual: flows,
        message: 'UpdateUserPoolClient without ExplicitAuthFlows kept flows outside the default',
      });
    const refresh = describedSeconds(client['RefreshTokenValidity'], units['RefreshToken'], 'days');
    if (refresh !== undefined && refresh !== 30 * 86_400)
      found.push({
        kind: 'state',
        path: at('RefreshTokenValidity'),
        expected: '30 days (the default)',
        actual: { RefreshTokenValidity: client['RefreshTokenValidity'], unit: units['RefreshToken'] ?? null },
        message: 'UpdateUserPoolClient without RefreshTokenValidity kept the old validity',
      });
    const access = describedSeconds(client['AccessTokenValidity'], units['AccessToken'], 'hours');
    if (access !== undefined && access !== 3600)
      found.push({
        kind: 'state',
        path: at('AccessTokenValidity'),
        expected: 'one hour (the default)',
        actual: { AccessTokenValidity: client['AccessTokenValidity'], unit: units['AccessToken'] ?? null },
        message: 'UpdateUserPoolClient without AccessTokenValidity kept the old validity',
      });
    const read = client['ReadAttributes'];
    if (Array.isArray(read) && read.length > 0)
      found.push({
        kind: 'state',
        path: at('ReadAttributes'),
        expected: 'absent (the default read attributes)',
        actual: read,
        message: 'UpdateUserPoolClient without ReadAttributes kept the old ones',
      });
    const prevent = client['PreventUserExistenceErrors'];
    if (prevent !== undefined && prevent !== 'LEGACY')
      found.push({
        kind: 'state',
        path: at('PreventUserExistenceErrors'),
        expected: 'LEGACY (the default)',
        actual: prevent,
        message: 'UpdateUserPoolClient without PreventUserExistenceErrors kept the old value',
      });
    judgeRule(
      world,
      'UpdateUserPoolClient',
      'update-client-resets-omitted-settings',
      updated.exchange,
      found,
    );
  }

  toString(): string {
    return 'UpdateClientNameOnly';
  }
}

/**
 * A pool of its own with TemporaryPasswordValidityDays 3, updated with UserPoolId only: DescribeUserPool must show the
 * documented default, 7. Judged at UpdateUserPool.
 */
export class UpdatePoolIdOnly implements BehaviourCommand {
  check(): boolean {
    return true;
  }

  async run(_model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    world.steps.push(this.toString());
    const created = await send(world, 'CreateUserPool', {
      PoolName: world.side.name('upd'),
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
    });
    const poolId = (created.exchange.body as { UserPool?: { Id?: unknown } } | undefined)?.UserPool?.Id;
    if (!succeeded(created) || typeof poolId !== 'string') return;
    world.side.adoptPool(poolId);
    try {
      const updated = await send(world, 'UpdateUserPool', { UserPoolId: poolId });
      if (!succeeded(updated)) return;
      const described = await send(world, 'DescribeUserPool', { UserPoolId: poolId });
      if (!succeeded(described)) return;
      const policy = (
        described.exchange.body as {
          UserPool?: { Policies?: { PasswordPolicy?: { TemporaryPasswordValidityDays?: unknown } } };
        }
      ).UserPool?.Policies?.PasswordPolicy;
      const days = policy?.TemporaryPasswordValidityDays;
      judgeRule(
        world,
        'UpdateUserPool',
        'update-pool-resets-omitted-settings',
        updated.exchange,
        days === undefined || days === 7
          ? []
          : [
              {
                kind: 'state',
                path: '/UserPool/Policies/PasswordPolicy/TemporaryPasswordValidityDays',
                expected: 7,
                actual: days,
                message: 'UpdateUserPool without Policies kept the old TemporaryPasswordValidityDays',
              },
            ],
      );
    } finally {
      const deleted = await send(world, 'DeleteUserPool', { UserPoolId: poolId });
      if (succeeded(deleted)) world.side.forgetPool(poolId);
    }
  }

  toString(): string {
    return 'UpdatePoolIdOnly';
  }
}
