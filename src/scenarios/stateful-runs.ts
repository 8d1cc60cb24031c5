import { replayPathOf, type SequenceRun, sequenceRequest } from './command-sequences.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  CreatePool,
  emptyModel,
  ListPools,
  livePools,
  newWorld,
  operationOfStatefulCheck,
  type PoolLifecycle,
  STATEFUL_CHECK,
  statefulCheckFor,
  type StatefulModel,
  type StatefulPlans,
  statefulPlans,
  type StatefulSequence,
  statefulLifecycles,
  statefulSequences,
  type StatefulWorld,
} from '../checks/index.ts';
import { type CheckRecorder, explore, type ExploreResult, ruleKey } from '../engine/index.ts';
import type { Evaluation } from '../deviations/index.ts';
import type { Sender } from '../wire/index.ts';
import type { ProfileName } from '../settings/index.ts';

/** The operations whose responses the stateful commands judge; their recorders get the findings. */
export const STATEFUL_OPERATIONS = ['ListUserPools', 'DescribeUserPool', 'DescribeUserPoolClient'] as const;

const LIST_CHECK = statefulCheckFor('ListUserPools');

/** One stateful exploration, derived from the {@link ScenarioContext} by {@link statefulRun}. */
interface StatefulRun {
  readonly sender: Sender;
  readonly plans: StatefulPlans;
  /** Registers created pools for guaranteed cleanup (the test's ResourceFactory). */
  readonly lifecycle: PoolLifecycle;
  /** A name prefix unique to this test; every sequence run adds its own (`<prefix>r3-`). */
  readonly prefix: string;
  /**
   * The recorder of one operation's findings, opened once per operation by the caller. Opened only for
   * operations a run actually exercised, so a short run does not leave empty, inconclusive records.
   */
  readonly recorderFor: (operation: string) => CheckRecorder;
  readonly seed: number;
  /** Command sequences to explore (`settings.statefulRuns`). */
  readonly numRuns: number;
  /** Longest sequence (`settings.statefulMaxCommands`). */
  readonly maxCommands: number;
  readonly shrinkTimeLimitMs?: number;
  /** Attempts one rule's shrink may make (each a whole cycle or sequence here); the profile's budget. */
  readonly shrinkBudget?: number;
}

/**
 * The stateful run of one test: its own pool-name prefix (the run prefix, the label and a random part, since
 * other tests create pools on the same target meanwhile), one recorder per operation exercised, a seed from the
 * label, and the profile's sequence count and length.
 */
function statefulRun(context: ScenarioContext, label: string): StatefulRun {
  return {
    sender: context.wire,
    plans: statefulPlans(context.specs),
    lifecycle: context.resources,
    prefix: `${context.resources.prefix}${label}-${randomBytes(3).toString('hex')}-`,
    recorderFor: (operation) => context.recorderFor(operation),
    seed: context.seedFor(`stateful:${label}`),
    numRuns: context.profile.statefulRuns,
    maxCommands: context.profile.statefulMaxCommands,
    ...(context.shrinkTimeLimitMs !== undefined ? { shrinkTimeLimitMs: context.shrinkTimeLimitMs } : {}),
    ...(context.profile.shrinkBudget !== undefined ? { shrinkBudget: context.profile.shrinkBudget } : {}),
  };
}

/**
 * Model-based exploration: `numRuns` random command sequences over pools and app clients, each in a
 * fresh model with its own name prefix and closed by a listing, judging the list, describe and
 * pagination invariants as they go. Every broken rule is then shrunk (same seed, a property failing
 * on that rule only) to a minimal command sequence, recorded under check `stateful` with
 * `{commands, replayPath}` as its request and fast-check's seed and path; replay it with
 * `statefulSequences(maxCommands, replayPath)`. Pools a sequence leaves alive are deleted when it ends. First,
 * unless `options.lifecycles` is false (tests of the random phase alone), the fixed lifecycles run
 * (`statefulLifecycles`), so the rules they reach are judged in every run whatever its seed.
 */
export async function runStateful(
  scenario: ScenarioContext,
  label = 'stateful',
  options: { readonly lifecycles?: boolean } = {},
): Promise<void> {
  const context = statefulRun(scenario, label);
  const sender = countingSender(context);
  const known = options.lifecycles === false ? new Set<string>() : await runLifecycles(context, sender);
  const runs = new WeakMap<object, SequenceRun>();
  let sequence = 0;
  const evaluate = async (input: StatefulSequence): Promise<Evaluation> => {
    sequence += 1;
    const world = newWorld(sender, `${context.prefix}r${sequence}-`, context.plans, context.lifecycle);
    const model = emptyModel();
    try {
      await fc.asyncModelRun(() => ({ model, real: world }), input.commands);
      await input.closing.run(model, world);
    } finally {
      await deleteLivePools(world, model);
    }
    runs.set(input, { steps: [...world.steps], ...replayPathOf(input.commands) });
    return { judged: [...world.judged], findings: world.findings };
  };
  const result = await explore(statefulSequences(context.maxCommands), evaluate, {
    seed: context.seed,
    numRuns: context.numRuns,
    shrinkTimeLimitMs: context.shrinkTimeLimitMs ?? 60_000,
    alreadyMinimal: known,
    ...(context.shrinkBudget !== undefined ? { shrinkBudget: context.shrinkBudget } : {}),
  });
  recordExploration(context, result, (input, shrunk) => sequenceRequest(runs.get(input), shrunk));
}

