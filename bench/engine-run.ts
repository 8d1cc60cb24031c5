import { cleanupByPrefix, ResourceFactory } from '../src/resources/index.ts';
import { CheckRecorder } from '../src/engine/index.ts';
import { createScenarioContext, runInvalidRequests, runValidRequests } from '../src/scenarios/index.ts';
import { PROFILES } from '../src/settings/index.ts';
import type { SpecValidators } from '../src/spec/index.ts';
import type { OperationSpec } from '../specs/format/index.ts';
import { type TargetDescriptor, WireClient } from '../src/wire/index.ts';

export interface EngineRunResult {
  /** Requests the suite sent for the operations (their prerequisites included). */
  readonly requests: number;
  readonly ms: number;
  readonly deviations: number;
}

/**
 * Runs the generic checks of `operations` in-process (coverage phase, then `numRuns` random valid and invalid
 * requests per operation, with the quick profile's shrink budget), as the operation suites do, and times them
 * with their set-up.
 */
export async function runEngine(
  target: TargetDescriptor,
  specs: readonly OperationSpec[],
  validators: SpecValidators,
  operations: readonly string[],
  numRuns: number,
  options: { seed?: number } = {},
): Promise<EngineRunResult> {
  const seed = options.seed ?? 42;
  const wire = new WireClient(target);
  const resources = new ResourceFactory(wire, 'cc-bench-');
  let ms = 0;
  let deviations = 0;
  let requests = 0;
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
          shrinkBudget: PROFILES.quick.shrinkBudget,
        },
        openRecorder: () => recorder,
        seedFor: () => seed,
      });
      const before = wire.exchangeCount;
      const started = performance.now();
      await runValidRequests(scenario, operation);
      await runInvalidRequests(scenario, operation);
      ms += performance.now() - started;
      requests += wire.exchangeCount - before;
      deviations += recorder.toRecord().deviations.length;
    }
  } finally {
    await resources.cleanup();
    await cleanupByPrefix(target, 'cc-bench-');
    wire.destroy();
  }
  return { requests, ms, deviations };
}
