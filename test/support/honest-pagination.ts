import {
  jsonRequestOf,
  withJsonBody,
  type ProxiedRequest,
  type ProxiedResponse,
} from './proxied-exchange.ts';

/** Marks the NextTokens the proxy issues, so a token it did not issue is left to the target. */
const TOKEN_PREFIX = 'honest-page.';

/**
 * ListUserPools pagination done right, on top of cognito-local, which ignores MaxResults and NextToken
 * and always returns every pool. Pools are ordered by Id; a page holds at most MaxResults of them, and a
 * NextToken (the last Id listed, encoded) whenever more follow. Keyed on the last Id rather than an
 * offset, so pools created or deleted between pages shift nothing.
 *
 * Only requests the service should serve are paginated (MaxResults an integer from 1 to 60, and no
 * NextToken or one the proxy issued); anything else passes through as the target answered it.
 */
export function paginateListUserPools(request: ProxiedRequest, response: ProxiedResponse): ProxiedResponse {
  if (request.operation !== 'ListUserPools' || response.status !== 200) return response;
  const asked = jsonRequestOf(request);
  const maxResults = asked?.['MaxResults'];
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1 || maxResults > 60)
    return response;
  const token = asked?.['NextToken'];
  const after = token === undefined ? '' : decodeToken(token);
  if (after === undefined) return response;
  return withJsonBody(response, (body) => pageOf(body, maxResults, after));
}

function pageOf(body: Record<string, unknown>, maxResults: number, after: string): Record<string, unknown> {
  if (!Array.isArray(body['UserPools'])) return body;
  const pools = [...(body['UserPools'] as unknown[])].sort((a, b) => compare(idOf(a), idOf(b)));
  const start = pools.filter((pool) => idOf(pool) <= after).length;
  const page = pools.slice(start, start + maxResults);
  const last = page[page.length - 1];
  const more = start + maxResults < pools.length && last !== undefined;
  const { NextToken: _ignored, ...rest } = body;
  return { ...rest, UserPools: page, ...(more ? { NextToken: encodeToken(idOf(last)) } : {}) };
}

function idOf(pool: unknown): string {
  const id = (pool as { Id?: unknown } | null)?.Id;
  return typeof id === 'string' ? id : '';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encodeToken(lastId: string): string {
  return `${TOKEN_PREFIX}${Buffer.from(lastId, 'utf8').toString('base64url')}`;
}

function decodeToken(token: unknown): string | undefined {
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return undefined;
  return Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8');
}
