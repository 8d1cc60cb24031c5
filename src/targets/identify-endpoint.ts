/** What a running endpoint's own answers say it is: the emulator and its version, where they show. */
export interface EndpointIdentity {
  /** `moto` or `localstack` when the endpoint answers their management routes; otherwise absent. */
  readonly emulator?: string;
  readonly version?: string;
}

/**
 * Asks an endpoint what it is, through routes emulators serve beside the API: LocalStack's
 * `GET /_localstack/health` (which names its version) and moto's `GET /moto-api/data.json` (which lists its
 * backends, `cognitoidp` among them). Used only to name the target in reports, never to judge it. Never
 * throws: an endpoint that answers neither route, or not within `timeoutMs`, is simply unidentified.
 */
export async function identifyEndpoint(endpoint: string, timeoutMs = 2_000): Promise<EndpointIdentity> {
  const base = endpoint.replace(/\/$/, '');
  const localstack = await getJson(`${base}/_localstack/health`, timeoutMs);
  if (isObject(localstack) && typeof localstack['version'] === 'string')
    return { emulator: 'localstack', version: localstack['version'] };
  const moto = await getJson(`${base}/moto-api/data.json`, timeoutMs);
  if (isObject(moto) && isObject(moto['cognitoidp'])) return { emulator: 'moto' };
  return {};
}

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return undefined;
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
