import fc from 'fast-check';
import {
  type BrokenRule,
  ERROR_SHAPE_CHECK,
  evaluateInvalidExchange,
  evaluateNotFoundExchange,
  evaluateValidExchange,
  isTransportFailure,
} from '../checks/index.ts';
import {
  type CheckRecorder,
  explore,
  type ExplorePhase,
  type ExploreResult,
  ruleKey,
} from '../engine/index.ts';
import { checkNameOf, type Evaluation, UNKNOWN_IDENTIFIERS } from '../deviations/index.ts';
import {
  baseRequest,
  coverageBases,
  type CoverageBase,
  coverageRequests,
  type CoveragePlan,
  type FixupContext,
  type InvalidCase,
  fixupFor,
  hasOwnFixup,
  invalidRequests,
  validRequests,
} from '../generate/index.ts';
import {
  answersNotImplemented,
  errorTypeOf,
  type Exchange,
  isUnsupportedOperation,
} from '../protocol/index.ts';
import { SetupError } from '../resources/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import { loadResourceGraph, specFor } from '../spec/index.ts';
import type { CallResult } from '../wire/index.ts';
import { createdPoolId, createPrerequisites, type LiveResources } from './operation-prerequisites.ts';
import { NOT_FOUND_ERRORS } from './not-found-errors.ts';
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
 * Valid requests for `operation`, sent through the SDK as an application would: each must be accepted, be
 * well-formed on the wire and match the response schema (checks positive, wire-format, response-schema). First the
 * coverage phase sends the valid side of every bound and enum once, exactly at the boundary; then fast-check
 * explores generated requests (from the request schema and the operation's fix-up) at random.
 * Source: `specs/operations/<operation>.json`.
 */
export async function runValidRequests(context: ScenarioContext, operation: string): Promise<void> {
  const prepared = await prepare(context, operation, 'valid');
  if (!prepared) return;
  const { run, fixups } = prepared;
  if (prepared.unavailable !== undefined) {
    // No valid request can be made here: the positive path is not judged, and says why.
    run.recorder.markInconclusive(`no valid request: ${operation} ${prepared.unavailable}`);
    return;
  }
  const plan = prepared.plan('boundary');
  const send = (request: Record<string, unknown>) => context.wire.send(operation, request);
  // Without a fix-up of its own, the target must accept the smallest valid request; the rest is judged by form.
  const judgeAcceptance = hasOwnFixup(operation);
  const evaluate = (exchange: Exchange) =>
    evaluateValidExchange(run.spec, context.validators, exchange, { judgeAcceptance });
  if (!judgeAcceptance) {
    const smallest = baseRequest(run.spec, fixupFor(operation), fixups, run.seed);
    const sent = await send(smallest);
    adoptCreatedPool(context.resources, sent);
    run.recorder.sawExchange(sent.exchange, 'coverage');
    if (isUnsupportedOperation(sent.exchange)) return markUnsupported(run, sent.exchange);
    recordEvaluation(run.recorder, smallestEvaluation(run.spec, context.validators, sent.exchange), {
      request: smallest,
      raw: false,
    });
  }
  const coverage = await runCoverage(
    run,
    plan.boundary.map((boundary) => ({ request: boundary.request, input: boundary.request })),
    send,
    evaluate,
    false,
  );
  run.recorder.cover({
    boundaries: plan.boundary.length,
    boundariesExercised: coverage.exercised,
    pinned: plan.pinned.length,
  });
  if (coverage.stop) return;
  const requests = validRequests(run.spec, fixupFor(operation), fixups);
  await exploreOperation(run, requests, send, evaluate, false, coverage);
}

/**
 * The smallest valid request of an operation without a fix-up of its own, judged as a valid one, except that a
 * refusal with one of the operation's modeled errors is a note (`info`), not a failure: the set-up's state may be
 * one the operation refuses (a user already confirmed, an attribute not there), which the model cannot say. A
 * refusal with a 5xx or an error the operation does not model stays an error.
 */
function smallestEvaluation(
  spec: OperationSpec,
  validators: ScenarioContext['validators'],
  exchange: Exchange,
): Evaluation {
  const evaluation = evaluateValidExchange(spec, validators, exchange);
  const type = errorTypeOf(exchange);
  const modeled =
    exchange.status >= 400 && exchange.status < 500 && type !== undefined && spec.errors.includes(type);
  if (!modeled) return evaluation;
  return {
    ...evaluation,
    findings: evaluation.findings.map((judged) =>
      judged.finding.kind === 'rejected-valid'
        ? {
            ...judged,
            finding: {
              ...judged.finding,
              severity: 'info',
              message: `${judged.finding.message}, an error the operation models: the set-up's state may be one it refuses`,
            },
          }
        : judged,
    ),
  };
}

/** A request that breaks one rule, with the rule it breaks. */
export interface InvalidRequest {
  readonly request: Record<string, unknown>;
  readonly violation: BrokenRule;
}

/**
 * Requests for `operation` that each break one rule of its spec, sent raw so the SDK cannot fix or refuse
 * them: each must be rejected with a 4xx error the spec allows (check negative). First the coverage phase breaks
 * every breakable rule once, on the smallest request (already minimal, never shrunk); then fast-check explores
 * combinations and values at random, and shrinks only what the coverage phase did not already show.
 */
export async function runInvalidRequests(context: ScenarioContext, operation: string): Promise<void> {
  const prepared = await prepare(context, operation, 'invalid');
  if (!prepared) return;
  const { run, fixups } = prepared;
  const bases = await answeredBases(run, fixups);
  if (bases === 'unsupported') return;
  const [base, ...otherBases] = bases.map((answered) => answered.base);
  const plan = prepared.plan('invalid', base);
  // A member whose smallest valid value depends on the base (InitiateAuth's AuthParameters: a password for one
  // flow, a refresh token for another) has its rules broken on every base the target answers too.
  const dependent = baseDependentMembers(bases);
  const cases = [
    ...plan.invalid,
    ...otherBases.flatMap((other) =>
      prepared
        .plan('invalid', other)
        .invalid.filter((invalid) => dependent.has(topMember(invalid.covers.template))),
    ),
  ];
  const send = (input: InvalidRequest) => context.wire.sendRaw(operation, input.request);
  const evaluate = (exchange: Exchange, input: InvalidRequest) =>
    evaluateInvalidExchange(run.spec, exchange, input.violation);
  // A rule with items or entries is broken at each of them (one case per place): it counts once, and is
  // exercised when any of its cases was.
  const ruleOf = (input: InvalidCase): string => `${input.covers.template}/$${input.covers.keyword}`;
  const coverage = await runCoverage(
    run,
    cases.map((input) => ({ request: input.request, input })),
    send,
    evaluate,
    true,
    ruleOf,
  );
  run.recorder.cover({
    rules: new Set(plan.invalid.map(ruleOf)).size,
    exercised: coverage.exercisedKeys.size,
    unbreakable: plan.unbreakable.length,
  });
  if (coverage.stop) return;
  const requests: fc.Arbitrary<InvalidRequest> = invalidRequests(run.spec, fixupFor(operation), fixups);
  await exploreOperation(run, requests, send, evaluate, true, coverage, (input) => input.request);
}

/**
 * The bases the invalid coverage cases are built on, when the request has a required enum member (InitiateAuth's
 * `AuthFlow`): each allowed value, in the spec's order, whose smallest valid request the target answers with a
 * 2xx or 4xx. A base answered with a 5xx would make every case a 5xx, which says nothing about the rules. Each
 * base tried is a valid request, judged as one. Empty when there is no such member or no value is answered (or the
 * target stopped answering); `unsupported` when the target said it does not implement the operation.
 */
async function answeredBases(
  run: OperationRun,
  fixups: FixupContext,
): Promise<AnsweredBase[] | 'unsupported'> {
  const { context, spec } = run;
  const answered: AnsweredBase[] = [];
  for (const base of coverageBases(spec)) {
    const request = baseRequest(spec, fixupFor(spec.operation), fixups, run.seed, base);
    const sent = await context.wire.send(spec.operation, request);
    adoptCreatedPool(context.resources, sent);
    run.recorder.sawExchange(sent.exchange, 'coverage');
    if (isUnsupportedOperation(sent.exchange)) {
      markUnsupported(run, sent.exchange);
      return 'unsupported';
    }
    if (sent.throttled || isTransportFailure(sent.exchange)) return answered;
    const evaluation = hasOwnFixup(spec.operation)
      ? evaluateValidExchange(spec, context.validators, sent.exchange)
      : evaluateValidExchange(spec, context.validators, sent.exchange, { judgeAcceptance: false });
    recordEvaluation(run.recorder, evaluation, { request, raw: false });
    if (!answersNotImplemented(sent.exchange)) answered.push({ base, request });
  }
  return answered;
}

/** A base the target answered, with the smallest valid request sent on it. */
interface AnsweredBase {
  readonly base: CoverageBase;
  readonly request: Record<string, unknown>;
}

/**
 * The top-level members (other than the base's own) whose value in the smallest valid request differs between
 * the answered bases: what the fix-up fills in per base. Read from the requests already sent on them.
 */
function baseDependentMembers(bases: readonly AnsweredBase[]): ReadonlySet<string> {
  if (bases.length < 2) return new Set();
  const requests = bases.map((answered) => answered.request);
  const members = new Set(requests.flatMap((request) => Object.keys(request)));
  for (const { base } of bases) members.delete(base.member);
  return new Set(
    [...members].filter((member) => {
      const values = new Set(requests.map((request) => JSON.stringify(request[member] ?? null)));
      return values.size > 1;
    }),
  );
}

/** The top-level member a `*`-pointer template starts in: `/AuthParameters/*` → `AuthParameters`. */
function topMember(template: string): string {
  return template.split('/')[1] ?? '';
}

/** What the coverage phase leaves the random phase: rules it has minimal examples of, and whether to go on. */
interface CoverageOutcome {
  /** Cases judged (their request got a complete answer, not throttled). */
  readonly exercised: number;
  /** The keys (see `runCoverage`'s `keyOf`) of the cases exercised: with one case per rule, the rules. */
  readonly exercisedKeys: ReadonlySet<string>;
  /** Rules ({@link ruleKey}) the phase found broken: already minimal, so never shrunk again. */
  readonly minimal: ReadonlySet<string>;
  /** Whether any case got an answer: then the random phase needs no probe of its own. */
  readonly answered: boolean;
  /** The operation turned out unsupported, or the target stopped answering: no random phase. */
  readonly stop: boolean;
}

/** Consecutive requests without an answer after which the coverage phase gives up on the target. */
const MAX_CONSECUTIVE_TRANSPORT_FAILURES = 3;

/**
 * Sends each coverage case once, in the plan's order, and records what it finds. The first answer doubles as
 * the probe: a target that does not implement the operation gets one `unsupported` verdict, not a cascade.
 */
async function runCoverage<T>(
  run: OperationRun,
  cases: readonly { readonly request: Record<string, unknown>; readonly input: T }[],
  send: (input: T) => Promise<CallResult>,
  evaluate: (exchange: Exchange, input: T) => Evaluation,
  raw: boolean,
  keyOf: (input: T, index: number) => string = (_input, index) => String(index),
): Promise<CoverageOutcome> {
  const minimal = new Set<string>();
  const exercisedKeys = new Set<string>();
  let exercised = 0;
  let answered = false;
  let silent = 0;
  for (const [index, { request, input }] of cases.entries()) {
    const sent = await send(input);
    adoptCreatedPool(run.context.resources, sent);
    run.recorder.sawExchange(sent.exchange, 'coverage');
    if (isUnsupportedOperation(sent.exchange)) {
      markUnsupported(run, sent.exchange);
      return { exercised, exercisedKeys, minimal, answered: true, stop: true };
    }
    if (sent.throttled) continue;
    const evaluation = evaluate(sent.exchange, input);
    recordEvaluation(run.recorder, evaluation, { request, raw });
    for (const checked of evaluation.findings) minimal.add(ruleKey(checked));
    if (isTransportFailure(sent.exchange)) {
      silent += 1;
      if (silent >= MAX_CONSECUTIVE_TRANSPORT_FAILURES)
        return { exercised, exercisedKeys, minimal, answered, stop: !answered };
      continue;
    }
    silent = 0;
    answered = true;
    // A 5xx (or an unknown-operation error) is judged, and is a finding, but says nothing about the rule.
    if (!answersNotImplemented(sent.exchange)) {
      exercised += 1;
      exercisedKeys.add(keyOf(input, index));
    }
  }
  return { exercised, exercisedKeys, minimal, answered, stop: false };
}

/**
 * Requests naming something that does not exist, one identifier at a time: the operation's modeled not-found error,
 * 400, JSON (check error-shape). For each identifier of the request ({@link unknownIdVariants}): a pool, app client,
 * group, identity provider, resource server, import job or branding gives `ResourceNotFoundException`, a user
 * `UserNotFoundException`, an access token `NotAuthorizedException`, where the operation models that error. The rest
 * of each request is the smallest valid one, on each base of the request (each allowed value of a required enum
 * member such as `AuthFlow`; one request when there is none), so every run sends the same requests whatever its
 * seed. Each is sent first with the real ids: only if the target accepts it are its unknown-id variants judged.
 */
export async function runUnknownIds(context: ScenarioContext, operation: string): Promise<void> {
  const prepared = await prepare(context, operation, 'unknown-ids');
  if (!prepared) return;
  const { run, fixups } = prepared;
  const bases = coverageBases(run.spec);
  let judged = false;
  for (const base of bases.length === 0 ? [undefined] : bases) {
    const valid = baseRequest(run.spec, fixupFor(operation), fixups, run.seed, base);
    // "Unknown id → not found" presupposes a request the target accepts with the real ids: when it refuses that
    // one (a flow it does not support, say), an answer to the variants says nothing about unknown ids, and the
    // refusal itself is the positive check's finding.
    const baseline = await context.wire.send(operation, valid);
    adoptCreatedPool(context.resources, baseline);
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
    if (baseline.exchange.status < 200 || baseline.exchange.status >= 300) continue;
    judged = true;
    for (const { request, expected } of unknownIdVariants(run.spec, valid)) {
      const result = await context.wire.send(operation, request);
      adoptCreatedPool(context.resources, result);
      run.recorder.sawExchange(result.exchange);
      if (isUnsupportedOperation(result.exchange)) return markUnsupported(run, result.exchange);
      const evaluation = evaluateNotFoundExchange(run.spec, result.exchange, expected);
      recordEvaluation(run.recorder, evaluation, { request, raw: false });
    }
  }
  if (!judged) run.recorder.declare(ERROR_SHAPE_CHECK);
}

/** Operations whose user-not-found answers the app client's `PreventUserExistenceErrors` setting decides. */
const USER_EXISTENCE_OPERATIONS = new Set(['AdminInitiateAuth', 'AdminRespondToAuthChallenge']);

/**
 * The unknown-id variants of a valid request: for each top-level identifier the request carries (the resource
 * graph's `use: 'existing'`), the request with that one replaced by the suite's unknown value of its kind
 * (`UNKNOWN_IDENTIFIERS`), and the error it must get. Only kinds whose not-found error the operation models.
 */
export function unknownIdVariants(
  spec: OperationSpec,
  validRequest: Record<string, unknown>,
): { request: Record<string, unknown>; expected: string }[] {
  const members = Object.keys((spec.request['properties'] ?? {}) as Record<string, unknown>);
  const identifiers = loadResourceGraph().operations[spec.operation]?.identifiers ?? [];
  const variants: { request: Record<string, unknown>; expected: string }[] = [];
  for (const identifier of identifiers) {
    const member = identifier.pointer.slice(1);
    const expected = NOT_FOUND_ERRORS[identifier.kind];
    const unknown = UNKNOWN_IDENTIFIERS[identifier.kind];
    if (identifier.use !== 'existing' || member.includes('/') || !members.includes(member)) continue;
    if (expected === undefined || unknown === undefined || !spec.errors.includes(expected)) continue;
    if (
      identifier.kind === 'Username' &&
      (!members.includes('UserPoolId') || USER_EXISTENCE_OPERATIONS.has(spec.operation))
    )
      continue;
    if (identifier.need === 'optional' && !(member in validRequest)) continue;
    variants.push({ request: { ...validRequest, [member]: unknown }, expected });
  }
  return variants;
}

/** Opens the operation's recorder and creates its prerequisites; undefined when they could not be made. */
async function prepare(
  context: ScenarioContext,
  operation: string,
  label: string,
): Promise<
  | {
      run: OperationRun;
      fixups: FixupContext;
      plan: (side: 'invalid' | 'boundary', base?: CoverageBase) => CoveragePlan;
      /** Why no valid request can be made (see `LiveResources.unavailable`). */
      unavailable?: string;
    }
  | undefined
> {
  const spec = specFor(context.specs, operation);
  const recorder = context.recorderFor(operation);
  const live = await prerequisitesOrVerdict(
    operation,
    recorder,
    () => createPrerequisites(spec, context.resources, context.wire, context.specs),
    () =>
      context.wire.send(
        operation,
        baseRequest(spec, fixupFor(operation), fixupContextOf({}, context.resources), 0),
      ),
  );
  if (!live) return undefined;
  const run = {
    context,
    spec,
    recorder,
    seed: context.seedFor(`${operation}:${label}`),
    numRuns: context.profile.runsPerProperty,
  };
  const fixups = fixupContextOf(live, context.resources);
  return {
    run,
    fixups,
    plan: (side, base) => coverageRequests(spec, fixupFor(operation), fixups, run.seed, side, base),
    ...(live.unavailable !== undefined ? { unavailable: live.unavailable } : {}),
  };
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
 * it is inconclusive, and if the refused prerequisite is the operation itself, unsupported. When the target lacks
 * the prerequisite's operation, `probe` (one request of the operation itself) tells whether it lacks this one too.
 */
async function prerequisitesOrVerdict(
  operation: string,
  recorder: CheckRecorder,
  create: () => Promise<LiveResources>,
  probe?: () => Promise<CallResult>,
): Promise<LiveResources | undefined> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    if (error.operation === operation && isUnsupportedOperation(error.exchange)) {
      recorder.markUnsupported(`the target does not implement ${operation}`);
    } else if (isUnsupportedOperation(error.exchange) && probe !== undefined) {
      // The set-up needs an operation the target lacks: whether it implements this one, one request says.
      const answer = await probe();
      recorder.sawExchange(answer.exchange);
      if (isUnsupportedOperation(answer.exchange))
        recorder.markUnsupported(`the target does not implement ${operation}`);
      else recorder.markInconclusive(`set-up needs ${error.operation}, which failed (${error.answer})`);
    } else {
      recorder.markInconclusive(`set-up needs ${error.operation}, which failed (${error.answer})`);
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
  coverage: CoverageOutcome,
  requestOf: (input: T) => unknown = (input) => input,
): Promise<void> {
  if (!coverage.answered) {
    // Nothing answered in the coverage phase (it had no case, say): one request first tells an operation the
    // target does not implement from one it does.
    const [probeInput] = fc.sample(inputs, { seed: run.seed, numRuns: 1 });
    if (probeInput === undefined)
      throw new Error(`exploreOperation: ${run.spec.operation} generated no input`);
    const probe = await send(probeInput);
    adoptCreatedPool(run.context.resources, probe);
    run.recorder.sawExchange(probe.exchange, 'exploration');
    if (isUnsupportedOperation(probe.exchange)) return markUnsupported(run, probe.exchange);
    // The probe is a run like any other: what it finds is reported too.
    if (!probe.throttled)
      recordEvaluation(run.recorder, evaluate(probe.exchange, probeInput), {
        request: requestOf(probeInput),
        raw,
      });
  }
  let throttled = 0;
  const result: ExploreResult<T> = await explore(
    inputs,
    async (input, phase: ExplorePhase) => {
      const sent = await send(input);
      adoptCreatedPool(run.context.resources, sent);
      run.recorder.sawExchange(sent.exchange, phase);
      if (sent.throttled) {
        throttled += 1;
        return NOT_JUDGED;
      }
      return evaluate(sent.exchange, input);
    },
    {
      seed: run.seed,
      numRuns: run.numRuns,
      shrinkTimeLimitMs: run.context.shrinkTimeLimitMs ?? 30_000,
      alreadyMinimal: coverage.minimal,
      ...(run.context.profile.shrinkBudget !== undefined
        ? { shrinkBudget: run.context.profile.shrinkBudget }
        : {}),
    },
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
