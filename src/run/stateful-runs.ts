import fc from 'fast-check';
import { CreatePool, ListPools, statefulCommands, type StatefulCommand } from '../checks/stateful-commands.ts';
import {
  STATEFUL_CHECK,
  emptyModel,
  livePools,
  newWorld,
  operationOfStatefulCheck,
  type PoolLifecycle,
  type StatefulModel,
  type StatefulPlans,
  type StatefulWorld,
} from '../checks/stateful-model.ts';
import type { CheckRecorder } from '../deviations/check-recorder.ts';
import type { Sender } from '../wire/sender.ts';
import { explore, type Evaluation, type ExploreResult } from './explore.ts';

/** The operations whose responses the stateful commands judge; their recorders get the findings. */
export const STATEFUL_OPERATIONS = ['ListUserPools', 'DescribeUserPool', 'DescribeUserPoolClient'] as const;

/** Everything a stateful run needs. */
export interface StatefulRunContext {
  readonly sender: Sender;
  readonly plans: StatefulPlans;
  /** Registers created pools for guaranteed cleanup (the test's ResourceFactory). */
  readonly lifecycle: PoolLifecycle;
  /** A name prefix unique to this test; every sequence run adds its own (`<prefix>r3-`). */
  readonly prefix: string;
  /** The recorder of one operation's findings (opened once per operation by the caller). */
  readonly recorderFor: (operation: string) => CheckRecorder;
  readonly seed: number;
  /** Command sequences to explore (`settings.statefulRuns`). */
  readonly numRuns: number;
  /** Longest sequence (`settings.statefulMaxCommands`). */
  readonly maxCommands: number;
  readonly shrinkTimeLimitMs?: number;
}

/** What one explored sequence did, kept to build the finding's request. */
interface SequenceRun {
  readonly steps: readonly string[];
  readonly replayPath?: string;
}

/**
 * Model-based exploration: `numRuns` random command sequences over pools and app clients, each in a
 * fresh model with its own name prefix, judging the list, describe and pagination invariants as they
 * go. Every broken rule is then shrunk (same seed, a property failing on that rule only) to a minimal
 * command sequence, recorded under check `stateful` with `{commands, replayPath}` as its request and
 * fast-check's seed and path. Pools a sequence leaves alive are deleted when it ends.
 */
export async function runStateful(context: StatefulRunContext): Promise<void> {
  const sender = countingSender(context);
  const runs = new WeakMap<object, SequenceRun>();
  let sequence = 0;
  const evaluate = async (commands: Iterable<StatefulCommand>): Promise<Evaluation> => {
    sequence += 1;
    const world = newWorld(sender, `${context.prefix}r${sequence}-`, context.plans, context.lifecycle);
    const model = emptyModel();
    try {
      await fc.asyncModelRun(() => ({ model, real: world }), commands);
    } finally {
      await deleteLivePools(world, model);
    }
    runs.set(commands, { steps: [...world.steps], ...replayPathOf(commands) });
    return { judged: [...world.judged], findings: world.findings };
  };
  declareStateful(context);
  const result = await explore(statefulCommands(context.maxCommands), evaluate, {
    seed: context.seed,
    numRuns: context.numRuns,
    shrinkTimeLimitMs: context.shrinkTimeLimitMs ?? 60_000,
  });
  recordExploration(context, result, (input, shrunk) => requestOf(runs.get(input as object), shrunk));
}

/**
 * Every MaxResults from `from` to `to` once, over `poolCount` pools of the test's own: the explicit
 * sweep of the thorough profile, so no value is left to chance. Each value's findings are recorded with
 * the equivalent command sequence (`CreatePool` × n, `List(m)`).
 */
export async function sweepMaxResults(context: StatefulRunContext, poolCount = 3, from = 1, to = 60): Promise<void> {
  const world = newWorld(countingSender(context), `${context.prefix}sweep-`, context.plans, context.lifecycle);
  const model = emptyModel();
  declareStateful(context);
  const recorder = context.recorderFor('ListUserPools');
  try {
    for (let i = 0; i < poolCount; i++) await new CreatePool().run(model, world);
    const created = world.steps.slice();
    for (let maxResults = from; maxResults <= to; maxResults++) {
      const list = new ListPools(maxResults);
      const before = world.findings.length;
      await list.run(model, world);
      const findings = world.findings.slice(before).map((checked) => checked.finding);
      recorder.record(STATEFUL_CHECK, findings, { request: { commands: [...created, list.toString()] } });
    }
  } finally {
    await deleteLivePools(world, model);
  }
}

function declareStateful(context: StatefulRunContext): void {
  for (const operation of STATEFUL_OPERATIONS) context.recorderFor(operation).declare(STATEFUL_CHECK);
}

function recordExploration(
  context: StatefulRunContext,
  result: ExploreResult<Iterable<StatefulCommand>>,
  requestFor: (input: Iterable<StatefulCommand>, shrunk: boolean) => Record<string, unknown>,
): void {
  for (const [check, tally] of result.tallies) context.recorderFor(operationOfStatefulCheck(check)).tally(STATEFUL_CHECK, tally.runs, tally.failed);
  for (const example of result.examples) {
    context.recorderFor(operationOfStatefulCheck(example.check)).report(STATEFUL_CHECK, example.finding, {
      request: requestFor(example.input, example.path !== undefined),
      seed: example.seed,
      ...(example.path !== undefined ? { path: example.path } : {}),
      occurrences: example.occurrences,
    });
  }
}

/**
 * The finding's request: the commands the sequence ran. fast-check replays a command sequence from
 * seed and path only together with its `replayPath`, so a shrunk example carries that too.
 */
function requestOf(run: SequenceRun | undefined, shrunk: boolean): Record<string, unknown> {
  return {
    commands: [...(run?.steps ?? [])],
    ...(shrunk && run?.replayPath !== undefined ? { replayPath: run.replayPath } : {}),
  };
}

/** fast-check prints a command sequence as `A,B /*replayPath="…"*\/`; this takes the replay path out. */
function replayPathOf(commands: Iterable<StatefulCommand>): { replayPath?: string } {
  const match = /replayPath=("(?:[^"\\]|\\.)*")/.exec(String(commands));
  return match?.[1] ? { replayPath: JSON.parse(match[1]) as string } : {};
}

/** Counts the completed exchanges of the judged operations on their recorders. */
function countingSender(context: StatefulRunContext): Sender {
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
