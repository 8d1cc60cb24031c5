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
  /** Creates a pool named `name` on the target, as a run that died would have left it. */
  createPool(name: string): Promise<void>;
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
    async createPool(name) {
      if (wire === undefined) throw new Error('useStandInTarget: the target did not start (see beforeAll)');
      const created = await wire.send('CreateUserPool', { PoolName: name });
      if (created.exchange.status !== 200)
        throw new Error(`useStandInTarget: CreateUserPool ${name} got HTTP ${created.exchange.status}`);
    },
    async poolsWithPrefix(prefix) {
      if (wire === undefined) throw new Error('useStandInTarget: the target did not start (see beforeAll)');
      return (await listAllPools(wire))
        .filter((pool) => pool.name.startsWith(prefix))
        .map((pool) => pool.name);
    },
  };
}
