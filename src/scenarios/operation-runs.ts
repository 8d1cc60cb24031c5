import fc from 'fast-check';
import {
  type BrokenRule,
  ERROR_SHAPE_CHECK,
  evaluateInvalidExchange,
  evaluateNotFoundExchange,
  evaluateValidExchange,
  isTransportFailure,
  UNKNOWN_CLIENT_ID,
  UNKNOWN_USER_POOL_ID,
} from '../checks/index.ts';
import { type CheckRecorder, explore, type ExploreResult } from '../engine/index.ts';
import { checkNameOf, type Evaluation } from '../deviations/index.ts';
import { type FixupContext, fixupFor, invalidRequests, validRequests } from '../generate/index.ts';
import { type Exchange, isUnsupportedOperation } from '../protocol/index.ts';
import { SetupError } from '../resources/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import { specFor } from '../spec/index.ts';
import type { CallResult } from '../wire/index.ts';
import { createdPoolId, createPrerequisites, type LiveResources } from './operation-prerequisites.ts';
import type { ScenarioContext } from './scenario-context.ts';

/** One exploration of one operation: its spec, recorder, seed and number of runs. */
interface OperationRun {
  readonly context: ScenarioContext;
  readonly spec: OperationSpec;
  readonly recorder: CheckRecorder;
  readonly seed: number;
  readonly numRuns: number;
}

const NOT_JUDGED: Evaluation = { judged: [], findings: [] };

/**
 * Valid generated requests for `operation` (from its request schema and fix-up), sent through the SDK as an
 * application would: each must be accepted, be well-formed on the wire and match the response schema
 * (checks positive, wire-format, response-schema). Source: `specs/operations/<operation>.json`.
 */
export async function runValidRequests(context: ScenarioContext, operation: string): Promise<void> {
  const prepared = await prepare(context, operation, 'valid');
  if (!prepared) return;
  const { run, fixups } = prepared;
  const requests = validRequests(run.spec, fixupFor(operation), fixups);
  const send = (request: Record<string, unknown>) => context.wire.send(operation, request);
  await exploreOperation(
    run,
    requests,
    send,
    (exchange) => evaluateValidExchange(run.spec, context.validators, exchange),
    false,
  );
}

/** A request that breaks one rule, with the rule it breaks. */
export interface InvalidRequest {
  readonly request: Record<string, unknown>;
  readonly violation: BrokenRule;
}

/**
 * Requests for `operation` that each break one rule of its spec, sent raw so the SDK cannot fix or refuse
 * them: each must be rejected with a 4xx error the spec allows (check negative).
 */
export async function runInvalidRequests(context: ScenarioContext, operation: string): Promise<void> {
  const prepared = await prepare(context, operation, 'invalid');
  if (!prepared) return;
  const { run, fixups } = prepared;
  const requests: fc.Arbitrary<InvalidRequest> = invalidRequests(run.spec, fixupFor(operation), fixups);
  const send = (input: InvalidRequest) => context.wire.sendRaw(operation, input.request);
  await exploreOperation(
    run,
    requests,
    send,
    (exchange, input) => evaluateInvalidExchange(run.spec, exchange, input.violation),
    true,
    (input) => input.request,
  );
}

/**
 * Requests naming a pool or app client that does not exist: `ResourceNotFoundException`, 400, JSON (check
 * error-shape). Only for operations whose requests name one ({@link unknownIdVariants}); one valid generated
 * request supplies everything else, and is sent first with the real ids: only if the target accepts it are
 * the unknown-id variants judged.
 */
export async function runUnknownIds(context: ScenarioContext, operation: string): Promise<void> {
  const prepared = await prepare(context, operation, 'unknown-ids');
  if (!prepared) return;
  const { run, fixups } = prepared;
  const [valid] = fc.sample(validRequests(run.spec, fixupFor(operation), fixups), {
    seed: run.seed,
    numRuns: 1,
  });
  if (valid === undefined) return;
  // "Unknown id → not found" presupposes a request the target accepts with the real ids: when it refuses that
  // one (a flow it does not support, say), an answer to the variants says nothing about unknown ids, and the
  // refusal itself is the positive check's finding.
  const baseline = await context.wire.send(operation, valid);
  run.recorder.sawExchange(baseline.exchange);
  if (isUnsupportedOperation(baseline.exchange)) return markUnsupported(run, baseline.exchange);
  if (isTransportFailure(baseline.exchange)) {
    // No answer at all is a transport finding here as anywhere; it says nothing about unknown ids either.
    recordEvaluation(run.recorder, evaluateNotFoundExchange(run.spec, baseline.exchange), {
      request: valid,
      raw: false,
    });
    return;
  }
  if (baseline.exchange.status < 200 || baseline.exchange.status >= 300) {
    run.recorder.declare(ERROR_SHAPE_CHECK);
    return;
  }
  for (const request of unknownIdVariants(run.spec, valid)) {
    const result = await context.wire.send(operation, request);
    run.recorder.sawExchange(result.exchange);
    if (isUnsupportedOperation(result.exchange)) return markUnsupported(run, result.exchange);
    const evaluation = evaluateNotFoundExchange(run.spec, result.exchange);
    recordEvaluation(run.recorder, evaluation, { request, raw: false });
  }
}

