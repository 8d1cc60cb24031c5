import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADERS } from '../../src/protocol/index.ts';
import { paginateListUserPools } from './honest-pagination.ts';
import { withHeader, withJsonBody, type ProxiedRequest, type ProxiedResponse } from './proxied-exchange.ts';

/**
 * The proxy's honest mode: fixes for cognito-local's known deviations, each applied only when a mutation
 * row asks for it (`Mutation.honest`), because that row's mutation can only be shown on top of a baseline
 * that is clean at the row's (operation, kind, path). Tests only: nothing here may reach a real run,
 * where these deviations are exactly what the suite must report.
 */
export const NORMALISATION_NAMES = ['request-id', 'pagination', 'expires-in'] as const;
export type NormalisationName = (typeof NORMALISATION_NAMES)[number];

interface Normalisation {
  readonly name: NormalisationName;
  readonly apply: (response: ProxiedResponse, request: ProxiedRequest) => ProxiedResponse;
}

const NORMALISATIONS: readonly Normalisation[] = [
  // cognito-local sends no request id header at all; the "drop the request id" row needs one to drop.
  { name: 'request-id', apply: addRequestId },
  // cognito-local ignores MaxResults and NextToken; the NextToken and MaxResults rows need pages to break.
  { name: 'pagination', apply: (response, request) => paginateListUserPools(request, response) },
  // cognito-local's AuthenticationResult has no ExpiresIn; the token-lifetime row needs one to falsify.
  { name: 'expires-in', apply: addExpiresIn },
];

/** Applies the named normalisations to one response, in catalogue order. */
export function normalise(
  names: readonly NormalisationName[],
  response: ProxiedResponse,
  request: ProxiedRequest,
): ProxiedResponse {
  return NORMALISATIONS.filter((normalisation) => names.includes(normalisation.name)).reduce(
    (current, normalisation) => normalisation.apply(current, request),
    response,
  );
}

function addRequestId(response: ProxiedResponse): ProxiedResponse {
  if (REQUEST_ID_HEADERS.some((name) => response.headers[name] !== undefined)) return response;
  return withHeader(response, REQUEST_ID_HEADERS[0], randomUUID());
}

/** `ExpiresIn` = the AccessToken's own `exp - iat`, the lifetime Cognito states; only where it is absent. */
function addExpiresIn(response: ProxiedResponse): ProxiedResponse {
  if (response.status !== 200) return response;
  return withJsonBody(response, (body) => {
    const result = body['AuthenticationResult'] as Record<string, unknown> | undefined;
    if (typeof result !== 'object' || result === null || result['ExpiresIn'] !== undefined) return body;
    const lifetime = lifetimeOf(result['AccessToken']);
    return lifetime === undefined
      ? body
      : { ...body, AuthenticationResult: { ...result, ExpiresIn: lifetime } };
  });
}

function lifetimeOf(token: unknown): number | undefined {
  if (typeof token !== 'string') return undefined;
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
      iat?: unknown;
    };
    return typeof claims.exp === 'number' && typeof claims.iat === 'number'
      ? claims.exp - claims.iat
      : undefined;
  } catch {
    return undefined;
  }
}
