import { REQUEST_ID_HEADERS } from '../../src/protocol/index.ts';
import type { Mutation } from './mutation.ts';
import {
  jsonBodyOf,
  jsonRequestOf,
  withHeader,
  withJsonBody,
  withJsonRequest,
  type ProxiedResponse,
} from './proxied-exchange.ts';

/**
 * The catalogue of deviations the mutation tests inject, one small definition each. Every one must be
 * caught by the check named in its row (test/mutation/); the detection table lists them all.
 */

/** DescribeUserPool leaves out `UserPool.Name`, so what CreateUserPool sent does not read back. */
export const DROP_POOL_NAME: Mutation = {
  name: 'drop-response-member',
  description: 'DescribeUserPool drops UserPool.Name',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) => editUserPool(response, ({ Name: _dropped, ...pool }) => pool),
};

/** A number member sent as a JSON string. */
export const NUMBER_AS_STRING: Mutation = {
  name: 'number-as-string',
  description: 'DescribeUserPool sends EstimatedNumberOfUsers as a string',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) =>
    editUserPool(response, (pool) => ({
      ...pool,
      EstimatedNumberOfUsers: String(pool['EstimatedNumberOfUsers'] ?? 0),
    })),
};

/** A boolean member sent as a JSON string. */
export const BOOLEAN_AS_STRING: Mutation = {
  name: 'boolean-as-string',
  description: 'DescribeUserPool sends PasswordPolicy.RequireUppercase as a string',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) =>
    editUserPool(response, (pool) => {
      const policies = (pool['Policies'] ?? {}) as Record<string, unknown>;
      const passwordPolicy = (policies['PasswordPolicy'] ?? {}) as Record<string, unknown>;
      const requireUppercase = String(passwordPolicy['RequireUppercase'] ?? true);
      return {
        ...pool,
        Policies: { ...policies, PasswordPolicy: { ...passwordPolicy, RequireUppercase: requireUppercase } },
      };
    }),
};

/** An enum member with a value outside the enum (Cognito says `Enabled` or `Disabled`). */
export const ENUM_OUT_OF_RANGE: Mutation = {
  name: 'enum-out-of-range',
  description: 'DescribeUserPool sends UserPool.Status "Active"',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) => editUserPool(response, (pool) => ({ ...pool, Status: 'Active' })),
};

/** A timestamp as an ISO 8601 string instead of epoch seconds. */
export const TIMESTAMP_AS_ISO: Mutation = {
  name: 'timestamp-as-iso-string',
  description: 'DescribeUserPool sends CreationDate as an ISO string',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) =>
    editUserPool(response, (pool) => {
      const seconds = typeof pool['CreationDate'] === 'number' ? pool['CreationDate'] : 0;
      return { ...pool, CreationDate: new Date(seconds * 1000).toISOString() };
    }),
};

/** A timestamp as a numeric string: the SDK reads it, as a `Date`, where the wire had a string. */
export const TIMESTAMP_AS_NUMERIC_STRING: Mutation = {
  name: 'timestamp-as-numeric-string',
  description: 'DescribeUserPool sends CreationDate as a string of epoch seconds',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) =>
    editUserPool(response, (pool) => ({ ...pool, CreationDate: String(pool['CreationDate'] ?? 0) })),
};

/** `null` where a structure belongs: the SDK's output has no such member. */
export const NULL_STRUCTURE: Mutation = {
  name: 'null-structure',
  description: 'DescribeUserPool sends UserPool.Policies as null',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) => editUserPool(response, (pool) => ({ ...pool, Policies: null })),
};

/** An error under another name: `ResourceNotFoundException` becomes `NoSuchPool`. */
export const RENAMED_ERROR_TYPE: Mutation = {
  name: 'renamed-error-type',
  description: 'ResourceNotFoundException is sent as __type NoSuchPool',
  operations: ['DescribeUserPool'],
  status: 400,
  honest: [],
  rewriteResponse: (response) => {
    if (jsonBodyOf(response)?.['__type'] !== 'ResourceNotFoundException') return response;
    return withJsonBody(response, (body) => ({ ...body, __type: 'NoSuchPool' }));
  },
};

