import type { NormalisationName } from './honest-mode.ts';
import type { ProxiedRequest, ProxiedResponse, ProxyAnswer } from './proxied-exchange.ts';
import type { Upstream } from './upstream.ts';

/** What a mutation may use besides the exchange itself. */
export interface MutationContext {
  /** Scratch space that lives as long as the mutation stays installed on the proxy. */
  readonly state: Map<string, unknown>;
  /** The target itself, past every mutation (for a snapshot, say). */
  readonly upstream: Pick<Upstream, 'call'>;
}

/**
 * One named way for a target to be wrong (or to fail), applied by the mutation proxy to the exchanges it
 * matches: those whose `X-Amz-Target` names one of `operations` (and that `when` accepts, if given) and,
 * for the response side, whose status is `status` when that is given. A mutation that leaves an exchange as it was returns the very same
 * object, so the proxy can count the exchanges it really changed.
 */
export interface Mutation {
  readonly name: string;
  /** What the target does wrong, in a few words (the detection table shows it). */
  readonly description: string;
  readonly operations: readonly string[];
  /** Narrows the match to some requests of those operations (one request shape, say). */
  readonly when?: (request: ProxiedRequest) => boolean;
  readonly status?: number;
  /**
   * The honest-mode normalisations the row needs: both the baseline and the mutated run use them, so
   * the mutation is the only difference between the two.
   */
  readonly honest: readonly NormalisationName[];
  /** Rewrites (or just observes) a matching request before it is forwarded. */
  readonly rewriteRequest?: (
    request: ProxiedRequest,
    context: MutationContext,
  ) => ProxiedRequest | Promise<ProxiedRequest>;
  /** Rewrites a matching response, or replaces it with a transport fault. */
  readonly rewriteResponse?: (
    response: ProxiedResponse,
    request: ProxiedRequest,
    context: MutationContext,
  ) => ProxyAnswer;
  /** Holds every matching answer back this long (a slow target). */
  readonly delayMs?: number;
}
