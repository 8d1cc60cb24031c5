import type { Finding } from '../deviations/index.ts';
import type { Exchange } from '../protocol/index.ts';

/** A request that got no complete response proves nothing about the rule under test; say so as `transport`. */
export function transportFinding(exchange: Exchange): Finding | undefined {
  if (exchange.status !== 0 && exchange.transportError === undefined) return undefined;
  return {
    kind: 'transport',
    severity: 'warning',
    path: '',
    expected: 'a complete HTTP response',
    actual: exchange.transportError ?? 'no response',
    message: `no usable response: ${exchange.transportError ?? 'no response'}`,
  };
}
