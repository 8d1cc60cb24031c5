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
  forgetTokenStates,
  revokeTokens,
  judgeRule,
  known,
  newestTokens,
  type PendingChallenge,
  type Refusal,
  type RuleFinding,
  secretHashFor,
  send,
  shortPassword,
  succeeded,
  type TokenSet,
  UserCommand,
  type UserModel,
  validPassword,
} from './behaviour-model.ts';
import { judgeTokens, keepTokens } from './behaviour-tokens.ts';

/** How a command signs in: the public flow or the administrative one. */
export type SignInVia = 'InitiateAuth' | 'AdminInitiateAuth';

/** Which password a sign-in presents. */
export type PasswordChoice = 'current' | 'previous';

/**
 * A password sign-in (USER_PASSWORD_AUTH through InitiateAuth, ADMIN_USER_PASSWORD_AUTH through AdminInitiateAuth)
 * with app client `client`. The model predicts the answer from the user's state: refused when disabled, unconfirmed
 * or reset; a NEW_PASSWORD_REQUIRED challenge with a temporary password; otherwise tokens, whose claims and
 * lifetimes it judges. With the previous password, refused.
 */
export class SignIn extends UserCommand {
  constructor(
    index: number,
    readonly via: SignInVia,
    readonly client: number,
    readonly password: PasswordChoice = 'current',
  ) {
    super(index);
  }

  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return this.password === 'previous'
      ? known(model).filter((user) => user.previousPassword !== undefined)
      : known(model);
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const client = world.clients[this.client % world.clients.length] as ClientModel;
    const password = this.password === 'previous' ? (user.previousPassword as string) : user.password;
    const result = await signIn(world, this.via, client, user.username, password);
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    if (this.password === 'previous') {
      if (!user.enabled || user.status !== 'CONFIRMED') return;
      judgeRule(
        world,
        this.via,
        'password-change-takes-effect',
        result.exchange,
        expectRefusal(
          result,
          'any-4xx',
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

/**
 * What a sign-in with a temporary password answered instead of a NEW_PASSWORD_REQUIRED challenge with a Session: one
 * finding, at the first thing that is off (tokens, a refusal or another challenge, no Session). The Session's is at
 * `/Session/$required`, the member's presence, since a Session itself is a secret no finding holds.
 */
function challengeFindings(result: CallResult): RuleFinding[] {
  const body = result.exchange.body as
    { AuthenticationResult?: unknown; ChallengeName?: unknown; Session?: unknown } | undefined;
  const finding = (path: string, expected: string, actual: unknown, message: string): RuleFinding[] => [
    { kind: 'state', path, expected, actual, message },
  ];
  if (succeeded(result) && body?.AuthenticationResult !== undefined)
    return finding(
      '/AuthenticationResult',
      'no tokens before the new password',
      'AuthenticationResult with tokens',
      'a sign-in with a temporary password returned tokens',
    );
  if (!succeeded(result) || body?.ChallengeName !== 'NEW_PASSWORD_REQUIRED')
    return finding(
      '/ChallengeName',
      'NEW_PASSWORD_REQUIRED',
      succeeded(result) ? (body?.ChallengeName ?? null) : answerOf(result),
      'a sign-in with a temporary password did not answer NEW_PASSWORD_REQUIRED',
    );
  if (typeof body.Session !== 'string' || body.Session === '')
    return finding(
      '/Session/$required',
      'a Session',
      'none',
      'the NEW_PASSWORD_REQUIRED challenge came without a Session',
    );
  return [];
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
    judgeRule(
      world,
      operation,
      'disabled-user-cannot-sign-in',
      result.exchange,
      expectRefusal(result, 'any-4xx', 'a sign-in of a disabled user', 'state', '/AuthenticationResult'),
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
        '/AuthenticationResult',
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
        '/AuthenticationResult',
      ),
    );
    return;
  }
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    judgeRule(
      world,
      operation,
      'temporary-password-gets-new-password-challenge',
      result.exchange,
      challengeFindings(result),
    );
    if (typeof body?.Session === 'string' && body.ChallengeName === 'NEW_PASSWORD_REQUIRED')
      user.challenge = {
        session: body.Session,
        client: clientIndex,
        admin: operation === 'AdminInitiateAuth',
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

/**
 * Answers a pending NEW_PASSWORD_REQUIRED challenge, through RespondToAuthChallenge for one of InitiateAuth or
 * AdminRespondToAuthChallenge for one of AdminInitiateAuth (each Session's documentation names its own). No document
 * says a Session serves once, so none is answered twice.
 */
export class AnswerNewPassword extends UserCommand {
  constructor(
    index: number,
    readonly admin: boolean,
    /** `short`: a password the policy refuses; `altered`: a Session changed from the one the target issued. */
    readonly variant: 'valid' | 'short' | 'altered',
  ) {
    super(index);
  }

  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter(
      (user) => user.challenge !== undefined && user.challenge.admin === this.admin && user.enabled,
    );
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const challenge = user.challenge as PendingChallenge;
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
    if (this.variant === 'altered') {
      judgeRule(
        world,
        operation,
        'challenge-wrong-session-refused',
        result.exchange,
        expectRefusal(result, 'any-4xx', 'an altered Session', 'state', '/AuthenticationResult'),
      );
      // Accepted: what the target now holds is no document's prediction.
      if (succeeded(result)) user.unknown = 'an altered Session was accepted';
      return;
    }
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
      // Refused: whether the Session still serves no document says, so the model stops using it. Accepted: the user
      // holds a password the policy refuses, which no document predicts from.
      if (succeeded(result)) user.unknown = 'given a password the policy refuses';
      user.challenge = undefined;
      return;
    }
    if (!succeeded(result)) return;
    if (user.password !== password) user.previousPassword = user.password;
    user.password = password;
    user.status = 'CONFIRMED';
    user.statusRule = 'new-password-answer-gives-tokens';
    user.challenge = undefined;
    const body = result.exchange.body as { AuthenticationResult?: Record<string, unknown> } | undefined;
    if (body?.AuthenticationResult === undefined) {
      judgeRule(world, operation, 'new-password-answer-gives-tokens', result.exchange, [
        {
          kind: 'state',
          path: '/AuthenticationResult',
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

/** GetUser with the user's newest access token: refused once revoked, otherwise the attributes as last written. */
export class GetUser extends UserCommand {
  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => {
      const state = newestTokens(user)?.accessRevokedBy;
      return user.tokens.length > 0 && state !== 'unknown';
    });
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const tokens = newestTokens(user) as TokenSet;
    const result = await send(world, 'GetUser', { AccessToken: tokens.access });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    if (tokens.accessRevokedBy !== undefined) {
      judgeRule(
        world,
        'GetUser',
        tokens.accessRevokedBy,
        result.exchange,
        expectRefusal(result, 'any-4xx', 'GetUser with a revoked access token', 'token', '/$status'),
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
export class Refresh extends UserCommand {
  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => {
      const tokens = newestTokens(user);
      // A disabled user's refresh is refused whatever its token; once enabled again, no document says.
      return tokens?.refresh !== undefined && (tokens.refreshRevokedBy !== 'unknown' || !user.enabled);
    });
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const tokens = newestTokens(user) as TokenSet;
    const client = world.clients[tokens.client] as ClientModel;
    const result = await send(world, 'InitiateAuth', {
      ClientId: client.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: tokens.refresh as string, ...secretHashFor(client, user.username) },
    });
    if (!answered(result) || answersNotImplemented(result.exchange)) return;
    const body = result.exchange.body as { AuthenticationResult?: Record<string, unknown> } | undefined;
    if (!user.enabled) {
      judgeRule(
        world,
        'InitiateAuth',
        'disabled-user-cannot-sign-in',
        result.exchange,
        expectRefusal(
          result,
          'any-4xx',
          'REFRESH_TOKEN_AUTH of a disabled user',
          'state',
          '/AuthenticationResult',
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
          'any-4xx',
          'REFRESH_TOKEN_AUTH with a revoked refresh token',
          'token',
          '/AuthenticationResult',
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
export class SignOut extends UserCommand {
  constructor(
    index: number,
    readonly admin: boolean,
  ) {
    super(index);
  }

  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => {
      const tokens = newestTokens(user);
      return tokens !== undefined && (this.admin || tokens.accessRevokedBy === undefined);
    });
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const result = this.admin
      ? await send(world, 'AdminUserGlobalSignOut', { UserPoolId: world.pool.id, Username: user.username })
      : await send(world, 'GlobalSignOut', { AccessToken: (newestTokens(user) as TokenSet).access });
    if (!succeeded(result)) return;
    const rule = this.admin ? 'admin-global-sign-out-revokes-tokens' : 'global-sign-out-revokes-tokens';
    revokeTokens(user.tokens, rule, 'refresh too');
  }

  toString(): string {
    return `${this.admin ? 'AdminUserGlobalSignOut' : 'GlobalSignOut'}(${this.index})`;
  }
}

/** RevokeToken of the user's newest refresh token: it and the access tokens issued with it are revoked. */
export class RevokeRefreshToken extends UserCommand {
  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model).filter((user) => newestTokens(user)?.refresh !== undefined);
  }

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
    const newest = newestTokens(user) as TokenSet;
    const client = world.clients[newest.client] as ClientModel;
    const result = await send(world, 'RevokeToken', {
      Token: newest.refresh as string,
      ClientId: client.clientId,
      ...(client.clientSecret ? { ClientSecret: client.clientSecret } : {}),
    });
    if (!succeeded(result)) return;
    revokeTokens(
      user.tokens.filter((candidate) => candidate.lineage === newest.lineage),
      'revoke-token-revokes-its-tokens',
      'refresh too',
    );
  }

  toString(): string {
    return `RevokeToken(${this.index})`;
  }
}

/** ChangePassword with the user's newest live access token: a valid new password, or one too short. */
export class ChangePassword extends UserCommand {
  constructor(
    index: number,
    readonly invalid: boolean,
  ) {
    super(index);
  }

  protected override candidates(model: Readonly<BehaviourModel>): UserModel[] {
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

  async run(model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    const user = this.begin(model, world);
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
    forgetTokenStates(user);
    user.statusRule = 'password-change-takes-effect';
  }

  toString(): string {
    return `ChangePassword(${this.index}${this.invalid ? ', short' : ''})`;
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
    // ENABLED: an error that does not say whether the user exists, which UserNotFoundException does; LEGACY (the
    // default): UserNotFoundException, which the setting's documentation names.
    const refusal: Refusal =
      client.preventUserExistenceErrors === 'ENABLED'
        ? { except: ['UserNotFoundException'] }
        : ['UserNotFoundException'];
    judgeRule(
      world,
      this.via,
      client.preventUserExistenceErrors === 'ENABLED'
        ? 'user-existence-hidden-when-enabled'
        : 'user-not-found-when-legacy',
      result.exchange,
      expectRefusal(
        result,
        refusal,
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
