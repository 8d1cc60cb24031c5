import { compactVerify } from 'jose';
import type { JwksSource } from '../auth/index.ts';
import type { Finding } from '../deviations/index.ts';
import { tokenFinding, type TokenMember } from './token-claims.ts';

/**
 * Where signature findings point: the token plus `$signature`, after the `$status` / `$headers`
 * convention for what is not a JSON member. (The token's own path would have its expected and actual
 * values redacted as if they were the token.)
 */
export function signaturePath(member: TokenMember): string {
  return `/AuthenticationResult/${member}/$signature`;
}

/**
 * A token must verify against the pool's published JWKS: its `kid` must name a key there and the
 * signature must check out with it (nothing is judged when the key set itself is unusable). Signature only; claims are judged separately, so an expired or
 * oddly-claimed token still gets a precise finding per claim.
 */
export async function signatureFindings(
  member: TokenMember,
  jwt: string,
  jwks: JwksSource,
): Promise<Finding[]> {
  const path = signaturePath(member);
  // A key set that cannot be used is one finding about the key set (auth-tokens), not one per token.
  if ('failure' in jwks) return [];
  try {
    await compactVerify(jwt, jwks.keys);
    return [];
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : (error as Error).name;
    return [
      tokenFinding(
        'error',
        path,
        `a signature that verifies with the pool's JWKS`,
        reason,
        `${member} does not verify against the pool's JWKS (${reason})`,
      ),
    ];
  }
}
