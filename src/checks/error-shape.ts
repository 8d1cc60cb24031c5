import type { CheckName, Finding } from '../deviations/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { errorTypeFindings } from './negative.ts';
import { STATUS_PATH } from './wire-format.ts';
import { transportFinding } from './transport-finding.ts';

/** The check name of findings about errors for unknown ids. */
export const ERROR_SHAPE_CHECK: CheckName = 'error-shape';

/** Ids that match Cognito's id patterns but name nothing, so only existence is under test. */
export const UNKNOWN_USER_POOL_ID = 'us-east-1_Unknown000';
/** An app client id of the model's pattern (`[\w+]+`) that names nothing. */
export const UNKNOWN_CLIENT_ID = 'unknownclient000000000000';

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