/** A client error answered as a gateway's HTML error page. The page must not name the operation, or it reads as "unsupported". */
export const HTML_SERVER_ERROR: Mutation = {
  name: '4xx-as-5xx-html',
  description: 'a 400 error becomes a 503 HTML page',
  operations: ['DescribeUserPool'],
  status: 400,
  honest: [],
  rewriteResponse: () => ({
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: Buffer.from(
      '<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>',
      'utf8',
    ),
  }),
};

/** A page that has more pools after it, sent without its NextToken. */
export const DROP_NEXT_TOKEN: Mutation = {
  name: 'drop-next-token',
  description: 'ListUserPools drops NextToken from a page with more pools after it',
  operations: ['ListUserPools'],
  honest: ['pagination'],
  rewriteResponse: (response) => {
    if (jsonBodyOf(response)?.['NextToken'] === undefined) return response;
    return withJsonBody(response, ({ NextToken: _dropped, ...body }) => body);
  },
};

/** A page holding one pool more than MaxResults (the proxy paginates as if asked for one more). */
export const ONE_OVER_MAX_RESULTS: Mutation = {
  name: 'one-over-max-results',
  description: 'ListUserPools returns MaxResults + 1 pools on a page',
  operations: ['ListUserPools'],
  honest: ['pagination'],
  rewriteRequest: (request) => {
    const body = jsonRequestOf(request);
    const maxResults = body?.['MaxResults'];
    if (
      body === undefined ||
      typeof maxResults !== 'number' ||
      !Number.isInteger(maxResults) ||
      maxResults >= 60
    )
      return request;
    return withJsonRequest(request, { ...body, MaxResults: maxResults + 1 });
  },
};

/** A listed item of the wrong shape: only pages that hold pools show it. */
export const LISTED_ITEM_WRONG_TYPE: Mutation = {
  name: 'listed-item-wrong-type',
  description: 'ListUserPools lists each pool with its Name as a number',
  operations: ['ListUserPools'],
  honest: [],
  rewriteResponse: (response) =>
    withJsonBody(response, (body) => {
      const pools = body['UserPools'];
      if (!Array.isArray(pools)) return body;
      return {
        ...body,
        UserPools: pools.map((pool: Record<string, unknown>) => ({ ...pool, Name: 42 })),
      };
    }),
};

/**
 * A user's write that the next read does not show: before each AdminUpdateUserAttributes the user is read from the
 * target, and AdminGetUser of that user answers with that copy from then on.
 */
export const STALE_USER_ATTRIBUTE: Mutation = {
  name: 'stale-user-attribute',
  description: 'AdminGetUser answers from a copy taken before the last AdminUpdateUserAttributes',
  operations: ['AdminUpdateUserAttributes', 'AdminGetUser'],
  honest: [],
  rewriteRequest: async (request, { state, upstream }) => {
    const body = jsonRequestOf(request);
    const key = `${String(body?.['UserPoolId'])}/${String(body?.['Username'])}`;
    if (request.operation !== 'AdminUpdateUserAttributes' || body === undefined) return request;
    const before = await upstream.call('AdminGetUser', {
      UserPoolId: body['UserPoolId'],
      Username: body['Username'],
    });
    if (before.status === 200) state.set(key, before.body);
    return request;
  },
  rewriteResponse: (response, request, { state }) => {
    const body = jsonRequestOf(request);
    const stale = state.get(`${String(body?.['UserPoolId'])}/${String(body?.['Username'])}`);
    if (request.operation !== 'AdminGetUser' || response.status !== 200 || !(stale instanceof Buffer))
      return response;
    return { ...response, body: stale };
  },
};

/** A group read back without its name: GetGroup's Group drops `GroupName`. */
export const GET_GROUP_DROPS_NAME: Mutation = {
  name: 'get-group-drops-name',
  description: 'GetGroup answers with a Group that lacks GroupName',
  operations: ['GetGroup'],
  honest: [],
  rewriteResponse: (response) =>
    withJsonBody(response, (body) => {
      const group = body['Group'];
      if (typeof group !== 'object' || group === null) return body;
      const { GroupName: _dropped, ...rest } = group as Record<string, unknown>;
      return { ...body, Group: rest };
    }),
};

