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

/**
 * A request naming something that does not exist (a pool, an app client, a group…) gets the operation's modeled
 * not-found error, 400, JSON: `expected` (default `ResourceNotFoundException`; `UserNotFoundException` for a user,
 * `NotAuthorizedException` for an access token).
 */
export function checkNotFound(exchange: Exchange, expected = 'ResourceNotFoundException'): Finding[] {
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
        message: `unknown resource answered with HTTP ${exchange.status}, not 400 ${expected}`,
      },
    ];
  }
  return errorTypeFindings(exchange, [expected], 'unknown resource');
}
