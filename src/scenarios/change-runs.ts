import type { ScenarioContext } from './scenario-context.ts';
import { authRequest } from '../auth/index.ts';
import {
  type AnnouncedChange,
  type ChangePlan,
  type ChangeResource,
  type Observation,
  planChange,
  valueAt,
  withMember,
} from '../changes/index.ts';
import {
  acceptedOutcome,
  type ChangeOutcome,
  CHANGES_CHECK,
  judgeReflection,
  judgeUse,
  type Observed,
  setupFailedOutcome,
  toChangeVerdict,
} from '../checks/index.ts';
import type { CheckRecorder } from '../engine/index.ts';
import type { ChangeVerdict } from '../deviations/index.ts';
import { SetupError } from '../resources/index.ts';
import { specFor } from '../spec/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import type { CallResult, TargetDescriptor } from '../wire/index.ts';
import { createdPoolId, createPrerequisites, type LiveResources } from './operation-prerequisites.ts';

/** What testing one change needs from the suite's fixtures. */
/** The run of one announced change, derived from the {@link ScenarioContext}. */
interface ChangeRun {
  readonly specs: readonly OperationSpec[];
  readonly target: TargetDescriptor;
  readonly wire: ScenarioContext['wire'];
  readonly resources: ScenarioContext['resources'];
  /** The recorder opened for the change's operation. */
  readonly recorder: CheckRecorder;
}

/** The outcome plus the request of the change's own operation, which findings are recorded against. */
interface Tried {
  readonly outcome: ChangeOutcome;
  readonly request?: Record<string, unknown>;
}

/** Pages of a List operation read while looking for the resource just created. */
const MAX_LIST_PAGES = 20;

/**
 * Tests one announced change as its plan says, and records one verdict for it (and any finding, under
 * check `changes`) on the recorder of the change's operation. A refused set-up gives a `null` verdict.
 */
export async function runChange(scenario: ScenarioContext, change: AnnouncedChange): Promise<ChangeVerdict> {
  const context: ChangeRun = {
    specs: scenario.specs,
    target: scenario.target,
    wire: scenario.wire,
    resources: scenario.resources,
    recorder: scenario.recorderFor(change.operation),
  };
  if (change.withdrawnBy !== undefined) return recordWithdrawn(context, change, change.withdrawnBy);
  const plan = planChange(change, context.specs, {
    region: context.target.region,
    prefix: context.resources.prefix,
  });
  const tried = await exerciseOrSetupFailure(context, plan);
  const verdict = toChangeVerdict(change, tried.outcome);
  context.recorder.addChangeVerdicts([verdict]);
  if (tried.outcome.unsupportedOperation)
    context.recorder.markUnsupported(`the target does not implement ${change.operation}`);
  if (tried.outcome.supported === null || tried.outcome.unsupportedOperation || tried.request === undefined) {
    context.recorder.declare(CHANGES_CHECK);
  } else {
    context.recorder.record(CHANGES_CHECK, tried.outcome.findings, { request: tried.request });
  }
  return verdict;
}

/** A change the current reference withdrew: its own verdict, nothing sent, never a deviation. */
function recordWithdrawn(context: ChangeRun, change: AnnouncedChange, source: string): ChangeVerdict {
  const verdict: ChangeVerdict = {
    ...toChangeVerdict(change, {
      supported: null,
      evidence: `withdrawn by the current reference (${source}); not tried`,
      findings: [],
    }),
    withdrawn: source,
  };
  context.recorder.addChangeVerdicts([verdict]);
  context.recorder.declare(CHANGES_CHECK);
  return verdict;
}

async function exerciseOrSetupFailure(context: ChangeRun, plan: ChangePlan): Promise<Tried> {
  try {
    switch (plan.kind) {
      case 'unplannable':
        return { outcome: { supported: null, evidence: plan.reason, findings: [] } };
      case 'operation':
        return await exerciseOperation(context, plan.change);
      case 'auth-flow':
        return await exerciseAuthFlow(context, plan.change, plan.flow);
      case 'resource':
        return await exerciseResource(context, plan);
    }
  } catch (error) {
    if (error instanceof SetupError) return { outcome: setupFailedOutcome(error.operation, error.exchange) };
    throw error;
  }
}