/** A listing that leaves out what was made: ListUserPoolClients drops the first client of each page. */
export const LIST_CLIENTS_DROPS_ONE: Mutation = {
  name: 'list-clients-drops-one',
  description: 'ListUserPoolClients leaves the first client of each page out',
  operations: ['ListUserPoolClients'],
  honest: [],
  rewriteResponse: (response) =>
    withJsonBody(response, (body) => {
      const clients = body['UserPoolClients'];
      return Array.isArray(clients) && clients.length > 0
        ? { ...body, UserPoolClients: clients.slice(1) }
        : body;
    }),
};

/** A group's listing that leaves a member out: ListUsersInGroup drops the first user of each page. */
export const LIST_GROUP_USERS_DROPS_ONE: Mutation = {
  name: 'list-users-in-group-drops-one',
  description: 'ListUsersInGroup leaves the first user of each page out',
  operations: ['ListUsersInGroup'],
  honest: [],
  rewriteResponse: (response) =>
    withJsonBody(response, (body) => {
      const users = body['Users'];
      return Array.isArray(users) && users.length > 0 ? { ...body, Users: users.slice(1) } : body;
    }),
};

/** A delete that deletes nothing: DeleteGroup answers `200 {}` without reaching the target. */
export const DELETE_GROUP_KEEPS_IT: Mutation = {
  name: 'delete-group-keeps-it',
  description: 'DeleteGroup answers 200 {} and the group stays',
  operations: ['DeleteGroup'],
  honest: [],
  rewriteRequest: (request) =>
    request.operation === 'DeleteGroup'
      ? withJsonRequest(request, {
          UserPoolId: jsonRequestOf(request)?.['UserPoolId'],
          GroupName: 'cc-not-the-group',
        })
      : request,
  rewriteResponse: (response, request) =>
    request.operation === 'DeleteGroup'
      ? {
          status: 200,
          headers: { ...response.headers, 'content-type': 'application/x-amz-json-1.1' },
          body: Buffer.from('{}', 'utf8'),
        }
      : response,
};

/**
 * A write that the next read does not show: before each UpdateUserPool the pool is read from the target,
 * and DescribeUserPool of that pool answers with that copy from then on.
 */
export const STALE_READ_AFTER_UPDATE: Mutation = {
  name: 'stale-read-after-write',
  description: 'DescribeUserPool answers from a copy taken before the last UpdateUserPool',
  operations: ['UpdateUserPool', 'DescribeUserPool'],
  honest: [],
  rewriteRequest: async (request, { state, upstream }) => {
    const poolId = jsonRequestOf(request)?.['UserPoolId'];
    if (request.operation !== 'UpdateUserPool' || typeof poolId !== 'string') return request;
    const before = await upstream.call('DescribeUserPool', { UserPoolId: poolId });
    if (before.status === 200) state.set(poolId, before.body);
    return request;
  },
  rewriteResponse: (response, request, { state }) => {
    const poolId = jsonRequestOf(request)?.['UserPoolId'];
    const stale = typeof poolId === 'string' ? state.get(poolId) : undefined;
    if (request.operation !== 'DescribeUserPool' || response.status !== 200 || !(stale instanceof Buffer))
      return response;
    return { ...response, body: stale };
  },
};

/** A request that must fail is accepted: the target's 400 becomes `200 {}`. */
export const ACCEPT_INVALID: Mutation = {
  name: 'accept-invalid-request',
  description: 'a 400 rejection becomes 200 {}',
  operations: ['DescribeUserPool'],
  status: 400,
  honest: [],
  rewriteResponse: (response) => ({
    status: 200,
    headers: { ...response.headers, 'content-type': 'application/x-amz-json-1.1' },
    body: Buffer.from('{}', 'utf8'),
  }),
};

