import {
  checkDescribed,
  checkLastModified,
  checkListed,
  checkListedMatchesDescribed,
  describePlan,
  LAST_MODIFIED_SETTLE_MS,
  listAllPools,
  listPlan,
  poolsOf,
  ROUND_TRIP_CHECK,
  type RoundTripPlan,
  transportFinding,
} from '../checks/index.ts';
import type fc from 'fast-check';
import { type CheckRecorder, explore, ruleKey } from '../engine/index.ts';
import type { Evaluation, Finding } from '../deviations/index.ts';
import type { ResourceFactory } from '../resources/index.ts';
import { specFor } from '../spec/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import type { CallResult, Sender } from '../wire/index.ts';
import { createdPoolId } from './operation-prerequisites.ts';
import type { ScenarioContext } from './scenario-context.ts';

/** One round-trip exploration of one operation, derived from the {@link ScenarioContext}. */
interface RoundTrip {
  readonly sender: Sender;
  readonly specs: readonly OperationSpec[];
  /** Registers the pools a create round trip makes, so cleanup is guaranteed even if the run dies. */
  readonly resources: Pick<ResourceFactory, 'adoptPool' | 'forgetPool'>;
  /** The recorder of the operation under test (CreateUserPool, UpdateUserPool, …). */
  readonly recorder: CheckRecorder;
  readonly seed: number;
  readonly numRuns: number;
  /** How to wait before an update whose LastModifiedDate is judged; unit tests with a fake clock pass a no-op. */
  readonly pause?: (ms: number) => Promise<void>;
  readonly shrinkTimeLimitMs?: number;
  /** Attempts one rule's shrink may make (each a whole cycle or sequence here); the profile's budget. */
  readonly shrinkBudget?: number;
}

const NOT_JUDGED: Evaluation = { judged: [], findings: [] };

/**
 * Round trips per exploration: each request is a write plus two or three reads (and, for pools, a full
 * listing), so a fifth of the profile's runs per property, at least three, is plenty to meet every member.
 */
export function roundTripRuns(context: Pick<ScenarioContext, 'profile'>): number {
  return Math.max(3, Math.round(context.profile.runsPerProperty / 5));
}

function roundTrip(context: ScenarioContext, operation: string, numRuns?: number): RoundTrip {
  return {
    sender: context.wire,
    specs: context.specs,
    resources: context.resources,
    recorder: context.recorderFor(operation),
    seed: context.seedFor(`round-trip:${operation}`),
    numRuns: numRuns ?? roundTripRuns(context),
    ...(context.pause ? { pause: context.pause } : {}),
    ...(context.shrinkTimeLimitMs !== undefined ? { shrinkTimeLimitMs: context.shrinkTimeLimitMs } : {}),
    ...(context.profile.shrinkBudget !== undefined ? { shrinkBudget: context.profile.shrinkBudget } : {}),
  };
}

/**
 * CreateUserPool: each generated request that is accepted must read back from DescribeUserPool and,
 * for the listed members, from ListUserPools (which must also agree with Describe). The pool is deleted
 * afterwards. Rules broken are shrunk to a minimal create request.
 */
export async function runCreatePoolRoundTrip(
  scenario: ScenarioContext,
  requests: fc.Arbitrary<Record<string, unknown>>,
  numRuns?: number,
  cases: readonly Record<string, unknown>[] = [],
): Promise<void> {
  const context = roundTrip(scenario, 'CreateUserPool', numRuns);
  const plans = poolPlans(context.specs, 'CreateUserPool');
  const sender = countingSender(context, 'CreateUserPool');
  await exploreRoundTrip(context, requests, cases, async (request) => {
    const created = await sender.send('CreateUserPool', request);
    const id = accepted(created) ? createdPoolId(created.exchange.body) : undefined;
    if (id === undefined) return NOT_JUDGED;
    context.resources.adoptPool(id);
    try {
      return judged(await readBackPool(sender, plans, id, sentBody(created, request)));
    } finally {
      const deleted = await sender.send('DeleteUserPool', { UserPoolId: id });
      if (accepted(deleted)) context.resources.forgetPool(id);
    }
  });
}

/**
 * UpdateUserPool on one live pool: only what each update sent is compared (Describe and, for listed
 * members, ListUserPools), since an update may reset what it leaves out.
 */
export async function runUpdatePoolRoundTrip(
  scenario: ScenarioContext,
  requests: fc.Arbitrary<Record<string, unknown>>,
  numRuns?: number,
  cases: readonly Record<string, unknown>[] = [],
): Promise<void> {
  const context = roundTrip(scenario, 'UpdateUserPool', numRuns);
  const plans = poolPlans(context.specs, 'UpdateUserPool');
  const sender = countingSender(context, 'UpdateUserPool');
  await exploreRoundTrip(context, requests, cases, async (request) => {
    const updated = await sender.send('UpdateUserPool', request);
    if (!accepted(updated)) return NOT_JUDGED;
    return judged(
      await readBackPool(sender, plans, String(request['UserPoolId']), sentBody(updated, request)),
    );
  });
}