/** A new operation: call it with its required members from live resources; accepted means implemented. */
async function exerciseOperation(context: ChangeRun, change: AnnouncedChange): Promise<Tried> {
  const spec = specFor(context.specs, change.operation);
  const live = await createPrerequisites(spec, context.resources, context.wire, context.specs);
  const request = requiredMembers(spec, live);
  if (!request)
    return {
      outcome: {
        supported: null,
        evidence: `no valid ${change.operation} request can be made from live resources`,
        findings: [],
      },
    };
  const result = await call(context, change.operation, request);
  return {
    outcome: judged(change, change.operation, result) ?? acceptedOutcome(change.operation, result.exchange),
    request,
  };
}

/** A new AuthFlow value: a confirmed user signs in with it through an app client that enables it. */
async function exerciseAuthFlow(context: ChangeRun, change: AnnouncedChange, flow: string): Promise<Tried> {
  const spec = specFor(context.specs, change.operation);
  const pool = await context.resources.pool();
  // The set-up client enables both password flows (SETUP_AUTH_FLOWS), this one included.
  const client = await context.resources.appClient(pool.id);
  const user = await context.resources.user(pool.id);
  const request = authRequest(spec, {
    userPoolId: pool.id,
    clientId: client.clientId,
    flow,
    parameters: { USERNAME: user.username, PASSWORD: user.password },
  });
  const result = await call(context, change.operation, request);
  return {
    outcome: judged(change, change.operation, result) ?? acceptedOutcome(change.operation, result.exchange),
    request,
  };
}

/** A resource member or enum value: set it through the setter, then look for it where the plan says. */
async function exerciseResource(
  context: ChangeRun,
  plan: Extract<ChangePlan, { kind: 'resource' }>,
): Promise<Tried> {
  const { change, resource, setter } = plan;
  const poolId = resource.inPool ? (await context.resources.pool()).id : undefined;
  const existing = setter.startsWith('Update') ? await createBare(context, resource, poolId) : undefined;
  const setterRequest = withMember(
    existing ?? resource.baseCreate((label) => context.resources.uniqueName(label), poolId),
    plan.requestPath,
    plan.value,
  );
  const set = await call(context, setter, setterRequest);
  const refused = judged(change, setter, set);
  if (refused)
    return {
      outcome: setterRefusal(change, setter, set, refused),
      ...(setter === change.operation ? { request: setterRequest } : {}),
    };
  const ids = existing ?? resource.idsFrom(set.exchange.body);
  if (!ids)
    return {
      outcome: {
        supported: null,
        evidence: `${setter} returned no ids for the ${resource.noun} it created`,
        findings: [],
      },
    };
  const accepted = `${setter} accepted it (HTTP ${set.exchange.status})`;
  const observed = await observe(context, plan.observe, resource, ids, set);
  if ('outcome' in observed) return observed;
  const request = setter === change.operation ? setterRequest : observed.request;
  return { outcome: judgeReflection(change, plan.expected, observed.observed, accepted), request };
}

/**
 * A refused setter decides a request change (unsupported). For a response change it only means the
 * response could not be observed, unless the target does not implement the operation at all; a refused
 * set-up Create is a set-up failure.
 */
function setterRefusal(
  change: AnnouncedChange,
  setter: string,
  set: CallResult,
  refused: ChangeOutcome,
): ChangeOutcome {
  if (setter !== change.operation) return setupFailedOutcome(setter, set.exchange);
  if (change.direction === 'request' || refused.unsupportedOperation || refused.supported === null)
    return refused;
  return {
    supported: null,
    evidence: `${setter} refused the request that sets it (${refused.evidence}), so its response could not be observed`,
    findings: [],
  };
}

type Looked = { readonly observed: Observed; readonly request: Record<string, unknown> } | Tried;

