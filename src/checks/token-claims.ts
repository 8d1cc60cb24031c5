import type { JWTPayload } from 'jose';
import type { Finding } from '../deviations/index.ts';
import type { TargetDescriptor } from '../wire/index.ts';

/** The two JWTs of an AuthenticationResult whose claims and signatures are judged. */
export type TokenMember = 'AccessToken' | 'IdToken';

/** What tokens issued for one pool and app client must say about themselves. */
export interface TokenExpectations {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The issuer real Cognito uses for this pool: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly awsIssuer: string;
  /** Against AWS itself the issuer must be exactly `awsIssuer`; elsewhere a different host is only noted. */
  readonly strictIssuer: boolean;
  /** Password flows hand out a refresh token; the refresh flow need not hand out a new one. */
  readonly expectRefreshToken: boolean;
}

/** Builds the expectations for tokens that `target` issues for `userPoolId` and `clientId`. */
export function tokenExpectations(
  target: Pick<TargetDescriptor, 'kind' | 'region'>,
  ids: { readonly userPoolId: string; readonly clientId: string },
  expectRefreshToken: boolean,
): TokenExpectations {
  return {
    userPoolId: ids.userPoolId,
    clientId: ids.clientId,
    awsIssuer: `https://cognito-idp.${target.region}.amazonaws.com/${ids.userPoolId}`,
    strictIssuer: target.kind === 'aws',
    expectRefreshToken,
  };
}

const TOKEN_USE: Readonly<Record<TokenMember, string>> = { AccessToken: 'access', IdToken: 'id' };

/** The JSON pointer of one claim of one token, e.g. `/AuthenticationResult/IdToken/aud`. */
export function claimPath(member: TokenMember, claim: string): string {
  return `/AuthenticationResult/${member}/${claim}`;
}

/**
 * The claims Cognito's contract fixes for a token: who issued it (`iss`), what it is for (`token_use`),
 * which app client it was issued to (`client_id` on access tokens, `aud` on ID tokens) and, when the
 * result states `ExpiresIn`, a lifetime (`exp - iat`) equal to it. Only claim values go into findings.
 */
export function claimFindings(
  member: TokenMember,
  claims: JWTPayload,
  expectations: TokenExpectations,
  expiresIn: number | undefined,
): Finding[] {
  return [
    ...issuerFindings(member, claims['iss'], expectations),
    ...tokenUseFindings(member, claims['token_use']),
    ...audienceFindings(member, claims, expectations.clientId),
    ...lifetimeFindings(member, claims, expiresIn),
  ];
}

function issuerFindings(member: TokenMember, iss: unknown, expectations: TokenExpectations): Finding[] {
  const path = claimPath(member, 'iss');
  if (typeof iss !== 'string' || !iss.endsWith(`/${expectations.userPoolId}`)) {
    return [
      tokenFinding(
        'error',
        path,
        `an issuer URL ending in /${expectations.userPoolId}`,
        iss ?? null,
        `${member} iss does not name the pool that issued it`,
      ),
    ];
  }
  if (iss === expectations.awsIssuer) return [];
  // An emulator cannot serve tokens under AWS's host (relying parties would fetch AWS's keys, not the
  // emulator's), so elsewhere a different issuer host is a note. Against AWS itself it is an error.
  return [
    tokenFinding(
      expectations.strictIssuer ? 'error' : 'info',
      path,
      expectations.awsIssuer,
      iss,
      `${member} iss is not the AWS issuer for this pool${expectations.strictIssuer ? '' : ' (expected of an emulator, noted only)'}`,
    ),
  ];
}

function tokenUseFindings(member: TokenMember, tokenUse: unknown): Finding[] {
  const expected = TOKEN_USE[member];
  if (tokenUse === expected) return [];
  return [
    tokenFinding(
      'error',
      claimPath(member, 'token_use'),
      expected,
      tokenUse ?? null,
      `${member} token_use is not "${expected}"`,
    ),
  ];
}

function audienceFindings(member: TokenMember, claims: JWTPayload, clientId: string): Finding[] {
  const claim = member === 'AccessToken' ? 'client_id' : 'aud';
  const value = claims[claim];
  const matches = value === clientId || (claim === 'aud' && Array.isArray(value) && value.includes(clientId));
  if (matches) return [];
  return [
    tokenFinding(
      'error',
      claimPath(member, claim),
      clientId,
      value ?? null,
      `${member} ${claim} is not the app client the tokens were issued to`,
    ),
  ];
}

/**
 * `exp - iat` must equal `ExpiresIn`. Both tokens are held to it: in the contract this document describes,
 * access and ID tokens share one lifetime (per-client token validity came later, and the suite's app
 * clients never set it), and `ExpiresIn` is the lifetime of the authentication result as a whole.
 */
function lifetimeFindings(member: TokenMember, claims: JWTPayload, expiresIn: number | undefined): Finding[] {
  const missing = (['iat', 'exp'] as const).filter((claim) => typeof claims[claim] !== 'number');
  if (missing.length > 0) {
    return missing.map((claim) =>
      tokenFinding(
        'error',
        claimPath(member, claim),
        'a NumericDate',
        claims[claim] ?? null,
        `${member} has no numeric ${claim} claim`,
      ),
    );
  }
  if (expiresIn === undefined) return [];
  const lifetime = (claims.exp as number) - (claims.iat as number);
  if (lifetime === expiresIn) return [];
  return [
    tokenFinding(
      'error',
      claimPath(member, 'exp'),
      expiresIn,
      lifetime,
      `${member} lives ${lifetime} s (exp - iat), but ExpiresIn says ${expiresIn} s`,
    ),
  ];
}

/** A `token` finding; `expected` and `actual` must never hold a token, password or hash. */
export function tokenFinding(
  severity: Finding['severity'],
  path: string,
  expected: unknown,
  actual: unknown,
  message: string,
): Finding {
  return { kind: 'token', severity, path, expected, actual, message };
}
