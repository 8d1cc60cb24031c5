import type { AwsRunAnnouncement } from '../targets/index.ts';
import { behaviourLifecycles } from '../checks/index.ts';
import { DEFAULT_MAX_SHRUNK_RULES } from '../engine/index.ts';
import { coverageSize } from '../generate/index.ts';
import { loadBehaviourCatalogue, loadOperationSpecs } from '../spec/index.ts';
import type { RunSettings } from './run-settings.ts';

/**
 * A rough upper bound of what a run sends (requests) and creates (user pools), for the operator to see before a
 * run against real AWS starts.
 */
export function estimateLoad(settings: RunSettings): { requests: number; pools: number } {
  const specs = loadOperationSpecs().filter(
    (spec) => settings.operations === undefined || settings.operations.includes(spec.operation),
  );
  // The coverage phase: one request per rule and boundary; a CreateUserPool one may make a pool (a boundary, or
  // an invalid request wrongly accepted). Then per operation the random runs, their shrinks and the scenarios.
  const coverage = specs.map((spec) => ({ operation: spec.operation, requests: coverageSize(spec) }));
  // Shrinking is bounded per rule: each of the two explorations shrinks at most one rule per run it made (and at
  // most DEFAULT_MAX_SHRUNK_RULES rules), each within the budget.
  const shrinking = 2 * Math.min(settings.runsPerProperty, DEFAULT_MAX_SHRUNK_RULES) * settings.shrinkBudget;
  const perOperation = settings.runsPerProperty * 3 + shrinking + 20;
  const stateful = settings.statefulRuns * settings.statefulMaxCommands * 3;
  // The behaviour model: its lifecycles, the random sequences and their shrinks, each in a pool of its own (one
  // more for the update-semantics command), with about 5 set-up requests and up to 4 per command.
  const lifecycles = behaviourLifecycles();
  const sequences =
    lifecycles.length + settings.statefulRuns + DEFAULT_MAX_SHRUNK_RULES * settings.shrinkBudget;
  const longest = Math.max(
    settings.statefulMaxCommands,
    ...lifecycles.map((lifecycle) => lifecycle.commands.length),
  );
  const selected =
    settings.operations === undefined ||
    loadBehaviourCatalogue().rules.some((rule) =>
      rule.operations.some((op) => settings.operations?.includes(op)),
    );
  const behaviour = selected
    ? { requests: sequences * (5 + 4 * longest), pools: 2 * sequences }
    : { requests: 0, pools: 0 };
  const coverageRequests = coverage.reduce((sum, op) => sum + op.requests, 0);
  const coveragePools = coverage.find((op) => op.operation === 'CreateUserPool')?.requests ?? 0;
  return {
    requests: coverageRequests + specs.length * perOperation + stateful + behaviour.requests,
    pools: coveragePools + specs.length * (settings.runsPerProperty + 3) + stateful + behaviour.pools,
  };
}

/** What a run against real AWS announces before it starts: its prefix and {@link estimateLoad}. */
export function awsAnnouncement(settings: RunSettings): AwsRunAnnouncement {
  return { prefix: settings.prefix, estimate: estimateLoad(settings) };
}
