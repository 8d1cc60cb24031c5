import { errorTypeOf, type Exchange } from '../protocol/index.ts';

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

  /**
   * What the target answered, in a few words, for a verdict's reason: `HTTP 400 InvalidParameterException`,
   * `HTTP 200 with a body that is not JSON`, `no answer: <cause>`. A 2xx counts as failed set-up when its body
   * lacks what the call creates (the SDK could not read it, or the id is missing).
   */
  get answer(): string {
    const { exchange } = this;
    if (exchange.transportError !== undefined) return `no answer: ${exchange.transportError}`;
    const status = `HTTP ${exchange.status}`;
    if (exchange.body === undefined)
      return exchange.bodyText.trim() === ''
        ? `${status} with an empty body`
        : `${status} with a body that is not JSON`;
    if (exchange.status >= 200 && exchange.status < 300) return `${status} without the expected response`;
    const type = errorTypeOf(exchange);
    return type === undefined ? status : `${status} ${type}`;
  }
}
