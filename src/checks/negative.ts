import type { CheckName, Finding } from '../deviations/index.ts';
import { PROTOCOL_VALIDATION_ERRORS, errorTypeOf, type Exchange } from '../protocol/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import { STATUS_PATH, errorBodyFindings } from './wire-format.ts';
import { transportFinding } from './transport-finding.ts';

export const NEGATIVE_CHECK: CheckName = 'negative';

/** Which rule a deliberately invalid request breaks, and where in the request. */
export interface BrokenRule {
  readonly rule: string;
  /** JSON pointer into the request. */
  readonly path: string;
  /**
   * The rule as reports name it, when known: the member's template and the schema keyword
   * (`/UserPoolTags/*\/$type`; see the generator's `Violation.rulePath`). An accepted request is reported there, so
   * the same rule broken with another key, item or value is the same deviation, and two rules of one member are two.
   */
  readonly rulePath?: string;
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
  return checkRefusal(exchange, {
    path: broken.rulePath ?? broken.path,
    allowed: allowedRejections(spec),
    subject: `request breaking ${broken.rule}`,
  });
}

/** Something the target must refuse: where in the request, which error types may say so, and how to name it. */
export interface RefusalRule {
  /** JSON pointer into the request (the member that makes it invalid). */
  readonly path: string;
  readonly allowed: readonly string[];
  /** How messages name the request, e.g. `request breaking pattern` or `sign-in with wrong password`. */
  readonly subject: string;
}

/**
 * The shared rule of every refusal: a 2xx is `accepted-invalid` at the offending member (`expected` lists
 * the allowed types, a list rather than text so it survives redaction under secret paths), a status
 * outside 4xx is `wrong-error`, a 4xx of a type not allowed or without a JSON `__type` is `wrong-error` or
 * `malformed-error`.
 */
export function checkRefusal(exchange: Exchange, refusal: RefusalRule): Finding[] {
  const transport = transportFinding(exchange);
  if (transport) return [transport];
  if (exchange.status >= 200 && exchange.status < 300) {
    return [
      {
        kind: 'accepted-invalid',
        severity: 'error',
        path: refusal.path,
        expected: [...refusal.allowed],
        actual: exchange.status,
        message: `${refusal.subject} at ${refusal.path || '/'} was accepted (HTTP ${exchange.status})`,
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
        message: `${refusal.subject} answered with HTTP ${exchange.status}, not a 4xx`,
      },
    ];
  }
  return errorTypeFindings(exchange, refusal.allowed, refusal.subject);
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
