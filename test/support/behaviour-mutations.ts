import type { Mutation } from './mutation.ts';
import {
  jsonBodyOf,
  jsonRequestOf,
  withJsonBody,
  withJsonRequest,
  type ProxiedResponse,
} from './proxied-exchange.ts';

/**
 * The deviations the behaviour model must catch (`runBehaviour`, `specs/behaviour-rules.json`): each breaks one
 * documented rule of one area through the mutation proxy, narrowly (`when`), so the rest of a command sequence runs
 * as it would. The rows are in test/mutation/behaviour.embedded.test.ts and behaviour-moto.container.test.ts.
 */

/**
 * status: AdminGetUser shows a user the target holds in FORCE_CHANGE_PASSWORD (a temporary password) as CONFIRMED,
 * so a user made by AdminCreateUser does not read back FORCE_CHANGE_PASSWORD.
 */
export const STATUS_SHOWN_CONFIRMED: Mutation = {
  name: 'status-shown-confirmed',
  description: 'AdminGetUser answers UserStatus CONFIRMED for a FORCE_CHANGE_PASSWORD user',
  operations: ['AdminGetUser'],
  status: 200,
  honest: [],
  rewriteResponse: (response) => {
    if (jsonBodyOf(response)?.['UserStatus'] !== 'FORCE_CHANGE_PASSWORD') return response;
    return withJsonBody(response, (body) => ({ ...body, UserStatus: 'CONFIRMED' }));
  },
};

/** enabled: ListUsers lists every disabled user with Enabled true. */
export const LIST_USERS_SHOWS_DISABLED_ENABLED: Mutation = {
  name: 'list-users-shows-disabled-enabled',
  description: 'ListUsers lists a disabled user with Enabled true',
  operations: ['ListUsers'],
  status: 200,
  honest: [],
  rewriteResponse: (response) => {
    const users = jsonBodyOf(response)?.['Users'];
    if (!Array.isArray(users) || !users.some((user) => isObject(user) && user['Enabled'] === false))
      return response;
    return withJsonBody(response, (body) => ({
      ...body,
      Users: (body['Users'] as unknown[]).map((user) =>
        isObject(user) && user['Enabled'] === false ? { ...user, Enabled: true } : user,
      ),
    }));
  },
};

/**
 * challenges: the NEW_PASSWORD_REQUIRED challenge that answers a sign-in with a temporary password comes without its
 * Session, so it cannot be answered.
 */
export const CHALLENGE_WITHOUT_SESSION: Mutation = {
  name: 'challenge-without-session',
  description: 'a NEW_PASSWORD_REQUIRED challenge comes without its Session',
  operations: ['InitiateAuth', 'AdminInitiateAuth'],
  status: 200,
  honest: [],
  rewriteResponse: (response) => {
    const body = jsonBodyOf(response);
    if (body?.['ChallengeName'] !== 'NEW_PASSWORD_REQUIRED' || body['Session'] === undefined) return response;
    return withJsonBody(response, ({ Session: _dropped, ...rest }) => rest);
  },
};

/**
 * challenges: an altered Session is accepted. The proxy keeps the last Session a sign-in's NEW_PASSWORD_REQUIRED
 * challenge handed out, and a challenge answer naming another Session is sent with that one instead, as a target
 * that never checks the Session would answer.
 */
export const CHALLENGE_ALTERED_SESSION_ACCEPTED: Mutation = {
  name: 'challenge-altered-session-accepted',
  description: 'RespondToAuthChallenge accepts a Session the target never issued',
  operations: ['InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge', 'AdminRespondToAuthChallenge'],
  honest: [],
  rewriteRequest: (request, { state }) => {
    if (!request.operation.endsWith('RespondToAuthChallenge')) return request;
    const body = jsonRequestOf(request);
    const issued = state.get('session');
    if (body === undefined || typeof issued !== 'string' || body['Session'] === issued) return request;
    return withJsonRequest(request, { ...body, Session: issued });
  },
  rewriteResponse: (response, request, { state }) => {
    if (request.operation.endsWith('RespondToAuthChallenge')) return response;
    const session = jsonBodyOf(response)?.['Session'];
    if (typeof session === 'string') state.set('session', session);
    return response;
  },
};

