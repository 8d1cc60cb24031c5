import { afterAll, beforeAll } from 'vitest';
import { listAllPools } from '../../resources/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../../targets/index.ts';
import { WireClient } from '../../wire/index.ts';

/** A cognito-local the test owns, which a CLI run is aimed at, and a look at the pools left on it. */
export interface StandIn {
  /** The running target (set once the file's `beforeAll` has run). */
  readonly target: () => StartedTarget;
  /** Names of the pools on the target whose name starts with `prefix`. */
  poolsWithPrefix(prefix: string): Promise<string[]>;
}

/** Starts a cognito-local before the file's tests and stops it after them (call at the top of a describe). */
export function useStandInTarget(): StandIn {
  let started: StartedTarget | undefined;
  let wire: WireClient | undefined;
  beforeAll(async () => {
    started = await startEmbeddedTarget();
    wire = new WireClient(started.descriptor);
  });
  afterAll(async () => {
    wire?.destroy();
    await started?.stop();
  });
  return {
    target() {
      if (started === undefined)
        throw new Error('useStandInTarget: the target did not start (see beforeAll)');
      return started;
    },
    async poolsWithPrefix(prefix) {
      if (wire === undefined) throw new Error('useStandInTarget: the target did not start (see beforeAll)');
      return (await listAllPools(wire))
        .filter((pool) => pool.name.startsWith(prefix))
        .map((pool) => pool.name);
    },
  };
}
