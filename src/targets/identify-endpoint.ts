/** What a running endpoint's own answers say it is: the emulator and its version, where they show. */
export interface EndpointIdentity {
  /**
   * `moto` or `localstack` when the endpoint answers their management routes, `cognito-local` when its answer
   * to an operation no API has names it; otherwise absent.
   */
  readonly emulator?: string;
  readonly version?: string;
}

/**
 * Asks an endpoint what it is, through routes emulators serve beside the API: LocalStack's
 * `GET /_localstack/health` (which names its version) and moto's `GET /moto-api/data.json` (which lists its
 * backends, `cognitoidp` among them); then one awsJson1.1 request for an operation no API has
 * (`AWSCognitoIdentityProviderService.CognitoConformanceIdentify`), whose error cognito-local types
 * `CognitoLocal#Unsupported`. Used only to name the target in reports (so a baseline keyed by that name holds on
 * any port), never to judge it. Never throws: an endpoint that answers none of these, or not within `timeoutMs`,
 * is simply unidentified.
 */
export async function identifyEndpoint(endpoint: string, timeoutMs = 2_000): Promise<EndpointIdentity> {
  const base = endpoint.replace(/\/$/, '');
  const localstack = await getJson(`${base}/_localstack/health`, timeoutMs);
  if (isObject(localstack) && typeof localstack['version'] === 'string')
    return { emulator: 'localstack', version: localstack['version'] };
  const moto = await getJson(`${base}/moto-api/data.json`, timeoutMs);
  if (isObject(moto) && isObject(moto['cognitoidp'])) return { emulator: 'moto' };
  const unknownOperation = await getJson(`${base}/`, timeoutMs, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.CognitoConformanceIdentify',
    },
    body: '{}',
  });
  if (isObject(unknownOperation) && String(unknownOperation['__type']).startsWith('CognitoLocal#'))
    return { emulator: 'cognito-local' };
  return {};
}

/** The JSON body of a 2xx answer, or (for a request with `init`) of any answer; undefined when there is none. */
async function getJson(url: string, timeoutMs: number, init?: RequestInit): Promise<unknown> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok && init === undefined) return undefined;
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
