import fc from 'fast-check';
import type { CheckRecorder } from '../engine/index.ts';
import { fixupFor, roundTripCoverageRequests, validRequests, type FixupContext } from '../generate/index.ts';
import { SetupError } from '../resources/index.ts';
import { specFor } from '../spec/index.ts';
import { fixupContextOf } from './operation-runs.ts';
import {
  probeClientLastModified,
  probePoolLastModified,
  runCreateClientRoundTrip,
  runCreatePoolRoundTrip,
  runUpdateClientRoundTrip,
  runUpdatePoolRoundTrip,
} from './round-trip-runs.ts';
import type { ScenarioContext } from './scenario-context.ts';

/**
 * Operations whose answers list every pool on the target, whoever created it: a scenario that calls one sees
 * other scenarios' pools unless it runs alone (see fixtures/run-turns.ts).
 */
export const POOL_LISTING_OPERATIONS: readonly string[] = ['ListUserPools'];

/**
 * round-trip, CreateUserPool: generated create requests read back from DescribeUserPool and ListUserPools.
 * Source: the CreateUserPool, DescribeUserPool and ListUserPools specs.
 */
export async function createUserPoolRoundTrip(context: ScenarioContext): Promise<void> {
  const live = {};
  await runCreatePoolRoundTrip(
    context,
    requestsFor(context, 'CreateUserPool', live),
    undefined,
    casesFor(context, 'CreateUserPool', live),
  );
}

/** round-trip, UpdateUserPool on a live pool: updates read back from DescribeUserPool and ListUserPools. */
export async function updateUserPoolRoundTrip(context: ScenarioContext): Promise<void> {
  const pool = await setUp(context.recorderFor('UpdateUserPool'), () => context.resources.pool());
  if (!pool) return;
  const live = { userPoolId: pool.id };
  await runUpdatePoolRoundTrip(
    context,
    requestsFor(context, 'UpdateUserPool', live),
    undefined,
    casesFor(context, 'UpdateUserPool', live),
  );
}

/**
 * round-trip, UpdateUserPool on a pool of its own: an update a second after the pool was read advances its
 * LastModifiedDate. Lists nothing, so it can run beside other scenarios while its second goes by.
 */
export async function updateUserPoolLastModified(context: ScenarioContext): Promise<void> {
  const pool = await setUp(context.recorderFor('UpdateUserPool'), () => context.resources.pool());
  if (!pool) return;
  const requests = requestsFor(context, 'UpdateUserPool', { userPoolId: pool.id });
  await probePoolLastModified(context, firstOf(requests, context.seedFor('round-trip:UpdateUserPool')));
}

/** round-trip, CreateUserPoolClient in a live pool: what was sent reads back from DescribeUserPoolClient. */
export async function createUserPoolClientRoundTrip(context: ScenarioContext): Promise<void> {
  const pool = await setUp(context.recorderFor('CreateUserPoolClient'), () => context.resources.pool());
  if (!pool) return;
  const live = { userPoolId: pool.id };
  await runCreateClientRoundTrip(
    context,
    requestsFor(context, 'CreateUserPoolClient', live),
    undefined,
    casesFor(context, 'CreateUserPoolClient', live),
  );
}

/** round-trip, UpdateUserPoolClient on a live client: updates read back from DescribeUserPoolClient. */
export async function updateUserPoolClientRoundTrip(context: ScenarioContext): Promise<void> {
  const client = await clientOfItsOwn(context);
  if (!client) return;
  await runUpdateClientRoundTrip(
    context,
    requestsFor(context, 'UpdateUserPoolClient', client),
    undefined,
    casesFor(context, 'UpdateUserPoolClient', client),
  );
}

/** round-trip, UpdateUserPoolClient on a client of its own: an update a second after a read advances LastModifiedDate. */
export async function updateUserPoolClientLastModified(context: ScenarioContext): Promise<void> {
  const client = await clientOfItsOwn(context);
  if (!client) return;
  const requests = requestsFor(context, 'UpdateUserPoolClient', client);
  await probeClientLastModified(
    context,
    firstOf(requests, context.seedFor('round-trip:UpdateUserPoolClient')),
  );
}

/** A new app client in a new pool, as fix-up ids; undefined (and the record inconclusive) if set-up failed. */
async function clientOfItsOwn(
  context: ScenarioContext,
): Promise<Pick<FixupContext, 'userPoolId' | 'clientId'> | undefined> {
  const client = await setUp(context.recorderFor('UpdateUserPoolClient'), async () =>
    context.resources.appClient((await context.resources.pool()).id),
  );
  return client && { userPoolId: client.userPoolId, clientId: client.clientId };
}

/** The deterministic write cases of `operation`'s round trip, fixed up like {@link requestsFor}'s requests. */
function casesFor(
  context: ScenarioContext,
  operation: string,
  live: Pick<FixupContext, 'userPoolId' | 'clientId'>,
): Record<string, unknown>[] {
  return roundTripCoverageRequests(
    specFor(context.specs, operation),
    fixupFor(operation),
    fixupContextOf(live, context.resources),
    context.seedFor(`round-trip:${operation}`),
  );
}

/** Valid generated requests for `operation`, fixed up to name live resources and carry the run prefix. */
function requestsFor(
  context: ScenarioContext,
  operation: string,
  live: Pick<FixupContext, 'userPoolId' | 'clientId'>,
): fc.Arbitrary<Record<string, unknown>> {
  return validRequests(
    specFor(context.specs, operation),
    fixupFor(operation),
    fixupContextOf(live, context.resources),
  );
}

function firstOf(requests: fc.Arbitrary<Record<string, unknown>>, seed: number): Record<string, unknown> {
  const [first] = fc.sample(requests, { seed, numRuns: 1 });
  if (!first) throw new Error('round-trip: the generator produced no request');
  return first;
}

/** Set-up the operation under test is not to blame for: when the target refuses it, the record is inconclusive. */
async function setUp<T>(recorder: CheckRecorder, create: () => Promise<T>): Promise<T | undefined> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    recorder.markInconclusive(`round-trip set-up needs ${error.operation}, which failed (${error.answer})`);
    return undefined;
  }
}