/** CreateUserPoolClient in one live pool: what was sent reads back from DescribeUserPoolClient. */
export async function runCreateClientRoundTrip(
  scenario: ScenarioContext,
  requests: fc.Arbitrary<Record<string, unknown>>,
  numRuns?: number,
  cases: readonly Record<string, unknown>[] = [],
): Promise<void> {
  const context = roundTrip(scenario, 'CreateUserPoolClient', numRuns);
  const plan = describePlan(
    specFor(context.specs, 'CreateUserPoolClient'),
    specFor(context.specs, 'DescribeUserPoolClient'),
  );
  const sender = countingSender(context, 'CreateUserPoolClient');
  await exploreRoundTrip(context, requests, cases, async (request) => {
    const created = await sender.send('CreateUserPoolClient', request);
    const clientId = accepted(created)
      ? (created.exchange.body as { UserPoolClient?: { ClientId?: unknown } } | undefined)?.UserPoolClient
          ?.ClientId
      : undefined;
    if (typeof clientId !== 'string') return NOT_JUDGED;
    return judged(
      await readBackClient(sender, plan, String(request['UserPoolId']), clientId, sentBody(created, request)),
    );
  });
}

/** UpdateUserPoolClient on one live client: only what each update sent is compared. */
export async function runUpdateClientRoundTrip(
  scenario: ScenarioContext,
  requests: fc.Arbitrary<Record<string, unknown>>,
  numRuns?: number,
  cases: readonly Record<string, unknown>[] = [],
): Promise<void> {
  const context = roundTrip(scenario, 'UpdateUserPoolClient', numRuns);
  const plan = describePlan(
    specFor(context.specs, 'UpdateUserPoolClient'),
    specFor(context.specs, 'DescribeUserPoolClient'),
  );
  const sender = countingSender(context, 'UpdateUserPoolClient');
  await exploreRoundTrip(context, requests, cases, async (request) => {
    const updated = await sender.send('UpdateUserPoolClient', request);
    if (!accepted(updated)) return NOT_JUDGED;
    return judged(
      await readBackClient(
        sender,
        plan,
        String(request['UserPoolId']),
        String(request['ClientId']),
        sentBody(updated, request),
      ),
    );
  });
}

/**
 * One update of a pool read before and after, {@link LAST_MODIFIED_SETTLE_MS} apart: LastModifiedDate
 * must advance, CreationDate stay, and neither snapshot be modified before created.
 */
export async function probePoolLastModified(
  scenario: ScenarioContext,
  request: Record<string, unknown>,
): Promise<void> {
  const context = roundTrip(scenario, 'UpdateUserPool');
  const describe = () => context.sender.send('DescribeUserPool', { UserPoolId: request['UserPoolId'] });
  await probeLastModified(
    context,
    'UserPool',
    describe,
    () => countingSender(context, 'UpdateUserPool').send('UpdateUserPool', request),
    request,
  );
}

/** As {@link probePoolLastModified}, for an app client. */
export async function probeClientLastModified(
  scenario: ScenarioContext,
  request: Record<string, unknown>,
): Promise<void> {
  const context = roundTrip(scenario, 'UpdateUserPoolClient');
  const describe = () =>
    context.sender.send('DescribeUserPoolClient', {
      UserPoolId: request['UserPoolId'],
      ClientId: request['ClientId'],
    });
  const update = () => countingSender(context, 'UpdateUserPoolClient').send('UpdateUserPoolClient', request);
  await probeLastModified(context, 'UserPoolClient', describe, update, request);
}

async function probeLastModified(
  context: RoundTrip,
  resource: string,
  describe: () => Promise<CallResult>,
  update: () => Promise<CallResult>,
  request: Record<string, unknown>,
): Promise<void> {
  const before = await describe();
  if (!accepted(before)) return;
  await (context.pause ?? delay)(LAST_MODIFIED_SETTLE_MS);
  if (!accepted(await update())) return;
  const after = await describe();
  if (!accepted(after)) return;
  context.recorder.record(
    ROUND_TRIP_CHECK,
    checkLastModified(resource, before.exchange.body, after.exchange.body),
    { request },
  );
}

interface PoolPlans {
  readonly describe: RoundTripPlan;
  readonly list: RoundTripPlan;
}

function poolPlans(specs: readonly OperationSpec[], operation: string): PoolPlans {
  const request = specFor(specs, operation);
  return {
    describe: describePlan(request, specFor(specs, 'DescribeUserPool')),
    list: listPlan(request, specFor(specs, 'ListUserPools')),
  };
}

