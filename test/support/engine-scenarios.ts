import fc from 'fast-check';
import { statefulPlans } from '../../src/checks/index.ts';
import { type FixupContext, fixupFor, invalidRequests, validRequests } from '../../src/generate/index.ts';
import {
  runPasswordFlows,
  guardSetup,
  createPrerequisites,
  runInvalidRequests,
  runUnknownIds,
  runValidRequests,
  type OperationRunContext,
  runCreatePoolRoundTrip,
  runUpdatePoolRoundTrip,
  type RoundTripContext,
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
  return (harness, settings) =>
    withOperation(harness, settings, operation, async (context, fixups) => {
      await runValidRequests(context, validRequests(context.spec, fixupFor(operation), fixups));
    });
}

/** The operation suite's second test: requests breaking one rule each (negative, wire-format). */
export function invalidRequestsOf(operation: string): Scenario {
  return (harness, settings) =>
    withOperation(harness, settings, operation, async (context, fixups) => {
      await runInvalidRequests(context, invalidRequests(context.spec, fixupFor(operation), fixups));
    });
}

/** The operation suite's third test: unknown pool and client ids (error-shape, wire-format). */
export function unknownIdsOf(operation: string): Scenario {
  return (harness, settings) =>
    withOperation(harness, settings, operation, async (context, fixups) => {
      const [valid] = fc.sample(validRequests(context.spec, fixupFor(operation), fixups), {
        seed: settings.seed,
        numRuns: 1,
      });
      if (valid) await runUnknownIds(context, valid);
    });
}

/** round-trip: generated CreateUserPool requests read back from DescribeUserPool and ListUserPools. */
export const createPoolRoundTrip: Scenario = async (harness, settings) => {
  const context = roundTripContext(harness, settings, 'CreateUserPool');
  await runCreatePoolRoundTrip(
    context,
    validRequests(
      specFor(harness.specs, 'CreateUserPool'),
      fixupFor('CreateUserPool'),
      fixupContext(harness, {}),
    ),
  );
};

/**
 * round-trip: UpdateUserPool on one pool created with MinimumLength 8, each update setting another
 * MinimumLength (9..99), so every update writes something a stale read would not show.
 */
export const updatePoolRoundTrip: Scenario = async (harness, settings) => {
  const context = roundTripContext(harness, settings, 'UpdateUserPool');
  await guardSetup(context.recorder, async () => {
    const pool = await harness.resources.pool({ Policies: { PasswordPolicy: { MinimumLength: 8 } } });
    const requests = fc
      .integer({ min: 9, max: 99 })
      .map((length) => ({ UserPoolId: pool.id, Policies: { PasswordPolicy: { MinimumLength: length } } }));
    await runUpdatePoolRoundTrip(context, requests);
  });
};

/** stateful: ListUserPools over three pools of the test's own with MaxResults 1 and 2, following NextToken. */
export const maxResultsSweep: Scenario = async (harness, settings) => {
  await sweepMaxResults(
    {
      sender: harness.wire,
      plans: statefulPlans(harness.specs),
      lifecycle: harness.resources,
      prefix: `${harness.prefix}sweep-`,
      recorderFor: harness.recorderFor(),
      seed: settings.seed,
      numRuns: settings.numRuns,
      maxCommands: 8,
    },
    [1, 2],
  );
};

/** auth: every password flow of the operation issues tokens that verify and carry the right claims. */
export function passwordFlowsOf(operation: string): Scenario {
  return async (harness) => {
    const spec = specFor(harness.specs, operation);
    await runPasswordFlows({
      spec,
      target: harness.target,
      wire: harness.wire,
      resources: harness.resources,
      recorder: harness.recorder(operation),
    });
  };
}

/** Runs several scenarios in order on one harness. */
export function inOrder(...scenarios: readonly Scenario[]): Scenario {
  return async (harness, settings) => {
    for (const scenario of scenarios) await scenario(harness, settings);
  };
}

type OperationWork = (context: OperationRunContext, fixups: FixupContext) => Promise<void>;

/** Opens the operation's recorder and creates its prerequisites, as the operation suite does; refused set-up is inconclusive. */
async function withOperation(
  harness: EngineHarness,
  settings: ScenarioSettings,
  operation: string,
  work: OperationWork,
): Promise<void> {
  const spec = specFor(harness.specs, operation);
  const recorder = harness.recorder(operation);
  await guardSetup(recorder, async () => {
    const live = await createPrerequisites(spec, harness.resources, harness.wire);
    const context: OperationRunContext = {
      spec,
      validators: harness.validators,
      wire: harness.wire,
      resources: harness.resources,
      recorder,
      seed: settings.seed,
      numRuns: settings.numRuns,
    };
    await work(context, fixupContext(harness, live));
  });
}

function roundTripContext(
  harness: EngineHarness,
  settings: ScenarioSettings,
  operation: string,
): RoundTripContext {
  return {
    sender: harness.wire,
    specs: harness.specs,
    resources: harness.resources,
    recorder: harness.recorder(operation),
    seed: settings.seed,
    numRuns: settings.numRuns,
  };
}

function fixupContext(harness: EngineHarness, live: Omit<FixupContext, 'uniqueName'>): FixupContext {
  return {
    ...live,
    uniqueName: (label) => harness.resources.uniqueName(label),
    lambdaArn: () => `arn:aws:lambda:us-east-1:123456789012:function:${harness.resources.prefix}trigger`,
  };
}
