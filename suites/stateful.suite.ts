import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { conformanceTest, isSelected, type SuiteFixtures } from '../fixtures/index.ts';
import { statefulPlans } from '../src/checks/index.ts';
import type { CheckRecorder } from '../src/engine/index.ts';
import { seedFor, type RunSettings } from '../src/settings/index.ts';
import {
  STATEFUL_OPERATIONS,
  maxResultsToSweep,
  runStateful,
  sweepMaxResults,
  type StatefulRunContext,
} from '../src/scenarios/index.ts';

/**
 * Model-based checks over pools and app clients: random sequences of create, describe, update, list
 * (any MaxResults, following NextToken) and delete, with the list holding exactly this test's live
 * pools, pages within MaxResults, every pool listed once, Describe showing the last write and deleted
 * resources gone. Bounded by the profile's `statefulRuns` × `statefulMaxCommands`.
 */
describe('stateful', () => {
  conformanceTest(
    'pools and app clients follow the model',
    async ({ skip, specs, wire, resources, settings, conformance }) => {
      const fixtures: SuiteFixtures = { specs, wire, resources, settings, conformance };
      skip(!anySelected(fixtures.settings), 'no stateful operation selected (--ops)');
      await runStateful(contextFor(fixtures, 'stateful'));
    },
  );

  conformanceTest(
    'ListUserPools pages honour MaxResults (explicit sweep; all of 1..60 when thorough)',
    async ({ skip, specs, wire, resources, settings, conformance }) => {
      const fixtures: SuiteFixtures = { specs, wire, resources, settings, conformance };
      skip(!isSelected(fixtures.settings.operations, 'ListUserPools'), 'operation not selected (--ops)');
      await sweepMaxResults(contextFor(fixtures, 'sweep'), maxResultsToSweep(fixtures.settings.profile));
    },
  );
});

function anySelected(settings: RunSettings): boolean {
  return STATEFUL_OPERATIONS.some((operation) => isSelected(settings.operations, operation));
}

function contextFor(fixtures: SuiteFixtures, label: string): StatefulRunContext {
  const recorders = new Map<string, CheckRecorder>();
  return {
    sender: fixtures.wire,
    plans: statefulPlans(fixtures.specs),
    lifecycle: fixtures.resources,
    // Other suites create pools on the same target meanwhile; the random part keeps this test's
    // pools apart from theirs (and from another worker's test of the same name).
    prefix: `${fixtures.resources.prefix}${label}-${randomBytes(3).toString('hex')}-`,
    recorderFor: (operation) => {
      const recorder = recorders.get(operation) ?? fixtures.conformance.recorder(operation);
      recorders.set(operation, recorder);
      return recorder;
    },
    seed: seedFor(fixtures.settings.seed, `stateful:${label}`),
    numRuns: fixtures.settings.statefulRuns,
    maxCommands: fixtures.settings.statefulMaxCommands,
  };
}
