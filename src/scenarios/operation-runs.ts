import fc from 'fast-check';
import {
  type BrokenRule,
  evaluateInvalidExchange,
  evaluateNotFoundExchange,
  evaluateValidExchange,
  UNKNOWN_CLIENT_ID,
  UNKNOWN_USER_POOL_ID,
} from '../checks/index.ts';
import { type CheckRecorder, explore, type ExploreResult } from '../engine/index.ts';
import { checkNameOf, type Evaluation } from '../deviations/index.ts';
import { type Exchange, isUnsupportedOperation } from '../protocol/index.ts';
import type { ResourceFactory } from '../resources/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import type { SpecValidators } from '../spec/index.ts';
import type { CallResult, WireClient } from '../wire/index.ts';
import { createdPoolId } from './operation-prerequisites.ts';

/** What every run over one operation needs. */
export interface OperationRunContext {
  readonly spec: OperationSpec;
  readonly validators: SpecValidators;
  readonly wire: WireClient;
  readonly resources: ResourceFactory;
  readonly recorder: CheckRecorder;
  readonly seed: number;
  readonly numRuns: number;
}

const NOT_JUDGED: Evaluation = { judged: [], findings: [] };

/**
 * Valid generated requests, sent through the SDK as an application would: each must be accepted, be
 * well-formed on the wire and match the response schema.
 */
export async function runValidRequests(
  context: OperationRunContext,
  requests: fc.Arbitrary<Record<string, unknown>>,
): Promise<void> {
  const send = (request: Record<string, unknown>) => context.wire.send(context.spec.operation, request);
  await exploreOperation(
    context,
    requests,
    send,
    (exchange) => evaluateValidExchange(context.spec, context.validators, exchange),
    false,
  );
}

/** A request that breaks one rule, with the rule it breaks. */
export interface InvalidRequest {
  readonly request: Record<string, unknown>;
  readonly violation: BrokenRule;
}

/**
 * Requests that each break one rule, sent raw so the SDK cannot fix or refuse them: each must be
 * rejected with a 4xx error the spec allows.
 */
export async function runInvalidRequests(
  context: OperationRunContext,
  requests: fc.Arbitrary<InvalidRequest>,
): Promise<void> {
  const send = (input: InvalidRequest) => context.wire.sendRaw(context.spec.operation, input.request);
  await exploreOperation(
    context,
    requests,
    send,
    (exchange, input) => evaluateInvalidExchange(context.spec, exchange, input.violation),
    true,
    (input) => input.request,
  );
}

/**
 * Requests naming a pool or app client that does not exist: `ResourceNotFoundException`, 400, JSON.
 * Only for operations whose requests name one; the valid request supplies everything else.
 */
export async function runUnknownIds(
  context: OperationRunContext,
  validRequest: Record<string, unknown>,
): Promise<void> {
  const variants = unknownIdVariants(context.spec, validRequest);
  for (const request of variants) {
    const result = await context.wire.send(context.spec.operation, request);
    context.recorder.sawExchange(result.exchange);
    if (isUnsupportedOperation(result.exchange)) return markUnsupported(context, result.exchange);
    const evaluation = evaluateNotFoundExchange(context.spec, result.exchange);
    recordEvaluation(context.recorder, evaluation, { request, raw: false });
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

async function exploreOperation<T>(
  context: OperationRunContext,
  inputs: fc.Arbitrary<T>,
  send: (input: T) => Promise<CallResult>,
  evaluate: (exchange: Exchange, input: T) => Evaluation,
  raw: boolean,
  requestOf: (input: T) => unknown = (input) => input,
): Promise<void> {
  const [probeInput] = fc.sample(inputs, { seed: context.seed, numRuns: 1 });
  if (probeInput === undefined)
    throw new Error(`exploreOperation: ${context.spec.operation} generated no input`);
  const probe = await send(probeInput);
  adoptCreatedPool(context.resources, probe);
  context.recorder.sawExchange(probe.exchange);
  if (isUnsupportedOperation(probe.exchange)) return markUnsupported(context, probe.exchange);
  // The probe is a run like any other: what it finds is reported too.
  if (!probe.throttled)
    recordEvaluation(context.recorder, evaluate(probe.exchange, probeInput), {
      request: requestOf(probeInput),
      raw,
    });
  let throttled = 0;
  const result: ExploreResult<T> = await explore(
    inputs,
    async (input) => {
      const sent = await send(input);
      adoptCreatedPool(context.resources, sent);
      context.recorder.sawExchange(sent.exchange);
      if (sent.throttled) {
        throttled += 1;
        return NOT_JUDGED;
      }
      return evaluate(sent.exchange, input);
    },
    { seed: context.seed, numRuns: context.numRuns, shrinkTimeLimitMs: 30_000 },
  );
  context.recorder.recordExploration(result, { raw, requestOf: (input) => requestOf(input) });
  if (throttled > 0 && throttled === result.runs)
    context.recorder.markInconclusive('every request was throttled');
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

function markUnsupported(context: OperationRunContext, exchange: Exchange): void {
  context.recorder.markUnsupported(
    `HTTP ${exchange.status}: the target answered that it does not implement ${context.spec.operation}`,
  );
}

/** Pools created by the operation under test (or by an invalid request it wrongly accepted) are deleted too. */
function adoptCreatedPool(resources: ResourceFactory, result: CallResult): void {
  if (result.exchange.status < 200 || result.exchange.status >= 300) return;
  const id = createdPoolId(result.exchange.body);
  if (id && result.exchange.operation === 'CreateUserPool') resources.adoptPool(id);
}
