import type { CheckName, Finding } from '../deviations/index.ts';
import { errorTypeOf, type Exchange } from '../protocol/index.ts';
import { STATUS_PATH } from './wire-format.ts';
import { transportFinding } from './transport-finding.ts';

export const POSITIVE_CHECK: CheckName = 'positive';

/** A valid request (valid by the spec, with live resource ids) must be accepted. */
export function checkAccepted(exchange: Exchange): Finding[] {
  const transport = transportFinding(exchange);
  if (transport) return [transport];
  if (exchange.status >= 200 && exchange.status < 300) return [];
  const type = errorTypeOf(exchange);
  return [
    {
      kind: 'rejected-valid',
      severity: 'error',
      path: STATUS_PATH,
      expected: '2xx',
      actual: type ? `${exchange.status} ${type}` : exchange.status,
      message: `valid request rejected with HTTP ${exchange.status}${type ? ` ${type}` : ''}`,
    },
  ];
}
