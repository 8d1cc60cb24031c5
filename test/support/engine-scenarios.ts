import fc from 'fast-check';
import { validRequests, fixupFor } from '../../src/generate/index.ts';
import {
  fixupContextOf,
  guardSetup,
  runBehaviour,
  runCreatePoolRoundTrip,
  runFamilyRoundTrip,
  runInvalidRequests,
  runRelatedListing,
  runPasswordFlows,
  runUnknownIds,
  runUpdatePoolRoundTrip,
  runValidRequests,
  sweepMaxResults,
} from '../../src/scenarios/index.ts';
import { specFor } from '../../src/spec/index.ts';
import type { EngineHarness } from './engine-harness.ts';

/** How hard a scenario looks: few runs and a fixed seed, so a row is quick and replays exactly. */
export interface ScenarioSettings {
  readonly seed: number;
  readonly numRuns: number;
}

/** One use of the engine's run functions, as a suite would make it, against the harness's target. */
export type Scenario = (harness: EngineHarness, settings: ScenarioSettings) => Promise<void>;

/** The operation suite's first test: valid generated requests (positive, wire-format, response-schema). */
export function validRequestsOf(operation: string): Scenario {
  return (harness, settings) => runValidRequests(harness.scenario(settings), operation);
}

/** The operation suite's second test: requests breaking one rule each (negative, wire-format). */
export function invalidRequestsOf(operation: string): Scenario {
  return (harness, settings) => runInvalidRequests(harness.scenario(settings), operation);
}

/** The operation suite's third test: unknown pool and client ids (error-shape, wire-format). */
export function unknownIdsOf(operation: string): Scenario {
  return (harness, settings) => runUnknownIds(harness.scenario(settings), operation);
}

/** round-trip: generated CreateUserPool requests read back from DescribeUserPool and ListUserPools. */
export const createPoolRoundTrip: Scenario = async (harness, settings) => {
  await runCreatePoolRoundTrip(
    harness.scenario(settings),
    validRequests(
      specFor(harness.specs, 'CreateUserPool'),
      fixupFor('CreateUserPool'),
      fixupContextOf({}, harness.resources),
    ),
    settings.numRuns,
  );
};

/**
 * round-trip: UpdateUserPool on one pool created with MinimumLength 8, each update setting another
 * MinimumLength (9..99), so every update writes something a stale read would not show.
 */
export const updatePoolRoundTrip: Scenario = async (harness, settings) => {
  const context = harness.scenario(settings);
  await guardSetup(context.recorderFor('UpdateUserPool'), async () => {
    const pool = await harness.resources.pool({ Policies: { PasswordPolicy: { MinimumLength: 8 } } });
    const requests = fc
      .integer({ min: 9, max: 99 })
      .map((length) => ({ UserPoolId: pool.id, Policies: { PasswordPolicy: { MinimumLength: length } } }));
    await runUpdatePoolRoundTrip(context, requests, settings.numRuns);
  });
};

/** stateful: ListUserPools over three pools of the test's own with MaxResults 1 and 2, following NextToken. */
export const maxResultsSweep: Scenario = async (harness, settings) => {
  await sweepMaxResults(harness.scenario(settings), [1, 2]);
};

/** round-trip of one resource family of the resource graph (create, describe, list, update, delete). */
export function familyRoundTrip(family: string): Scenario {
  return (harness, settings) => runFamilyRoundTrip(harness.scenario(settings), family);
}

/** round-trip: a related listing (a group's users, a user's groups) filled with three items, read page by page. */
export function relatedListingOf(operation: string): Scenario {
  return (harness, settings) => runRelatedListing(harness.scenario(settings), operation);
}

/** auth: every password flow of the operation issues tokens that verify and carry the right claims. */
export function passwordFlowsOf(operation: string): Scenario {
  return async (harness, settings) => {
    await runPasswordFlows(harness.scenario(settings), operation);
  };
}

/**
 * behaviour: the behaviour model's run (`runBehaviour`), its fixed lifecycles and then `numRuns` random command
 * sequences of at most 8 commands, each judged against the documented rules of `specs/behaviour-rules.json`.
 */
export function behaviourModel(): Scenario {
  return async (harness, settings) => {
    await runBehaviour(harness.scenario(settings));
  };
}

/** Runs several scenarios in order on one harness. */
export function inOrder(...scenarios: readonly Scenario[]): Scenario {
  return async (harness, settings) => {
    for (const scenario of scenarios) await scenario(harness, settings);
  };
}