/**
 * token contents: the ID token of InitiateAuth lacks the `cognito:groups` claim (the payload re-encoded without it;
 * the signature is left as it was, which the behaviour check does not read).
 */
export const ID_TOKEN_WITHOUT_GROUPS: Mutation = {
  name: 'id-token-without-groups',
  description: 'the ID token of InitiateAuth lacks the cognito:groups claim',
  operations: ['InitiateAuth'],
  status: 200,
  honest: [],
  rewriteResponse: (response) =>
    editIdToken(response, (claims) => {
      if (!('cognito:groups' in claims)) return claims;
      const { 'cognito:groups': _dropped, ...rest } = claims;
      return rest;
    }),
};

/** token lifetimes: the ID token of InitiateAuth lives an hour longer than its app client says (`exp` + 3600). */
export const ID_TOKEN_LIVES_LONGER: Mutation = {
  name: 'id-token-lives-longer',
  description: 'the ID token of InitiateAuth has exp one hour later than the app client gives',
  operations: ['InitiateAuth'],
  status: 200,
  honest: [],
  rewriteResponse: (response) =>
    editIdToken(response, (claims) =>
      typeof claims['exp'] === 'number' ? { ...claims, exp: claims['exp'] + 3600 } : claims,
    ),
};

/** revocation: RevokeToken answers `200 {}` without reaching the target, so the refresh token keeps working. */
export const REVOKE_TOKEN_REVOKES_NOTHING: Mutation = {
  name: 'revoke-token-revokes-nothing',
  description: 'RevokeToken answers 200 {} and the refresh token keeps working',
  ...answeredWithoutEffect('RevokeToken'),
};

/** revocation: GlobalSignOut answers `200 {}` without reaching the target, so the user's tokens keep working. */
export const GLOBAL_SIGN_OUT_REVOKES_NOTHING: Mutation = {
  name: 'global-sign-out-revokes-nothing',
  description: "GlobalSignOut answers 200 {} and the user's access tokens keep working",
  ...answeredWithoutEffect('GlobalSignOut'),
};

/**
 * password rules: ChangePassword answers `200 {}` without reaching the target, so the old password still signs in
 * and the new one does not.
 */
export const CHANGE_PASSWORD_CHANGES_NOTHING: Mutation = {
  name: 'change-password-changes-nothing',
  description: 'ChangePassword answers 200 {} and the old password still signs in',
  ...answeredWithoutEffect('ChangePassword'),
};

/**
 * password rules: AdminSetUserPassword accepts a password shorter than the pool's MinimumLength. A target that
 * refuses it honestly is sent a valid password in its place (longer, every character class), so it accepts.
 */
export const SHORT_PASSWORD_ACCEPTED: Mutation = {
  name: 'short-password-accepted',
  description: 'AdminSetUserPassword accepts a Password shorter than MinimumLength',
  operations: ['AdminSetUserPassword'],
  when: (request) => {
    const password = jsonRequestOf(request)?.['Password'];
    return typeof password === 'string' && password.length < SHORTEST_VALID_PASSWORD;
  },
  honest: [],
  rewriteRequest: (request) => {
    const body = jsonRequestOf(request);
    if (body === undefined) return request;
    return withJsonRequest(request, { ...body, Password: 'Replaced#Pass-word9x' });
  },
};

/**
 * attributes: AdminGetUser shows the `given_name` a user had before the last AdminUpdateUserAttributes that wrote it
 * (read from the target, past the proxy, just before that update), so the write does not read back.
 */
