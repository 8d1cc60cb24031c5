import { decodeJwt, type JWTPayload } from 'jose';
import type { JwksSource } from '../auth/index.ts';
import type { CheckName, Finding } from '../deviations/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { checkAccepted } from './positive.ts';
import { claimFindings, tokenFinding, type TokenExpectations, type TokenMember } from './token-claims.ts';
import { signatureFindings } from './token-signature.ts';

/** The check name of sign-in and token findings. */
export const AUTH_CHECK: CheckName = 'auth';

const RESULT_PATH = '/AuthenticationResult';
const TOKEN_MEMBERS: readonly TokenMember[] = ['AccessToken', 'IdToken'];

/**
 * A valid sign-in (a confirmed user, a permanent password, no MFA) must be accepted and answered with
 * tokens: AccessToken and IdToken that verify against the pool's JWKS and carry the right claims,
 * `TokenType` `Bearer`, a positive integer `ExpiresIn`, and a RefreshToken for the password flows.
 * A rejection (a 5xx about the flow included) is `rejected-valid`, never "unsupported operation".
 */
export async function checkAuthenticationResult(
  exchange: Exchange,
  expectations: TokenExpectations,
  jwks: JwksSource,
): Promise<Finding[]> {
  const rejected = checkAccepted(exchange);
  if (rejected.length > 0) return rejected;
  const body = asObject(exchange.body);
  const result = asObject(body?.['AuthenticationResult']);
  if (!result) {
    const challenge = body?.['ChallengeName'];
    return [
      tokenFinding(
        'error',
        RESULT_PATH,
        'an AuthenticationResult with tokens',
        typeof challenge === 'string' ? `challenge ${challenge}` : null,
        'a valid sign-in was not answered with tokens',
      ),
    ];
  }
  const expiresIn = positiveInteger(result['ExpiresIn']);
  const tokens = await Promise.all(
    TOKEN_MEMBERS.map((member) => tokenFindings(member, result[member], expectations, jwks, expiresIn)),
  );
  return [...keySetFindings(jwks), ...resultMemberFindings(result, expectations), ...tokens.flat()];
}

/** Where a key set that cannot be used is reported: once per sign-in, not once per token. */
export const KEY_SET_PATH = `${RESULT_PATH}/$jwks`;

/**
 * One cause, one finding: a pool key set (JWKS) that cannot be fetched or parsed is reported once, about the
 * key set, and no signature is judged (none could be checked).
 */
function keySetFindings(jwks: JwksSource): Finding[] {
  if (!('failure' in jwks)) return [];
  return [
    tokenFinding(
      'error',
      KEY_SET_PATH,
      `the pool's JSON Web Key Set, to verify token signatures with`,
      jwks.failure,
      `the pool's JWKS at ${jwks.url} could not be used (${jwks.failure}); no token signature was checked`,
    ),
  ];
}

/** The members around the tokens: ExpiresIn, TokenType and (for password flows) RefreshToken. */
function resultMemberFindings(result: Record<string, unknown>, expectations: TokenExpectations): Finding[] {
  const findings: Finding[] = [];
  if (positiveInteger(result['ExpiresIn']) === undefined) {
    findings.push(
      tokenFinding(
        'error',
        `${RESULT_PATH}/ExpiresIn`,
        'a positive integer (seconds)',
        result['ExpiresIn'] ?? null,
        'AuthenticationResult has no usable ExpiresIn',
      ),
    );
  }
  if (result['TokenType'] !== 'Bearer') {
    findings.push(
      tokenFinding(
        'error',
        `${RESULT_PATH}/TokenType`,
        'Bearer',
        result['TokenType'] ?? null,
        'AuthenticationResult TokenType is not Bearer',
      ),
    );
  }
  if (
    expectations.expectRefreshToken &&
    (typeof result['RefreshToken'] !== 'string' || result['RefreshToken'] === '')
  ) {
    // `actual` is null rather than a word: the recorder redacts string values under a RefreshToken path.
    findings.push(
      tokenFinding(
        'error',
        `${RESULT_PATH}/RefreshToken`,
        'present',
        null,
        'a password sign-in returned no RefreshToken',
      ),
    );
  }
  return findings;
}

async function tokenFindings(
  member: TokenMember,
  token: unknown,
  expectations: TokenExpectations,
  jwks: JwksSource,
  expiresIn: number | undefined,
): Promise<Finding[]> {
  if (typeof token !== 'string' || token === '') {
    return [
      tokenFinding(
        'error',
        `${RESULT_PATH}/${member}`,
        'present',
        null,
        `AuthenticationResult has no ${member}`,
      ),
    ];
  }
  const signature = await signatureFindings(member, token, jwks);
  const claims = decodeClaims(token);
  // An undecodable token already failed verification above; its claims cannot be judged on top.
  if (!claims) return signature;
  return [...signature, ...claimFindings(member, claims, expectations, expiresIn)];
}

function decodeClaims(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