async function observe(
  context: ChangeRun,
  where: Observation,
  resource: ChangeResource,
  ids: Record<string, string>,
  set: CallResult,
): Promise<Looked> {
  switch (where.kind) {
    case 'setter-response':
      return {
        observed: {
          operation: set.exchange.operation,
          path: where.path,
          value: valueAt(set.exchange.body, where.path),
        },
        request: {},
      };
    case 'describe': {
      const request = { ...ids };
      const result = await call(context, where.operation, request);
      if (!isSuccess(result)) return { outcome: setupFailedOutcome(where.operation, result.exchange) };
      return {
        observed: {
          operation: where.operation,
          path: where.path,
          value: valueAt(result.exchange.body, where.path),
        },
        request,
      };
    }
    case 'list':
      return findInList(context, where, resource, ids);
  }
}

/** Pages through `List<noun>s` until the created resource's item shows up. */
async function findInList(
  context: ChangeRun,
  where: Extract<Observation, { kind: 'list' }>,
  resource: ChangeResource,
  ids: Record<string, string>,
): Promise<Looked> {
  const first: Record<string, unknown> = {
    MaxResults: 60,
    ...(resource.inPool ? { UserPoolId: ids['UserPoolId'] } : {}),
  };
  let request = first;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const result = await call(context, where.operation, request);
    if (!isSuccess(result)) return { outcome: setupFailedOutcome(where.operation, result.exchange) };
    const items = valueAt(result.exchange.body, where.collection);
    const index = Array.isArray(items) ? items.findIndex((item) => resource.isListed(item, ids)) : -1;
    if (Array.isArray(items) && index >= 0) {
      const path = `${where.collection}/${index}${where.itemPath}`;
      return {
        observed: { operation: where.operation, path, value: valueAt(items[index], where.itemPath) },
        request: first,
      };
    }
    const next = valueAt(result.exchange.body, '/NextToken');
    if (typeof next !== 'string' || next === '') break;
    request = { ...first, NextToken: next };
  }
  return {
    outcome: {
      supported: null,
      evidence: `${where.operation} does not list the ${resource.noun} just created, so the change could not be observed`,
      findings: [],
    },
  };
}

/** Creates a bare resource for an Update to change; its ids. */
async function createBare(
  context: ChangeRun,
  resource: ChangeResource,
  poolId: string | undefined,
): Promise<Record<string, string>> {
  const operation = `Create${resource.noun}`;
  const result = await call(
    context,
    operation,
    resource.baseCreate((label) => context.resources.uniqueName(label), poolId),
  );
  const ids = isSuccess(result) ? resource.idsFrom(result.exchange.body) : undefined;
  if (!ids) throw new SetupError(operation, result.exchange);
  return ids;
}

/** Sends through the SDK; counts exchanges of the recorder's operation and adopts created pools for clean-up. */
async function call(
  context: ChangeRun,
  operation: string,
  request: Record<string, unknown>,
): Promise<CallResult> {
  const result = await context.wire.send(operation, request);
  if (operation === context.recorder.operation) context.recorder.sawExchange(result.exchange);
  const poolId =
    operation === 'CreateUserPool' && isSuccess(result) ? createdPoolId(result.exchange.body) : undefined;
  if (poolId) context.resources.adoptPool(poolId);
  return result;
}

/** `judgeUse`, with a throttled call counted as "could not tell". */
function judged(change: AnnouncedChange, operation: string, result: CallResult): ChangeOutcome | undefined {
  if (result.throttled)
    return { supported: null, evidence: `${operation} was throttled on every attempt`, findings: [] };
  return judgeUse(change, operation, result.exchange);
}

function isSuccess(result: CallResult): boolean {
  return result.exchange.status >= 200 && result.exchange.status < 300;
}

/** The operation's required members, filled from live resources; undefined when one cannot be. */
function requiredMembers(spec: OperationSpec, live: LiveResources): Record<string, unknown> | undefined {
  const known: Record<string, string | undefined> = { UserPoolId: live.userPoolId, ClientId: live.clientId };
  const required = Array.isArray(spec.request['required']) ? (spec.request['required'] as string[]) : [];
  const request: Record<string, unknown> = {};
  for (const member of required) {
    const value = known[member];
    if (value === undefined) return undefined;
    request[member] = value;
  }
  return request;
}
