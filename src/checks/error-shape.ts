import type { CheckName, Finding } from '../deviations/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { errorTypeFindings } from './negative.ts';
import { STATUS_PATH } from './wire-format.ts';
import { transportFinding } from './transport-finding.ts';

/** The check name of findings about errors for unknown ids. */
export const ERROR_SHAPE_CHECK: CheckName = 'error-shape';

/**
 * Ids that match Cognito's id patterns but name nothing, so only existence is under test. They live in the
 * vocabulary (src/deviations), whose normalisation and redaction keep them verbatim in reports.
 */
export { UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from '../deviations/index.ts';

/** A request naming a pool or app client that does not exist gets `ResourceNotFoundException`, 400, JSON. */
export function checkNotFound(exchange: Exchange): Finding[] {
  const transport = transportFinding(exchange);
  if (transport) return [transport];
  if (exchange.status !== 400) {
    return [
      {
        kind: 'wrong-error',
        severity: 'error',
        path: STATUS_PATH,
        expected: 400,
        actual: exchange.status,
        message: `unknown resource answered with HTTP ${exchange.status}, not 400 ResourceNotFoundException`,
      },
    ];
  }
  return errorTypeFindings(exchange, ['ResourceNotFoundException'], 'unknown resource');
}