/** Whether the operation names a pool or client, so the unknown-id check applies. */
export function unknownIdVariants(
  spec: OperationSpec,
  validRequest: Record<string, unknown>,
): Record<string, unknown>[] {
  const members = Object.keys((spec.request['properties'] ?? {}) as Record<string, unknown>);
  const variants: Record<string, unknown>[] = [];
  if (members.includes('UserPoolId')) variants.push({ ...validRequest, UserPoolId: UNKNOWN_USER_POOL_ID });
  if (members.includes('ClientId')) variants.push({ ...validRequest, ClientId: UNKNOWN_CLIENT_ID });
  return variants;
}

/** Opens the operation's recorder and creates its prerequisites; undefined when they could not be made. */
async function prepare(
  context: ScenarioContext,
  operation: string,
  label: string,
): Promise<{ run: OperationRun; fixups: FixupContext } | undefined> {
  const spec = specFor(context.specs, operation);
  const recorder = context.recorderFor(operation);
  const live = await prerequisitesOrVerdict(operation, recorder, () =>
    createPrerequisites(spec, context.resources, context.wire),
  );
  if (!live) return undefined;
  const run = {
    context,
    spec,
    recorder,
    seed: context.seedFor(`${operation}:${label}`),
    numRuns: context.profile.runsPerProperty,
  };
  return { run, fixups: fixupContextOf(live, context.resources) };
}

/** The fix-ups' view of the live resources, plus unique names that carry the run prefix. */
export function fixupContextOf(
  live: LiveResources,
  resources: Pick<ScenarioContext['resources'], 'uniqueName' | 'prefix'>,
): FixupContext {
  return {
    ...live,
    uniqueName: (label: string) => resources.uniqueName(label),
    lambdaArn: () => `arn:aws:lambda:us-east-1:123456789012:function:${resources.prefix}trigger`,
  };
}

/**
 * Creates what the operation needs. When the target refuses, the operation under test is not to blame:
 * it is inconclusive, and if the refused prerequisite is the operation itself, unsupported.
 */
async function prerequisitesOrVerdict(
  operation: string,
  recorder: CheckRecorder,
  create: () => Promise<LiveResources>,
): Promise<LiveResources | undefined> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    if (error.operation === operation && isUnsupportedOperation(error.exchange)) {
      recorder.markUnsupported(`the target does not implement ${operation}`);
    } else {
      recorder.markInconclusive(
        `set-up needs ${error.operation}, which failed (HTTP ${error.exchange.status})`,
      );
    }
    return undefined;
  }
}

async function exploreOperation<T>(
  run: OperationRun,
  inputs: fc.Arbitrary<T>,
  send: (input: T) => Promise<CallResult>,
  evaluate: (exchange: Exchange, input: T) => Evaluation,
  raw: boolean,
  requestOf: (input: T) => unknown = (input) => input,
): Promise<void> {
  const [probeInput] = fc.sample(inputs, { seed: run.seed, numRuns: 1 });
  if (probeInput === undefined) throw new Error(`exploreOperation: ${run.spec.operation} generated no input`);
  const probe = await send(probeInput);
  adoptCreatedPool(run.context.resources, probe);
  run.recorder.sawExchange(probe.exchange);
  if (isUnsupportedOperation(probe.exchange)) return markUnsupported(run, probe.exchange);
  // The probe is a run like any other: what it finds is reported too.
  if (!probe.throttled)
    recordEvaluation(run.recorder, evaluate(probe.exchange, probeInput), {
      request: requestOf(probeInput),
      raw,
    });
  let throttled = 0;
  const result: ExploreResult<T> = await explore(
    inputs,
    async (input) => {
      const sent = await send(input);
      adoptCreatedPool(run.context.resources, sent);
      run.recorder.sawExchange(sent.exchange);
      if (sent.throttled) {
        throttled += 1;
        return NOT_JUDGED;
      }
      return evaluate(sent.exchange, input);
    },
    { seed: run.seed, numRuns: run.numRuns, shrinkTimeLimitMs: run.context.shrinkTimeLimitMs ?? 30_000 },
  );
  run.recorder.recordExploration(result, { raw, requestOf: (input) => requestOf(input) });
  if (throttled > 0 && throttled === result.runs)
    run.recorder.markInconclusive('every request was throttled');
}

function recordEvaluation(
  recorder: CheckRecorder,
  evaluation: Evaluation,
  context: { request: unknown; raw: boolean },
): void {
  for (const check of evaluation.judged) {
    const findings = evaluation.findings
      .filter((checked) => checked.check === check)
      .map((checked) => checked.finding);
    recorder.record(checkNameOf(check), findings, context);
  }
}

function markUnsupported(run: OperationRun, exchange: Exchange): void {
  run.recorder.markUnsupported(
    `HTTP ${exchange.status}: the target answered that it does not implement ${run.spec.operation}`,
  );
}

/** Pools created by the operation under test (or by an invalid request it wrongly accepted) are deleted too. */
function adoptCreatedPool(resources: ScenarioContext['resources'], result: CallResult): void {
  if (result.exchange.status < 200 || result.exchange.status >= 300) return;
  const id = createdPoolId(result.exchange.body);
  if (id && result.exchange.operation === 'CreateUserPool') resources.adoptPool(id);
}