export const STALE_GIVEN_NAME: Mutation = {
  name: 'stale-given-name',
  description: 'AdminGetUser answers the given_name from before the last AdminUpdateUserAttributes',
  operations: ['AdminUpdateUserAttributes', 'AdminGetUser'],
  honest: [],
  rewriteRequest: async (request, { state, upstream }) => {
    const body = jsonRequestOf(request);
    if (request.operation !== 'AdminUpdateUserAttributes' || body === undefined) return request;
    const written = body['UserAttributes'];
    if (!Array.isArray(written) || !written.some((item) => isObject(item) && item['Name'] === 'given_name'))
      return request;
    const before = await upstream.call('AdminGetUser', {
      UserPoolId: body['UserPoolId'],
      Username: body['Username'],
    });
    const value = attributeValue(jsonBodyOf(before)?.['UserAttributes'], 'given_name');
    if (before.status === 200 && value !== undefined) state.set(userKey(body), value);
    return request;
  },
  rewriteResponse: (response, request, { state }) => {
    const stale = state.get(userKey(jsonRequestOf(request)));
    if (request.operation !== 'AdminGetUser' || response.status !== 200 || typeof stale !== 'string')
      return response;
    const shown = attributeValue(jsonBodyOf(response)?.['UserAttributes'], 'given_name');
    if (shown === undefined || shown === stale) return response;
    return withJsonBody(response, (body) => ({
      ...body,
      UserAttributes: (body['UserAttributes'] as unknown[]).map((item) =>
        isObject(item) && item['Name'] === 'given_name' ? { ...item, Value: stale } : item,
      ),
    }));
  },
};

/**
 * update semantics: UpdateUserPool keeps the settings its request leaves out. An update without `Policies` is sent
 * with the pool's current Policies (read from the target, past the proxy, just before), so an omitted
 * TemporaryPasswordValidityDays keeps its old value instead of going back to the default.
 */
export const UPDATE_POOL_KEEPS_POLICIES: Mutation = {
  name: 'update-pool-keeps-policies',
  description: 'UpdateUserPool without Policies keeps the old password policy',
  operations: ['UpdateUserPool'],
  when: (request) => {
    const body = jsonRequestOf(request);
    return body !== undefined && body['Policies'] === undefined && typeof body['UserPoolId'] === 'string';
  },
  honest: [],
  rewriteRequest: async (request, { upstream }) => {
    const body = jsonRequestOf(request) as Record<string, unknown>;
    const described = await upstream.call('DescribeUserPool', { UserPoolId: body['UserPoolId'] });
    const pool = jsonBodyOf(described)?.['UserPool'];
    const policies = isObject(pool) ? pool['Policies'] : undefined;
    if (described.status !== 200 || !isObject(policies)) return request;
    return withJsonRequest(request, { ...body, Policies: policies });
  },
};

/**
 * user existence: a sign-in of an unknown user (the model's user names start with `nobody`) refused with
 * NotAuthorizedException, as an app client with PreventUserExistenceErrors ENABLED must, is answered with
 * UserNotFoundException instead.
 */
export const UNKNOWN_USER_REVEALED: Mutation = unknownUserAnswered(
  'unknown-user-revealed',
  'NotAuthorizedException',
  'UserNotFoundException',
  'User does not exist.',
);

/**
 * user existence errors: InitiateAuth of an unknown user hides whether the user exists (NotAuthorizedException) where
 * the app client says LEGACY, whose documentation names UserNotFoundException.
 */
export const UNKNOWN_USER_HIDDEN: Mutation = unknownUserAnswered(
  'unknown-user-hidden',
  'UserNotFoundException',
  'NotAuthorizedException',
  'Incorrect username or password.',
);

/** InitiateAuth of an unknown user (the model's `nobody…` names) refused with `to` where the target said `from`. */
function unknownUserAnswered(name: string, from: string, to: string, message: string): Mutation {
  return {
    name,
    description: `InitiateAuth of an unknown user answers ${to} instead of ${from}`,
    operations: ['InitiateAuth'],
    status: 400,
    when: (request) => {
      const parameters = jsonRequestOf(request)?.['AuthParameters'];
      return isObject(parameters) && String(parameters['USERNAME']).startsWith('nobody');
    },
    honest: [],
    rewriteResponse: (response) => {
      if (jsonBodyOf(response)?.['__type'] !== from) return response;
      return withJsonBody(response, (body) => ({ ...body, __type: to, message }));
    },
  };
}

/**
 * The behaviour mutations of the embedded cognito-local, one per behaviour area it can judge: the challenge rule at
 * InitiateAuth only (its AdminInitiateAuth gives no challenge), revocation through RevokeToken (it lacks
 * GlobalSignOut), and password rules through `password-change-takes-effect` (it accepts every short password, so
 * `password-policy-enforced` holds nowhere there to be broken).
 */
