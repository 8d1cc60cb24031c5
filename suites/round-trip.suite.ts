import fc from 'fast-check';
import { describe } from 'vitest';
import { conformanceTest, isSelected, type SuiteFixtures } from '../fixtures/index.ts';
import type { CheckRecorder } from '../src/engine/index.ts';
import { type FixupContext, fixupFor, validRequests } from '../src/generate/index.ts';
import { SetupError } from '../src/resources/index.ts';
import {
  probeClientLastModified,
  probePoolLastModified,
  runCreateClientRoundTrip,
  runCreatePoolRoundTrip,
  runUpdateClientRoundTrip,
  runUpdatePoolRoundTrip,
  type RoundTripContext,
} from '../src/scenarios/index.ts';
import { seedFor } from '../src/settings/index.ts';
import { specFor } from '../src/spec/index.ts';

/**
 * What was written reads back: each create/update request generated from the spec, once accepted, must
 * come back member by member from the Describe of its resource (and, for pools, from ListUserPools where
 * the member is listed); updates must advance LastModifiedDate. A few requests per run are enough,
 * since each one is a whole write-then-read cycle.
 */
describe('round-trip', () => {
  conformanceTest(
    'CreateUserPool reads back from DescribeUserPool and ListUserPools',
    async ({ skip, specs, wire, resources, settings, conformance }) => {
      const fixtures: SuiteFixtures = { specs, wire, resources, settings, conformance };
      skip(!isSelected(fixtures.settings.operations, 'CreateUserPool'), 'operation not selected (--ops)');
      const context = contextFor(fixtures, 'CreateUserPool');
      await runCreatePoolRoundTrip(context, requestsFor(fixtures, 'CreateUserPool', {}));
    },
  );

  conformanceTest(
    'UpdateUserPool reads back and advances LastModifiedDate',
    async ({ skip, specs, wire, resources, settings, conformance }) => {
      const fixtures: SuiteFixtures = { specs, wire, resources, settings, conformance };
      skip(!isSelected(fixtures.settings.operations, 'UpdateUserPool'), 'operation not selected (--ops)');
      const context = contextFor(fixtures, 'UpdateUserPool');
      const pool = await setUp(context.recorder, () => fixtures.resources.pool());
      if (!pool) return;
      const requests = requestsFor(fixtures, 'UpdateUserPool', { userPoolId: pool.id });
      await probePoolLastModified(context, firstOf(requests, context.seed));
      await runUpdatePoolRoundTrip(context, requests);
    },
  );

  conformanceTest(
    'CreateUserPoolClient reads back from DescribeUserPoolClient',
    async ({ skip, specs, wire, resources, settings, conformance }) => {
      const fixtures: SuiteFixtures = { specs, wire, resources, settings, conformance };
      skip(
        !isSelected(fixtures.settings.operations, 'CreateUserPoolClient'),
        'operation not selected (--ops)',
      );
      const context = contextFor(fixtures, 'CreateUserPoolClient');
      const pool = await setUp(context.recorder, () => fixtures.resources.pool());
      if (!pool) return;
      await runCreateClientRoundTrip(
        context,
        requestsFor(fixtures, 'CreateUserPoolClient', { userPoolId: pool.id }),
      );
    },
  );

  conformanceTest(
    'UpdateUserPoolClient reads back and advances LastModifiedDate',
    async ({ skip, specs, wire, resources, settings, conformance }) => {
      const fixtures: SuiteFixtures = { specs, wire, resources, settings, conformance };
      skip(
        !isSelected(fixtures.settings.operations, 'UpdateUserPoolClient'),
        'operation not selected (--ops)',
      );
      const context = contextFor(fixtures, 'UpdateUserPoolClient');
      const client = await setUp(context.recorder, async () =>
        fixtures.resources.appClient((await fixtures.resources.pool()).id),
      );
      if (!client) return;
      const requests = requestsFor(fixtures, 'UpdateUserPoolClient', {
        userPoolId: client.userPoolId,
        clientId: client.clientId,
      });
      await probeClientLastModified(context, firstOf(requests, context.seed));
      await runUpdateClientRoundTrip(context, requests);
    },
  );
});

function contextFor(fixtures: SuiteFixtures, operation: string): RoundTripContext {
  return {
    sender: fixtures.wire,
    specs: fixtures.specs,
    resources: fixtures.resources,
    recorder: fixtures.conformance.recorder(operation),
    seed: seedFor(fixtures.settings.seed, `round-trip:${operation}`),
    // Each request is a write plus two or three reads (and, for pools, a full listing): a fifth of the
    // profile's runs, at least three, is plenty to meet every member a few times.
    numRuns: Math.max(3, Math.round(fixtures.settings.runsPerProperty / 5)),
  };
}

/** Valid generated requests for `operation`, fixed up to name live resources and carry the run prefix. */
function requestsFor(
  fixtures: SuiteFixtures,
  operation: string,
  live: Pick<FixupContext, 'userPoolId' | 'clientId'>,
) {
  const { resources } = fixtures;
  const context: FixupContext = {
    ...live,
    uniqueName: (label) => resources.uniqueName(label),
    lambdaArn: () => `arn:aws:lambda:us-east-1:123456789012:function:${resources.prefix}trigger`,
  };
  return validRequests(specFor(fixtures.specs, operation), fixupFor(operation), context);
}

function firstOf(requests: fc.Arbitrary<Record<string, unknown>>, seed: number): Record<string, unknown> {
  const [first] = fc.sample(requests, { seed, numRuns: 1 });
  if (!first) throw new Error('round-trip suite: the generator produced no request');
  return first;
}

/** Set-up the operation under test is not to blame for: when the target refuses it, the record is inconclusive. */
async function setUp<T>(recorder: CheckRecorder, create: () => Promise<T>): Promise<T | undefined> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    recorder.markInconclusive(
      `round-trip set-up needs ${error.operation}, which failed (HTTP ${error.exchange.status})`,
    );
    return undefined;
  }
}
