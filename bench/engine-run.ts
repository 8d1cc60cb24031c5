import { cleanupByPrefix } from '../src/resources/cleanup-by-prefix.ts';
import { CheckRecorder } from '../src/deviations/check-recorder.ts';
import { fixupFor, invalidRequests, validRequests } from '../src/generate/request-generators.ts';
import { ResourceFactory } from '../src/resources/resource-factory.ts';
import { createPrerequisites } from '../src/run/operation-prerequisites.ts';
import { runInvalidRequests, runValidRequests } from '../src/run/operation-runs.ts';
import { specFor } from '../src/spec/load-specs.ts';
import type { OperationSpec } from '../src/spec/operation-spec.ts';
import type { SpecValidators } from '../src/spec/spec-validators.ts';
import type { TargetDescriptor } from '../src/targets/target.ts';
import type { Exchange } from '../src/wire/exchange.ts';
import { WireClient } from '../src/wire/wire-client.ts';
import { bareLoop } from './bare-loop.ts';

export interface EngineRunResult {
  /** Requests the suite sent while judging (prerequisites excluded). */
  readonly exchanges: readonly Exchange[];
  readonly ms: number;
  readonly deviations: number;
  /** The same requests replayed by a bare SDK loop, right after each operation was judged. */
  readonly bare?: { readonly requests: number; readonly ms: number };
}

/**
 * Runs the generic checks of `operations` in-process, as the operation suites do, and times only the
 * judging part (not the set-up of pools and users), so the figure compares with a bare loop of the
 * same requests.
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
      const spec = specFor(specs, operation);
      const recorder = new CheckRecorder(operation, target, {
        profile: 'bench',
        seed,
        startedAt: new Date().toISOString(),
      });
      const live = await createPrerequisites(spec, resources, wire);
      const fixups = { ...live, uniqueName: (label: string) => resources.uniqueName(label) };
      const context = { spec, validators, wire, resources, recorder, seed, numRuns };
      const before = wire.exchanges.length;
      const started = performance.now();
      await runValidRequests(context, validRequests(spec, fixupFor(operation), fixups));
      await runInvalidRequests(context, invalidRequests(spec, fixupFor(operation), fixups));
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
