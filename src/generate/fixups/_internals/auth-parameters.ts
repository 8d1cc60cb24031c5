import { createHash } from 'node:crypto';
import type { FixupContext } from '../../request-fixup.ts';
import { copyRequest, isPresent, type JsonObject, objectAt, substitute } from './edit.ts';
import { secretHash } from '../../../protocol/index.ts';

/**
 * AuthParameters per AuthFlow, from the suite's live user, plus SECRET_HASH when the client has a
 * secret. When the context lacks a value (no refresh token yet, say) a placeholder keeps the request
 * complete; the service will then refuse it on authentication grounds, not for a missing parameter.
 */

const PLACEHOLDER_USERNAME = 'ccf-user';
const PLACEHOLDER_PASSWORD = 'Ccf-Placeholder-1';
const PLACEHOLDER_REFRESH_TOKEN = 'ccf-placeholder-refresh-token';

/**
 * An SRP `A` value for USER_SRP_AUTH: 768 hex digits starting with `1`, so `0 < A < N` for Cognito's
 * 3072-bit group (whose N starts with `FFFF…`), which is all the first step checks. One fixed value: a
 * value derived from the username would carry the run's random prefix into the report, so two runs with the
 * same seed would no longer report the same request.
 */
export const SRP_A: string = (() => {
  let digits = '1';
  for (let block = 0; digits.length < 768; block++) {
    digits += createHash('sha256').update(`cognito-conformance:srp-a:${block}`).digest('hex');
  }
  return digits.slice(0, 768);
})();

function parametersFor(flow: unknown, context: FixupContext): Record<string, string> | undefined {
  const username = context.username ?? PLACEHOLDER_USERNAME;
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return { USERNAME: username, PASSWORD: context.password ?? PLACEHOLDER_PASSWORD };
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return { REFRESH_TOKEN: context.refreshToken ?? PLACEHOLDER_REFRESH_TOKEN };
    case 'USER_SRP_AUTH':
      return { USERNAME: username, SRP_A };
    case 'CUSTOM_AUTH':
      return { USERNAME: username };
    default:
      return undefined;
  }
}

/**
 * The live pool/client ids and the AuthParameters the flow needs. AuthParameters replace whatever was
 * generated (random keys would only confuse the flow); unknown flows keep the generated map.
 */
export function fixAuthRequest(
  input: Readonly<JsonObject>,
  context: FixupContext,
  passwordFlow: 'USER_PASSWORD_AUTH' | 'ADMIN_NO_SRP_AUTH',
): JsonObject {
  const request = copyRequest(input);
  substitute(request, 'UserPoolId', context.userPoolId);
  substitute(request, 'ClientId', context.clientId);
  // CUSTOM_AUTH needs the pool's custom-challenge Lambda triggers, which the suite's pools do not have:
  // Cognito would refuse it for that, not for the request. The operation's password flow keeps the request valid.
  if (request.AuthFlow === 'CUSTOM_AUTH') request.AuthFlow = passwordFlow;
  const parameters = parametersFor(request.AuthFlow, context);
  if (parameters !== undefined) {
    if (context.clientSecret !== undefined && typeof request.ClientId === 'string') {
      parameters.SECRET_HASH = secretHash(
        context.clientSecret,
        context.username ?? PLACEHOLDER_USERNAME,
        request.ClientId,
      );
    }
    request.AuthParameters = parameters;
  }
  const contextData = objectAt(request, 'ContextData');
  if (contextData !== undefined) {
    // Documentation addresses and names: the service may parse them for risk scoring.
    if (isPresent(contextData, 'IpAddress')) contextData.IpAddress = '192.0.2.1';
    if (isPresent(contextData, 'ServerName')) contextData.ServerName = 'example.com';
    if (isPresent(contextData, 'ServerPath')) contextData.ServerPath = '/login';
  }
  return request;
}