export const BEHAVIOUR_MUTATIONS: readonly Mutation[] = [
  STATUS_SHOWN_CONFIRMED,
  LIST_USERS_SHOWS_DISABLED_ENABLED,
  CHALLENGE_WITHOUT_SESSION,
  ID_TOKEN_WITHOUT_GROUPS,
  ID_TOKEN_LIVES_LONGER,
  REVOKE_TOKEN_REVOKES_NOTHING,
  CHANGE_PASSWORD_CHANGES_NOTHING,
  STALE_GIVEN_NAME,
  UPDATE_POOL_KEEPS_POLICIES,
  UNKNOWN_USER_REVEALED,
];

/**
 * The behaviour mutations moto shows and the embedded cognito-local cannot: refusing an altered Session, signing out
 * (GlobalSignOut), the password policy (moto's AdminSetUserPassword enforces MinimumLength; cognito-local accepts every
 * short password, and neither checks AdminCreateUser's TemporaryPassword) and UserNotFoundException under LEGACY
 * (cognito-local answers NotAuthorizedException whatever the setting).
 */
export const MOTO_BEHAVIOUR_MUTATIONS: readonly Mutation[] = [
  CHALLENGE_ALTERED_SESSION_ACCEPTED,
  GLOBAL_SIGN_OUT_REVOKES_NOTHING,
  SHORT_PASSWORD_ACCEPTED,
  UNKNOWN_USER_HIDDEN,
];

/** The behaviour model's pools have MinimumLength 12: a password shorter is the short one it sends. */
const SHORTEST_VALID_PASSWORD = 12;

/**
 * A mutation of `operation` that never reaches the target: the request is forwarded with an empty body (which the
 * target refuses, changing nothing) and answered `200 {}`.
 */
function answeredWithoutEffect(
  operation: string,
): Pick<Mutation, 'operations' | 'honest' | 'rewriteRequest' | 'rewriteResponse'> {
  return {
    operations: [operation],
    honest: [],
    rewriteRequest: (request) => withJsonRequest(request, {}),
    rewriteResponse: (response) => ({
      status: 200,
      headers: { ...response.headers, 'content-type': 'application/x-amz-json-1.1' },
      body: Buffer.from('{}', 'utf8'),
    }),
  };
}

/** Edits the claims of the AuthenticationResult's IdToken; a response without one is returned as it was. */
function editIdToken(
  response: ProxiedResponse,
  edit: (claims: Record<string, unknown>) => Record<string, unknown>,
): ProxiedResponse {
  const result = jsonBodyOf(response)?.['AuthenticationResult'];
  const token = isObject(result) ? result['IdToken'] : undefined;
  if (typeof token !== 'string') return response;
  const edited = editJwtPayload(token, edit);
  if (edited === token) return response;
  return withJsonBody(response, (body) => ({
    ...body,
    AuthenticationResult: { ...(body['AuthenticationResult'] as Record<string, unknown>), IdToken: edited },
  }));
}

/** The compact JWS with its payload re-encoded after `edit` (the same token when `edit` returns its argument). */
function editJwtPayload(
  token: string,
  edit: (claims: Record<string, unknown>) => Record<string, unknown>,
): string {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) return token;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return token;
  }
  if (!isObject(claims)) return token;
  const edited = edit(claims);
  if (edited === claims) return token;
  return `${header}.${Buffer.from(JSON.stringify(edited), 'utf8').toString('base64url')}.${signature}`;
}

/** The value of attribute `name` in a `[{Name, Value}]` list, if listed. */
function attributeValue(listed: unknown, name: string): string | undefined {
  if (!Array.isArray(listed)) return undefined;
  const item = listed.find((candidate) => isObject(candidate) && candidate['Name'] === name) as
    Record<string, unknown> | undefined;
  return typeof item?.['Value'] === 'string' ? item['Value'] : undefined;
}

/** The key of a user in a mutation's state: pool id and user name of the request. */
function userKey(body: Record<string, unknown> | undefined): string {
  return `user:${String(body?.['UserPoolId'])}/${String(body?.['Username'])}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
