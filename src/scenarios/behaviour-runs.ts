import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  BEHAVIOUR_CHECK,
  type BehaviourCommand,
  behaviourLifecycles,
  type BehaviourModel,
  behaviourPrelude,
  behaviourSequences,
  type BehaviourWorld,
  type ClientModel,
  newBehaviourWorld,
  operationOfBehaviourCheck,
  type PoolSetting,
} from '../checks/index.ts';
import type { Evaluation } from '../deviations/index.ts';
import { type ExploreResult, explore, ruleKey } from '../engine/index.ts';
import { loadBehaviourCatalogue } from '../spec/index.ts';
import { SetupError } from '../resources/index.ts';
import { replayPathOf, type SequenceRun, sequenceRequest } from './command-sequences.ts';
import type { ScenarioContext } from './scenario-context.ts';

/** Every operation a behaviour rule involves (`specs/behaviour-rules.json`), sorted: the suite's operations. */
export function behaviourOperations(): string[] {
  return [...new Set(loadBehaviourCatalogue().rules.flatMap((rule) => rule.operations))].sort();
}

/** The password policy's minimum length of each sequence's pool. */
const MINIMUM_LENGTH = 12;
const REQUIRED_ATTRIBUTE = 'name';
const MUTABLE_CUSTOM = 'custom:team';
const IMMUTABLE_CUSTOM = 'custom:badge';
const PASSWORD_FLOWS = [
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
];

/** What one sequence needs made first: a pool with the settings the predictions read, two app clients, a group. */
interface Sequence {
  readonly world: BehaviourWorld;
  readonly model: BehaviourModel;
}

/** A set-up call the target refused: the sequence cannot run, and the reason says which call. */
class SequenceSetupError extends Error {}

/** What the behaviour run of one test shares across its sequences. */
interface BehaviourRun {
  readonly scenario: ScenarioContext;
  readonly prefix: string;
  /** Rule name → sequences that judged it and sequences that broke it (shrinking attempts not counted). */
  readonly rules: Map<string, { runs: number; failed: number }>;
  sequences: number;
  /** Sequences run and commands they executed, by phase. */
  readonly summary: BehaviourSummary;
}

/** How much one behaviour run did, by phase: command sequences run, and the commands they executed (counts). */
export interface BehaviourSummary {
  readonly lifecycles: { sequences: number; commands: number };
  readonly random: { sequences: number; commands: number };
  readonly shrinking: { sequences: number; commands: number };
}

function count(summary: { sequences: number; commands: number }, world: BehaviourWorld): void {
  summary.sequences += 1;
  summary.commands += world.steps.length;
}

/**
 * Creates the sequence's pool (password MinimumLength 12; `name` required; `custom:team` mutable and `custom:badge`
 * immutable; account recovery by verified email), app client 0 (no secret; the password flows; AccessTokenValidity
 * 90 minutes and IdTokenValidity 2 hours; PreventUserExistenceErrors ENABLED; ReadAttributes with the custom ones)
 * and app client 1 (a secret; the password flows; no validity and no PreventUserExistenceErrors: the defaults), and a
 * group. @throws SequenceSetupError naming the call the target refused.
 */
