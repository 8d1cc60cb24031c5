/**
 * One request/response pair exactly as it crossed the wire. Checks judge this, never the SDK's parsed
 * output, because the SDK silently tolerates (and hides) many protocol deviations.
 */
export interface Exchange {
  /** Operation name without the service prefix, e.g. `CreateUserPool`. */
  readonly operation: string;
  /** The JSON body that was sent (already redacted only when it leaves the process). */
  readonly request: unknown;
  /** Request headers that were sent, lower-cased names. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** HTTP status, or 0 when no complete response arrived (see `transportError`; the headers are kept when they came). */
  readonly status: number;
  /** Response headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw response body. */
  readonly bodyText: string;
  /** `bodyText` parsed as JSON; absent when the body is empty or not JSON. */
  readonly body?: unknown;
  /** Round-trip time in milliseconds. */
  readonly ms: number;
  /** Set when the exchange failed below HTTP: reset, timeout, refused, truncated stream. */
  readonly transportError?: string;
}

/** Parses a body as JSON without throwing: a garbage body is data for the checks, not a harness error. */
export function parseJsonBody(bodyText: string): unknown {
  if (bodyText.trim() === '') return undefined;
  try {
    return JSON.parse(bodyText) as unknown;
  } catch {
    return undefined;
  }
}
