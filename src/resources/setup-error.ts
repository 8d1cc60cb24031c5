import type { Exchange } from '../protocol/index.ts';

/**
 * A prerequisite call (creating the pool a check needs, say) failed. The operation under test is then
 * inconclusive (or unsupported, if the target does not implement the prerequisite), not deviating.
 */
export class SetupError extends Error {
  override readonly name = 'SetupError';

  constructor(
    readonly operation: string,
    readonly exchange: Exchange,
  ) {
    super(
      `set-up call ${operation} failed: ${exchange.transportError ?? `HTTP ${exchange.status} ${exchange.bodyText.slice(0, 160)}`}`,
    );
  }
}