/**
 * Walks each of the {@link statefulLifecycles} before the random sequences, whatever the seed, each in a fresh
 * model and closed by a listing. What they find is recorded with the command sequence as its request, already
 * minimal; the random sequences then look for what these do not reach, and a rule found here keeps this
 * example. Returns the rules found (`ruleKey`).
 */
async function runLifecycles(context: StatefulRun, sender: Sender): Promise<ReadonlySet<string>> {
  const found = new Set<string>();
  for (const [index, commands] of statefulLifecycles().entries()) {
    const world = newWorld(sender, `${context.prefix}l${index + 1}-`, context.plans, context.lifecycle);
    const model = emptyModel();
    try {
      await fc.asyncModelRun(() => ({ model, real: world }), commands);
      await new ListPools(60).run(model, world);
    } finally {
      await deleteLivePools(world, model);
    }
    for (const check of world.judged) {
      const findings = world.findings.filter((checked) => checked.check === check);
      context.recorderFor(operationOfStatefulCheck(check)).record(
        STATEFUL_CHECK,
        findings.map((checked) => checked.finding),
        {
          request: { commands: [...world.steps] },
          replay: 'run',
        },
      );
      for (const checked of findings) found.add(ruleKey(checked));
    }
  }
  return found;
}

/**
 * MaxResults values swept explicitly, so the paging rules are judged whatever the random sequences
 * happened to draw: every value from 1 to 60 in the thorough profile; in the quick one the smallest,
 * the smallest that still pages three pools in two pages, and the largest.
 */
export function maxResultsToSweep(profile: ProfileName): number[] {
  return profile === 'thorough' ? Array.from({ length: 60 }, (_, index) => index + 1) : [1, 2, 60];
}

/**
 * Lists with each of `values` as MaxResults over `poolCount` pools of the test's own. Each value's
 * findings are recorded with the equivalent command sequence (`CreatePool` × n, `List(m)`), which
 * replays it without fast-check.
 */
export async function sweepMaxResults(
  scenario: ScenarioContext,
  values: readonly number[] = maxResultsToSweep(scenario.profile.profile),
  poolCount = 3,
  label = 'sweep',
): Promise<void> {
  const context = statefulRun(scenario, label);
  const world = newWorld(
    countingSender(context),
    `${context.prefix}sweep-`,
    context.plans,
    context.lifecycle,
  );
  const model = emptyModel();
  try {
    for (let i = 0; i < poolCount; i++) await new CreatePool().run(model, world);
    const created = world.steps.slice();
    for (const maxResults of values) {
      const list = new ListPools(maxResults);
      const before = world.findings.length;
      world.judged.delete(LIST_CHECK);
      await list.run(model, world);
      if (!world.judged.has(LIST_CHECK)) continue; // not even the first page was served: nothing judged
      const findings = world.findings.slice(before).map((checked) => checked.finding);
      context.recorderFor('ListUserPools').record(STATEFUL_CHECK, findings, {
        request: { commands: [...created, list.toString()] },
        replay: 'run',
      });
    }
  } finally {
    await deleteLivePools(world, model);
  }
}

function recordExploration(
  context: StatefulRun,
  result: ExploreResult<StatefulSequence>,
  requestFor: (input: StatefulSequence, shrunk: boolean) => Record<string, unknown>,
): void {
  for (const [check, tally] of result.tallies)
    context.recorderFor(operationOfStatefulCheck(check)).tally(STATEFUL_CHECK, tally.runs, tally.failed);
  for (const example of result.examples) {
    // A rule a lifecycle already showed keeps that example: which one a report shows must not depend on the seed.
    if (example.known === true) continue;
    context.recorderFor(operationOfStatefulCheck(example.check)).report(STATEFUL_CHECK, example.finding, {
      request: requestFor(example.input, example.path !== undefined),
      seed: example.seed,
      ...(example.path !== undefined ? { path: example.path } : {}),
      occurrences: example.occurrences,
      replay: 'run',
    });
  }
}

/** Counts the completed exchanges of the judged operations on their recorders. */
function countingSender(context: StatefulRun): Sender {
  const judged = new Set<string>(STATEFUL_OPERATIONS);
  return {
    async send(operation, input) {
      const result = await context.sender.send(operation, input);
      if (judged.has(operation)) context.recorderFor(operation).sawExchange(result.exchange);
      return result;
    },
  };
}

/** Deletes what a sequence left alive; not judged (DeleteUserPool is not under test here). */
async function deleteLivePools(world: StatefulWorld, model: StatefulModel): Promise<void> {
  for (const pool of livePools(model)) {
    const result = await world.sender.send('DeleteUserPool', { UserPoolId: pool.id });
    if (result.exchange.status >= 200 && result.exchange.status < 300) {
      pool.deleted = true;
      world.lifecycle.forgetPool(pool.id);
    }
  }
}
