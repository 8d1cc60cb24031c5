/**
 * What the mutation proxy holds of one exchange while it decides what to send back. Requests and
 * responses are fully buffered, so a mutation can rewrite any byte before the suite sees it.
 */

/** A request the suite sent, as the proxy received it. */
export interface ProxiedRequest {
  readonly method: string;
  /** Path and query, e.g. `/` for API calls or `/<poolId>/.well-known/jwks.json`. */
  readonly path: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The operation named by `X-Amz-Target` (`DescribeUserPool`), or `''` for requests that are not API calls. */
  readonly operation: string;
  readonly body: Buffer;
}

/** A complete HTTP response, before the proxy frames it (it sets Content-Length itself). */
export interface ProxiedResponse {
  readonly status: number;
  /** Lower-cased header names; framing headers (content-length, transfer-encoding, connection) are left out. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * A failure below HTTP, as a target process can produce it:
 * - `reset`: the status line, headers and the first `afterBytes` of the body, then a TCP reset;
 * - `cut-short`: the same, then an orderly close, so the body ends before its Content-Length;
 * - `never-end`: the same, then nothing more, ever (until the client gives up or the proxy closes);
 * - `silent`: no response at all, the connection left open.
 */
export type TransportFault =
  | { readonly fault: 'reset'; readonly afterBytes: number }
  | { readonly fault: 'cut-short'; readonly afterBytes: number }
  | { readonly fault: 'never-end'; readonly afterBytes: number }
  | { readonly fault: 'silent' };

/** What the proxy sends back for one request. */
export type ProxyAnswer = ProxiedResponse | TransportFault;

/** Whether an answer is a transport fault rather than a response. */
export function isTransportFault(answer: ProxyAnswer): answer is TransportFault {
  return 'fault' in answer;
}

/** The response body as a JSON object, or undefined when it is not one. */
export function jsonBodyOf(response: Pick<ProxiedResponse, 'body'>): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(response.body.toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The request body as a JSON object, or undefined when it is not one. */
export function jsonRequestOf(request: Pick<ProxiedRequest, 'body'>): Record<string, unknown> | undefined {
  return jsonBodyOf(request);
}

/**
 * Rewrites a JSON response body: `edit` gets a deep copy and returns the new body. A body that is not a
 * JSON object is returned unchanged, since there is nothing to rewrite.
 */
export function withJsonBody(
  response: ProxiedResponse,
  edit: (body: Record<string, unknown>) => Record<string, unknown>,
): ProxiedResponse {
  const body = jsonBodyOf(response);
  if (body === undefined) return response;
  return { ...response, body: Buffer.from(JSON.stringify(edit(body)), 'utf8') };
}

/** The same request with a new JSON body. */
export function withJsonRequest(request: ProxiedRequest, body: Record<string, unknown>): ProxiedRequest {
  return { ...request, body: Buffer.from(JSON.stringify(body), 'utf8') };
}

/** The same response with one header set (or removed, when `value` is undefined). */
export function withHeader(
  response: ProxiedResponse,
  name: string,
  value: string | undefined,
): ProxiedResponse {
  const headers: Record<string, string> = { ...response.headers };
  delete headers[name.toLowerCase()];
  if (value !== undefined) headers[name.toLowerCase()] = value;
  return { ...response, headers };
}
