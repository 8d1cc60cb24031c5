import { cleanupByPrefix, ResourceFactory } from '../src/resources/index.ts';
import { CheckRecorder } from '../src/engine/index.ts';
import { createScenarioContext, runInvalidRequests, runValidRequests } from '../src/scenarios/index.ts';
import type { SpecValidators } from '../src/spec/index.ts';
import type { OperationSpec } from '../specs/format/index.ts';
import { type TargetDescriptor, WireClient } from '../src/wire/index.ts';
import type { Exchange } from '../src/protocol/index.ts';
import { bareLoop } from './bare-loop.ts';

export interface EngineRunResult {
  /** Requests the suite sent for the operations (their prerequisites included). */
  readonly exchanges: readonly Exchange[];
  readonly ms: number;
  readonly deviations: number;
  /** The same requests replayed by a bare SDK loop, right after each operation was judged. */
  readonly bare?: { readonly requests: number; readonly ms: number };
}

/**
 * Runs the generic checks of `operations` in-process, as the operation suites do, and times each
 * operation's scenarios (their set-up included), so the figure compares with a bare loop of the same
 * requests.
 */
export async function runEngine(
  target: TargetDescriptor,
  specs: readonly OperationSpec[],
  validators: SpecValidators,
  operations: readonly string[],
  numRuns: number,
  options: { seed?: number; compareWithBareLoop?: boolean } = {},
): Promise<EngineRunResult> {
  const seed = options.seed ?? 42;
  const wire = new WireClient(target);
  const resources = new ResourceFactory(wire, 'cc-bench-');
  let ms = 0;
  let deviations = 0;
  const judged: Exchange[] = [];
  const bare = { requests: 0, ms: 0 };
  try {
    for (const operation of operations) {
      const recorder = new CheckRecorder(operation, target, {
        profile: 'bench',
        seed,
        startedAt: new Date().toISOString(),
      });
      const scenario = createScenarioContext({
        specs,
        validators,
        target,
        wire,
        resources,
        settings: {
          seed,
          profile: 'quick',
          runsPerProperty: numRuns,
          statefulRuns: 1,
          statefulMaxCommands: 1,
        },
        openRecorder: () => recorder,
        seedFor: () => seed,
      });
      const before = wire.exchanges.length;
      const started = performance.now();
      await runValidRequests(scenario, operation);
      await runInvalidRequests(scenario, operation);
      ms += performance.now() - started;
      const exchanges = wire.exchanges.slice(before);
      judged.push(...exchanges);
      deviations += recorder.toRecord().deviations.length;
      if (options.compareWithBareLoop) {
        const replay = await bareLoop(target, exchanges);
        bare.requests += replay.requests;
        bare.ms += replay.ms;
      }
    }
  } finally {
    await resources.cleanup();
    // The bare loop replays CreateUserPool too; its pools carry the same prefix.
    await cleanupByPrefix(target, 'cc-bench-');
    wire.destroy();
  }
  return { exchanges: judged, ms, deviations, ...(options.compareWithBareLoop ? { bare } : {}) };
}
