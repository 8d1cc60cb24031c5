import type { Mutation } from './mutation.ts';
import type { ProxiedRequest } from './proxied-exchange.ts';

/** Which request stops the target. */
export interface KillPoint {
  readonly operation: string;
  /** The nth matching request (default the first). */
  readonly nth?: number;
  /** Narrows the matching requests. */
  readonly when?: (request: ProxiedRequest) => boolean;
}

/**
 * Not a deviation but an event: the chosen request stops the target before it is forwarded, so that
 * request and everything after it meet a target that is gone. `kill` is the target's own stop
 * (cognito-local exits at once on SIGTERM).
 */
export function killTargetOnRequest(point: KillPoint, kill: () => Promise<void>): Mutation {
  const nth = point.nth ?? 1;
  return {
    name: 'target-killed',
    description: `the target is stopped at ${point.operation} request #${nth}`,
    operations: [point.operation],
    ...(point.when !== undefined ? { when: point.when } : {}),
    honest: [],
    rewriteRequest: async (request, { state }) => {
      const seen = ((state.get('seen') as number | undefined) ?? 0) + 1;
      state.set('seen', seen);
      if (seen === nth) await kill();
      return request;
    },
  };
}