async function startSequence(run: BehaviourRun, label: string): Promise<Sequence> {
  const { scenario } = run;
  const wire = scenario.wire;
  const group = `${run.prefix}${label}`;
  let pool;
  try {
    pool = await scenario.resources.pool({
      Policies: {
        PasswordPolicy: {
          MinimumLength: MINIMUM_LENGTH,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      Schema: [
        { Name: REQUIRED_ATTRIBUTE, AttributeDataType: 'String', Required: true, Mutable: true },
        { Name: MUTABLE_CUSTOM.slice('custom:'.length), AttributeDataType: 'String', Mutable: true },
        { Name: IMMUTABLE_CUSTOM.slice('custom:'.length), AttributeDataType: 'String', Mutable: false },
      ],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  } catch (error) {
    throw setupFailure(error);
  }
  const clients: ClientModel[] = [];
  try {
    const reader = await scenario.resources.appClient(pool.id, {
      ExplicitAuthFlows: PASSWORD_FLOWS,
      AccessTokenValidity: 90,
      IdTokenValidity: 2,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours' },
      PreventUserExistenceErrors: 'ENABLED',
      ReadAttributes: [
        REQUIRED_ATTRIBUTE,
        'given_name',
        'family_name',
        'preferred_username',
        'email',
        'email_verified',
        MUTABLE_CUSTOM,
        IMMUTABLE_CUSTOM,
      ],
    });
    clients.push({
      clientId: reader.clientId,
      accessSeconds: 90 * 60,
      idSeconds: 2 * 3600,
      lifetimeRule: 'token-validity-follows-client',
      preventUserExistenceErrors: 'ENABLED',
      readsCustom: true,
    });
    const secret = await scenario.resources.appClient(pool.id, {
      ExplicitAuthFlows: PASSWORD_FLOWS,
      GenerateSecret: true,
    });
    clients.push({
      clientId: secret.clientId,
      ...(secret.clientSecret !== undefined ? { clientSecret: secret.clientSecret } : {}),
      accessSeconds: 3600,
      idSeconds: 3600,
      lifetimeRule: 'token-validity-defaults',
      preventUserExistenceErrors: 'LEGACY',
      readsCustom: false,
    });
  } catch (error) {
    await deletePool(run, pool.id);
    throw setupFailure(error);
  }
  const created = await wire.send('CreateGroup', { UserPoolId: pool.id, GroupName: group });
  if (created.exchange.status < 200 || created.exchange.status >= 300) {
    await deletePool(run, pool.id);
    throw new SequenceSetupError(`set-up needs CreateGroup, which answered HTTP ${created.exchange.status}`);
  }
  const setting: PoolSetting = {
    id: pool.id,
    minimumLength: MINIMUM_LENGTH,
    requiredAttribute: REQUIRED_ATTRIBUTE,
    mutableCustom: MUTABLE_CUSTOM,
    immutableCustom: IMMUTABLE_CUSTOM,
    group,
  };
  const world = newBehaviourWorld(wire, setting, clients, {
    name: (part) => `${run.prefix}${label}-${part}`,
    adoptPool: (id) => scenario.resources.adoptPool(id),
    forgetPool: (id) => scenario.resources.forgetPool(id),
  });
  return { world, model: { users: [] } };
}

function setupFailure(error: unknown): Error {
  if (error instanceof SetupError)
    return new SequenceSetupError(`set-up needs ${error.operation}, which failed (${error.answer})`);
  return error as Error;
}

async function deletePool(run: BehaviourRun, id: string): Promise<void> {
  const result = await run.scenario.wire.send('DeleteUserPool', { UserPoolId: id });
  if (result.exchange.status >= 200 && result.exchange.status < 300) run.scenario.resources.forgetPool(id);
}

/** Runs `commands` in a fresh sequence and deletes its pool; what it judged, found and the steps it took. */
async function runSequence(
  run: BehaviourRun,
  label: string,
  commands: Iterable<BehaviourCommand>,
  prefix: readonly BehaviourCommand[] = [],
): Promise<BehaviourWorld> {
  const { world, model } = await startSequence(run, label);
  try {
    if (prefix.length > 0) await fc.asyncModelRun(() => ({ model, real: world }), prefix);
    await fc.asyncModelRun(() => ({ model, real: world }), commands);
  } finally {
    await deletePool(run, world.pool.id);
  }
  return world;
}

/** Counts one sequence's rules (judged, broken) into the run's rule tallies. */
function tallyRules(run: BehaviourRun, world: BehaviourWorld): void {
  for (const [rule, outcome] of world.rules) {
    const tally = run.rules.get(rule) ?? { runs: 0, failed: 0 };
    tally.runs += 1;
    if (outcome.broken) tally.failed += 1;
    run.rules.set(rule, tally);
  }
}

/** Counts the exchanges that judged an operation on that operation's recorder. */
function countExchanges(run: BehaviourRun, world: BehaviourWorld): void {
  for (const { operation, exchange } of world.exchanges)
    run.scenario.recorderFor(operation).sawExchange(exchange);
}

/**
 * The behaviour model's run in one test. First the fixed lifecycles (`behaviourLifecycles`), whatever the seed, each
 * in a fresh pool; what they find is recorded with its command sequence, already minimal. Then `statefulRuns` random
 * sequences of at most `statefulMaxCommands` commands (fast-check `fc.commands`, seeded from the run seed), each in
 * a fresh pool; a rule broken only there is shrunk to a minimal sequence and recorded with fast-check's seed, path and
 * `replayPath`. Every finding goes to the recorder of the operation where the difference showed, under check
 * `behaviour`, carrying its rule; the rules' tallies (sequences that judged and broke each) go to the recorder of each
 * rule's first operation the run reports. A set-up the target refuses (its pool, app clients or group) makes the run inconclusive
 * on the suite's operations, with the call named. Returns how many sequences and commands each phase ran.
 */
export async function runBehaviour(
  scenario: ScenarioContext,
  label = 'behaviour',
): Promise<BehaviourSummary> {
  const run: BehaviourRun = {
    scenario,
    prefix: `${scenario.resources.prefix}${label.slice(0, 3)}${randomBytes(2).toString('hex')}-`,
    rules: new Map(),
    sequences: 0,
    summary: {
      lifecycles: { sequences: 0, commands: 0 },
      random: { sequences: 0, commands: 0 },
      shrinking: { sequences: 0, commands: 0 },
    },
  };
  try {
    const known = await runLifecycles(run);
    await runRandom(run, known);
  } catch (error) {
    if (!(error instanceof SequenceSetupError)) throw error;
    for (const operation of behaviourOperations()) {
      scenario.recorderFor(operation).declare(BEHAVIOUR_CHECK);
      scenario.recorderFor(operation).markInconclusive(`the behaviour model's ${error.message}`);
    }
    return run.summary;
  }
  recordRuleTallies(run);
  return run.summary;
}

async function runLifecycles(run: BehaviourRun): Promise<ReadonlySet<string>> {
  const found = new Set<string>();
  for (const [index, lifecycle] of behaviourLifecycles().entries()) {
    const world = await runSequence(run, `l${index + 1}`, lifecycle.commands);
    count(run.summary.lifecycles, world);
    tallyRules(run, world);
    countExchanges(run, world);
    for (const check of world.judged) {
      const recorder = run.scenario.recorderFor(operationOfBehaviourCheck(check));
      const findings = world.findings
        .map((checked, index) => ({ checked, steps: world.findingSteps[index] ?? world.steps.length }))
        .filter(({ checked }) => checked.check === check);
      recorder.tally(
        BEHAVIOUR_CHECK,
        1,
        findings.some(({ checked }) => checked.finding.severity !== 'info') ? 1 : 0,
      );
      // Each finding with the lifecycle's commands up to the one that showed it: the rest played no part.
      for (const { checked, steps } of findings) {
        recorder.report(BEHAVIOUR_CHECK, checked.finding, {
          request: { lifecycle: lifecycle.name, commands: world.steps.slice(0, steps) },
          replay: 'run',
        });
        found.add(ruleKey(checked));
      }
    }
  }
  return found;
}

async function runRandom(run: BehaviourRun, known: ReadonlySet<string>): Promise<void> {
  const { scenario } = run;
  const maxCommands = scenario.profile.statefulMaxCommands;
  const runs = new WeakMap<object, SequenceRun>();
  const evaluate = async (commands: Iterable<BehaviourCommand>, phase?: string): Promise<Evaluation> => {
    run.sequences += 1;
    const world = await runSequence(run, `r${run.sequences}`, commands, behaviourPrelude());
    count(phase === 'shrinking' ? run.summary.shrinking : run.summary.random, world);
    if (phase !== 'shrinking') {
      tallyRules(run, world);
      countExchanges(run, world);
    }
    runs.set(commands, { steps: [...world.steps], ...replayPathOf(commands) });
    return { judged: [...world.judged], findings: world.findings };
  };
  const result = await explore(behaviourSequences(maxCommands), evaluate, {
    seed: scenario.seedFor('behaviour'),
    numRuns: scenario.profile.statefulRuns,
    shrinkTimeLimitMs: scenario.shrinkTimeLimitMs ?? 60_000,
    alreadyMinimal: known,
    ...(scenario.profile.shrinkBudget !== undefined ? { shrinkBudget: scenario.profile.shrinkBudget } : {}),
  });
  recordExploration(run, result, runs);
}

function recordExploration(
  run: BehaviourRun,
  result: ExploreResult<Iterable<BehaviourCommand>>,
  runs: WeakMap<object, SequenceRun>,
): void {
  for (const [check, tally] of result.tallies)
    run.scenario
      .recorderFor(operationOfBehaviourCheck(check))
      .tally(BEHAVIOUR_CHECK, tally.runs, tally.failed);
  for (const example of result.examples) {
    if (example.known === true) continue; // a lifecycle's example stands, whatever the seed
    const sequence = runs.get(example.input as object);
    const shrunk = example.path !== undefined;
    run.scenario
      .recorderFor(operationOfBehaviourCheck(example.check))
      .report(BEHAVIOUR_CHECK, example.finding, {
        request: sequenceRequest(sequence, shrunk),
        seed: example.seed,
        ...(example.path !== undefined ? { path: example.path } : {}),
        occurrences: example.occurrences,
        replay: 'run',
      });
  }
}

/**
 * Puts each rule's tally on the recorder of its first operation the run reports (`--ops`), so the report can give
 * every rule a verdict; a rule none of whose operations the run reports gets none (the report says why).
 */
function recordRuleTallies(run: BehaviourRun): void {
  const reported = run.scenario.isSelected ?? (() => true);
  for (const rule of loadBehaviourCatalogue().rules) {
    const operation = rule.operations.find((candidate) => reported(candidate));
    if (operation === undefined) continue;
    const tally = run.rules.get(rule.name) ?? { runs: 0, failed: 0 };
    const recorder = run.scenario.recorderFor(operation);
    recorder.declare(BEHAVIOUR_CHECK);
    recorder.tallyRule(rule.name, tally.runs, tally.failed);
  }
}
