import type { Finding } from '../deviations/deviation.ts';
import type { Exchange } from '../wire/exchange.ts';
import { errorTypeFindings } from './negative.ts';
import { transportFinding } from './transport-finding.ts';
import { STATUS_PATH } from './wire-format.ts';

/** A sign-in the target must refuse: why, where in the request, and the error types that may say so. */
export interface Refusal {
  /** In our words, e.g. `wrong password`. */
  readonly rule: string;
  /** JSON pointer into the request (the member that makes it invalid). */
  readonly path: string;
  readonly allowed: readonly string[];
}

/**
 * The sign-in must be refused with a 4xx of an allowed type: a 2xx is `accepted-invalid`, a 5xx or other
 * status `wrong-error`, an unexpected 4xx type `wrong-error`. `expected` is the list of allowed types (a
 * list, not a string, so it survives redaction under paths such as `/AuthParameters/PASSWORD`).
 */
export function checkRefused(exchange: Exchange, refusal: Refusal): Finding[] {
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
        message: `sign-in with ${refusal.rule} was accepted (HTTP ${exchange.status})`,
      },
    ];
  }
  if (exchange.status < 400 || exchange.status >= 500) {
    return [
      {
        kind: 'wrong-error',
        severity: 'error',
        path: STATUS_PATH,
        expected: '4xx',
        actual: exchange.status,
        message: `sign-in with ${refusal.rule} answered with HTTP ${exchange.status}, not a 4xx`,
      },
    ];
  }
  return errorTypeFindings(exchange, refusal.allowed, `sign-in with ${refusal.rule}`);
}