/** DescribeUserPool must show what was sent; so must the pool's entry in ListUserPools, which must agree with Describe. */
async function readBackPool(
  sender: Sender,
  plans: PoolPlans,
  id: string,
  request: Record<string, unknown>,
): Promise<Finding[]> {
  const described = await sender.send('DescribeUserPool', { UserPoolId: id });
  if (!accepted(described)) return [readBackFailed('DescribeUserPool', described)];
  const findings = checkDescribed(plans.describe, request, described.exchange.body);
  const listing = await listAllPools(sender, 60);
  const found = listing.pages
    .flatMap((page) => poolsOf(page.body).map((item, index) => ({ item, pointer: `/UserPools/${index}` })))
    .find(({ item }) => (item as { Id?: unknown } | null)?.Id === id);
  if (found) {
    const resource = (described.exchange.body as { UserPool?: unknown } | undefined)?.UserPool;
    findings.push(...checkListed(plans.list, request, found.item, found.pointer));
    findings.push(...checkListedMatchesDescribed(plans.list.schema, found.item, found.pointer, resource));
  } else if (listing.end === 'complete') {
    findings.push({
      kind: 'state',
      severity: 'error',
      path: '/UserPools',
      expected: id,
      actual: 'not listed on any page',
      message: `pool ${id} is described but ListUserPools (MaxResults 60) never lists it`,
    });
  }
  return findings;
}

async function readBackClient(
  sender: Sender,
  plan: RoundTripPlan,
  userPoolId: string,
  clientId: string,
  request: Record<string, unknown>,
): Promise<Finding[]> {
  const described = await sender.send('DescribeUserPoolClient', {
    UserPoolId: userPoolId,
    ClientId: clientId,
  });
  if (!accepted(described)) return [readBackFailed('DescribeUserPoolClient', described)];
  return checkDescribed(plan, request, described.exchange.body);
}

/** A failed read-back is a `state` deviation, unless no complete response arrived: then it proves nothing. */
function readBackFailed(operation: string, result: CallResult): Finding {
  const transport = transportFinding(result.exchange);
  if (transport) return transport;
  return {
    kind: 'state',
    severity: 'error',
    path: '',
    expected: `${operation} of what was just written`,
    actual: { status: result.exchange.status, error: result.error?.name ?? null },
    message: `${operation} failed right after the write was accepted`,
  };
}

/**
 * Writes each deterministic case first (the members present at their smallest, then each boundary value: see
 * `roundTripCoverageRequests`), recording what each finds as an already minimal example; then explores generated
 * requests, and records tallies and one minimal example per rule the cases did not already show broken. The
 * cases make a seed's findings the same as any other seed's; exploration looks for combinations beyond them.
 */
async function exploreRoundTrip(
  context: RoundTrip,
  requests: fc.Arbitrary<Record<string, unknown>>,
  cases: readonly Record<string, unknown>[],
  evaluate: (request: Record<string, unknown>) => Promise<Evaluation>,
): Promise<void> {
  context.recorder.declare(ROUND_TRIP_CHECK);
  const minimal = new Set<string>();
  let judgedCases = 0;
  for (const request of cases) {
    const evaluation = await evaluate(request);
    if (evaluation.judged.length === 0) continue;
    judgedCases += 1;
    context.recorder.record(
      ROUND_TRIP_CHECK,
      evaluation.findings.map((checked) => checked.finding),
      { request },
    );
    for (const checked of evaluation.findings) minimal.add(ruleKey(checked));
  }
  const result = await explore(requests, evaluate, {
    seed: context.seed,
    numRuns: context.numRuns,
    shrinkTimeLimitMs: context.shrinkTimeLimitMs ?? 30_000,
    alreadyMinimal: minimal,
    ...(context.shrinkBudget !== undefined ? { shrinkBudget: context.shrinkBudget } : {}),
  });
  context.recorder.recordExploration(result);
  if (judgedCases + (result.tallies.get(ROUND_TRIP_CHECK)?.runs ?? 0) === 0) {
    context.recorder.markInconclusive(
      `round-trip: none of ${cases.length + result.runs} requests was accepted, so nothing could be read back`,
    );
  }
}

function judged(findings: readonly Finding[]): Evaluation {
  return {
    judged: [ROUND_TRIP_CHECK],
    findings: findings.map((finding) => ({ check: ROUND_TRIP_CHECK, finding })),
  };
}

/** Counts the completed exchanges of the operation under test on its recorder. */
function countingSender(context: RoundTrip, operation: string): Sender {
  return {
    async send(sent, input) {
      const result = await context.sender.send(sent, input);
      if (sent === operation) context.recorder.sawExchange(result.exchange);
      return result;
    },
  };
}

/**
 * What actually crossed the wire: the SDK serialises the generated request and may leave parts out, and
 * the target can only be held to what it received.
 */
function sentBody(result: CallResult, request: Record<string, unknown>): Record<string, unknown> {
  const sent = result.exchange.request;
  return typeof sent === 'object' && sent !== null && !Array.isArray(sent)
    ? (sent as Record<string, unknown>)
    : request;
}

function accepted(result: CallResult): boolean {
  return result.exchange.status >= 200 && result.exchange.status < 300;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
