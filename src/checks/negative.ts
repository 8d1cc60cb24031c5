import type { Finding } from '../deviations/deviation.ts';
import { PROTOCOL_VALIDATION_ERRORS, errorTypeOf } from '../protocol/aws-json.ts';
import type { OperationSpec } from '../spec/operation-spec.ts';
import type { Exchange } from '../wire/exchange.ts';
import { STATUS_PATH, errorBodyFindings } from './wire-format.ts';
import { transportFinding } from './transport-finding.ts';

export const NEGATIVE_CHECK = 'negative';

/** Which rule a deliberately invalid request breaks, and where in the request. */
export interface BrokenRule {
  readonly rule: string;
  /** JSON pointer into the request. */
  readonly path: string;
}

/** Error types an operation may answer a malformed request with: its modeled errors plus the protocol's. */
export function allowedRejections(spec: OperationSpec): readonly string[] {
  return [...new Set([...spec.errors, ...PROTOCOL_VALIDATION_ERRORS])];
}

/**
 * A request that breaks one rule must be rejected with a 4xx whose `__type` the spec allows; never
 * accepted, never a 5xx. Request-side findings point into the request (the broken member).
 */
export function checkRejected(spec: OperationSpec, exchange: Exchange, broken: BrokenRule): Finding[] {
  const transport = transportFinding(exchange);
  if (transport) return [transport];
  if (exchange.status >= 200 && exchange.status < 300) {
    return [
      {
        kind: 'accepted-invalid',
        severity: 'error',
        path: broken.path,
        expected: `a 4xx error (${broken.rule})`,
        actual: exchange.status,
        message: `request breaking ${broken.rule} at ${broken.path || '/'} was accepted`,
      },
    ];
  }
  if (exchange.status >= 500 || exchange.status < 400) {
    return [
      {
        kind: 'wrong-error',
        severity: 'error',
        path: STATUS_PATH,
        expected: '4xx',
        actual: exchange.status,
        message: `request breaking ${broken.rule} answered with HTTP ${exchange.status}, not a 4xx`,
      },
    ];
  }
  return errorTypeFindings(exchange, allowedRejections(spec), `request breaking ${broken.rule}`);
}

/** A 4xx must be a well-formed error whose type is one of `allowed`. */
export function errorTypeFindings(exchange: Exchange, allowed: readonly string[], what: string): Finding[] {
  const malformed = errorBodyFindings(exchange).filter((finding) => finding.severity === 'error');
  if (malformed.length > 0) return malformed;
  const type = errorTypeOf(exchange);
  if (type !== undefined && allowed.includes(type)) return [];
  return [
    {
      kind: 'wrong-error',
      severity: 'error',
      path: '/__type',
      expected: allowed,
      actual: type ?? null,
      message: `${what} answered with ${type ?? 'no error type'}, which the spec does not allow`,
    },
  ];
}
