import { createLocalJWKSet, type JSONWebKeySet, type LocalJWKSet } from 'jose';

/** Where a pool publishes its signing keys: `<endpoint>/<poolId>/.well-known/jwks.json` (AWS and emulators alike). */
export function jwksUrl(endpoint: string, userPoolId: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(userPoolId)}/.well-known/jwks.json`;
}

/**
 * The pool's JWKS as fetched once from the target, or why it could not be had. Token checks need the
 * keys to judge signatures; a failure here becomes their finding rather than a harness error.
 */
export type JwksSource =
  { readonly url: string; readonly keys: LocalJWKSet } | { readonly url: string; readonly failure: string };

/** Fetch options; the timeout is ours so a silent target cannot stall a run. */
export interface FetchJwksOptions {
  readonly timeoutMs?: number;
}

/**
 * Fetches the JWKS document at `url` and wraps it with jose's `createLocalJWKSet`, so this code controls
 * the request (one fetch, a timeout) instead of jose's remote set with its own caching and retries.
 */
export async function fetchJwks(url: string, options: FetchJwksOptions = {}): Promise<JwksSource> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      redirect: 'follow',
    });
  } catch (error) {
    return { url, failure: `no response (${(error as Error).name})` };
  }
  if (!response.ok) return { url, failure: `HTTP ${response.status}` };
  let document: unknown;
  try {
    document = JSON.parse(await response.text()) as unknown;
  } catch {
    return { url, failure: 'the body is not JSON' };
  }
  if (!isKeySet(document)) return { url, failure: 'the body is not a JWK Set (no "keys" array)' };
  try {
    return { url, keys: createLocalJWKSet(document) };
  } catch (error) {
    return {
      url,
      failure: `the JWK Set is invalid (${(error as { code?: string }).code ?? (error as Error).name})`,
    };
  }
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys);
}