/** Tokens whose signature no longer verifies: one byte of each JWT's signature flipped. */
export const BROKEN_TOKEN_SIGNATURE: Mutation = {
  name: 'broken-jwt-signature',
  description: 'one byte of the AccessToken and IdToken signatures flipped',
  operations: ['InitiateAuth', 'AdminInitiateAuth'],
  status: 200,
  honest: [],
  rewriteResponse: (response) =>
    editAuthenticationResult(response, (result) => ({
      ...result,
      ...mapTokens(result, flipSignatureByte),
    })),
};

/** `ExpiresIn` that disagrees with the tokens' own `exp - iat` (a minute longer). */
export const WRONG_EXPIRES_IN: Mutation = {
  name: 'expires-in-not-token-lifetime',
  description: 'AuthenticationResult.ExpiresIn is 60 s more than exp - iat',
  operations: ['InitiateAuth', 'AdminInitiateAuth'],
  status: 200,
  honest: ['expires-in'],
  rewriteResponse: (response) =>
    editAuthenticationResult(response, (result) =>
      typeof result['ExpiresIn'] === 'number' ? { ...result, ExpiresIn: result['ExpiresIn'] + 60 } : result,
    ),
};

/** No request id header on the response (honest mode adds one, since cognito-local sends none). */
export const DROP_REQUEST_ID: Mutation = {
  name: 'drop-request-id',
  description: 'the x-amzn-requestid header is removed',
  operations: ['DescribeUserPool'],
  honest: ['request-id'],
  rewriteResponse: (response) =>
    REQUEST_ID_HEADERS.reduce<ProxiedResponse>(
      (current, name) =>
        current.headers[name] === undefined ? current : withHeader(current, name, undefined),
      response,
    ),
};

/** A Content-Type that is not awsJson1.1's. */
export const WRONG_CONTENT_TYPE: Mutation = {
  name: 'wrong-content-type',
  description: 'Content-Type text/plain instead of application/x-amz-json-1.1',
  operations: ['DescribeUserPool'],
  honest: [],
  rewriteResponse: (response) => withHeader(response, 'content-type', 'text/plain'),
};

/** Every mutation of the catalogue, in the order of the detection table. */
export const MUTATIONS: readonly Mutation[] = [
  DROP_POOL_NAME,
  NUMBER_AS_STRING,
  BOOLEAN_AS_STRING,
  ENUM_OUT_OF_RANGE,
  TIMESTAMP_AS_ISO,
  TIMESTAMP_AS_NUMERIC_STRING,
  NULL_STRUCTURE,
  RENAMED_ERROR_TYPE,
  HTML_SERVER_ERROR,
  DROP_NEXT_TOKEN,
  ONE_OVER_MAX_RESULTS,
  LISTED_ITEM_WRONG_TYPE,
  STALE_READ_AFTER_UPDATE,
  STALE_USER_ATTRIBUTE,
  GET_GROUP_DROPS_NAME,
  LIST_CLIENTS_DROPS_ONE,
  DELETE_GROUP_KEEPS_IT,
  ACCEPT_INVALID,
  BROKEN_TOKEN_SIGNATURE,
  WRONG_EXPIRES_IN,
  DROP_REQUEST_ID,
  WRONG_CONTENT_TYPE,
];

/** Edits the `UserPool` object of a response; a response without one is returned as it was. */
function editUserPool(
  response: ProxiedResponse,
  edit: (pool: Record<string, unknown>) => Record<string, unknown>,
): ProxiedResponse {
  const pool = jsonBodyOf(response)?.['UserPool'];
  if (typeof pool !== 'object' || pool === null) return response;
  return withJsonBody(response, (body) => ({
    ...body,
    UserPool: edit(body['UserPool'] as Record<string, unknown>),
  }));
}

/** Edits the `AuthenticationResult` of a sign-in; a response without one (a challenge) is returned as it was. */
function editAuthenticationResult(
  response: ProxiedResponse,
  edit: (result: Record<string, unknown>) => Record<string, unknown>,
): ProxiedResponse {
  const result = jsonBodyOf(response)?.['AuthenticationResult'];
  if (typeof result !== 'object' || result === null) return response;
  return withJsonBody(response, (body) => ({
    ...body,
    AuthenticationResult: edit(body['AuthenticationResult'] as Record<string, unknown>),
  }));
}

function mapTokens(result: Record<string, unknown>, map: (token: string) => string): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const member of ['AccessToken', 'IdToken']) {
    const token = result[member];
    if (typeof token === 'string') mapped[member] = map(token);
  }
  return mapped;
}

/** Flips the first byte of a compact JWS's signature, keeping it valid base64url. */
function flipSignatureByte(token: string): string {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) return token;
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length === 0) return token;
  bytes[0] = (bytes[0] as number) ^ 0xff;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

/** A listing over its page size: ListUsers asked for `Limit` returns `Limit` + 1 users. */
export const ONE_OVER_LIMIT: Mutation = {
  name: 'list-users-one-over-limit',
  description: 'ListUsers returns Limit + 1 users on a page',
  operations: ['ListUsers'],
  honest: [],
  rewriteRequest: (request) => {
    const body = jsonRequestOf(request);
    const limit = body?.['Limit'];
    if (body === undefined || typeof limit !== 'number' || !Number.isInteger(limit) || limit >= 60)
      return request;
    return withJsonRequest(request, { ...body, Limit: limit + 1 });
  },
};

/** An identity provider read back without its type: DescribeIdentityProvider drops `ProviderType`. */
export const DESCRIBE_PROVIDER_DROPS_TYPE: Mutation = {
  name: 'describe-provider-drops-type',
  description: 'DescribeIdentityProvider answers with an IdentityProvider that lacks ProviderType',
  operations: ['DescribeIdentityProvider'],
  honest: [],
  rewriteResponse: (response) =>
    withJsonBody(response, (body) => {
      const provider = body['IdentityProvider'];
      if (typeof provider !== 'object' || provider === null) return body;
      const { ProviderType: _dropped, ...rest } = provider as Record<string, unknown>;
      return { ...body, IdentityProvider: rest };
    }),
};

/** A listing that leaves out what was made: ListResourceServers drops the first resource server of each page. */
export const LIST_RESOURCE_SERVERS_DROPS_ONE: Mutation = {
  name: 'list-resource-servers-drops-one',
  description: 'ListResourceServers leaves the first resource server of each page out',
  operations: ['ListResourceServers'],
  honest: [],
  rewriteResponse: (response) =>
    withJsonBody(response, (body) => {
      const servers = body['ResourceServers'];
      return Array.isArray(servers) && servers.length > 0
        ? { ...body, ResourceServers: servers.slice(1) }
        : body;
    }),
};

/** A domain described as another pool's: DescribeUserPoolDomain answers with a changed `UserPoolId`. */
export const DESCRIBE_DOMAIN_OTHER_POOL: Mutation = {
  name: 'describe-domain-other-pool',
  description: "DescribeUserPoolDomain answers with another pool's id",
  operations: ['DescribeUserPoolDomain'],
  honest: [],
  rewriteResponse: (response) =>
    withJsonBody(response, (body) => {
      const description = body['DomainDescription'];
      if (typeof description !== 'object' || description === null || !('UserPoolId' in description))
        return body;
      return { ...body, DomainDescription: { ...description, UserPoolId: 'us-east-1_Other0000' } };
    }),
};

/**
 * What the embedded cognito-local cannot show, caught on moto (a real emulator that does): a users' listing that
 * honours `Limit`, a group's users (cognito-local does not list the users it added), identity providers, resource
 * servers and domains. Branding and import jobs are on neither emulator.
 */
export const MOTO_MUTATIONS: readonly Mutation[] = [
  ONE_OVER_LIMIT,
  LIST_GROUP_USERS_DROPS_ONE,
  DESCRIBE_PROVIDER_DROPS_TYPE,
  LIST_RESOURCE_SERVERS_DROPS_ONE,
  DESCRIBE_DOMAIN_OTHER_POOL,
];
