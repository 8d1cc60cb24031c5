import fc from 'fast-check';
import {
  type CheckedFinding,
  type CheckKey,
  deviationIdentity,
  type Evaluation,
  type Finding,
} from '../deviations/index.ts';

/** The smallest input fast-check found for one broken rule, and how to replay it. */
export interface MinimalExample<T> {
  readonly check: CheckKey;
  readonly finding: Finding;
  readonly input: T;
  /** How many explored runs broke this rule. */
  readonly occurrences: number;
  readonly seed: number;
  /** fast-check's replay path; absent when the rule could not be provoked again while shrinking. */
  readonly path?: string;
  /** How the shrink went: requests it sent, and whether the budget stopped it before fast-check was done. */
  readonly shrink?: ShrinkOutcome;
  /**
   * The rule already had an example before exploring ({@link ExploreOptions.alreadyMinimal}): this one only adds
   * its occurrences. The earlier example stays the one reported, so which example a rule shows does not depend
   * on what the random phase happened to meet.
   */
  readonly known?: boolean;
}

/** What shrinking one rule cost: `requests` sent, and `budgetReached` when the budget cut it short. */
export interface ShrinkOutcome {
  readonly requests: number;
  readonly budgetReached: boolean;
}

/** Which part of a run an evaluation belongs to: the random exploration, or shrinking a rule it broke. */
export type ExplorePhase = 'exploration' | 'shrinking';

/** Rules shrunk per exploration unless {@link ExploreOptions.maxShrunkRules} says otherwise. */
export const DEFAULT_MAX_SHRUNK_RULES = 40;

export interface ExploreOptions {
  readonly seed: number;
  readonly numRuns: number;
  /** At most this many distinct rules are shrunk; the rest keep their first example. */
  readonly maxShrunkRules?: number;
  /** Bounds each shrink, in case a target answers slowly. */
  readonly shrinkTimeLimitMs?: number;
  /**
   * Requests one rule's shrink may send, the replay of the input reported included (the profile sets it). Past
   * it, fast-check's remaining candidates are treated as passing without being sent, so the smallest input found
   * so far is reported, marked as cut short.
   */
  readonly shrinkBudget?: number;
  /**
   * Rules ({@link ruleKey}) that already have a minimal example (the coverage phase's): found again, they are
   * counted but not shrunk.
   */
  readonly alreadyMinimal?: ReadonlySet<string>;
}

/** What {@link explore} found: runs made, tallies per check, and one minimal example per broken rule. */
export interface ExploreResult<T> {
  readonly runs: number;
  /** For each check: how many runs it judged and how many of them broke a rule. */
  readonly tallies: ReadonlyMap<CheckKey, { runs: number; failed: number }>;
  readonly examples: readonly MinimalExample<T>[];
}

/**
 * Runs `evaluate` on `numRuns` generated inputs and collects every broken rule. Then, for each distinct
 * rule, replays the same seed with a property that fails exactly on that rule, so fast-check shrinks it
 * to a minimal input and reports its seed and path (transport failures excepted: they are reported as
 * first seen). Exploring first means one run finds every rule, not just the first one a failing
 * property would stop at.
 */
export async function explore<T>(
  arbitrary: fc.Arbitrary<T>,
  evaluate: (input: T, phase: ExplorePhase) => Promise<Evaluation>,
  options: ExploreOptions,
): Promise<ExploreResult<T>> {
  const tallies = new Map<CheckKey, { runs: number; failed: number }>();
  const firstSeen = new Map<string, { checked: CheckedFinding; input: T; count: number; runIndex: number }>();
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      runs += 1;
      const evaluation = await evaluate(input, 'exploration');
      tally(tallies, evaluation);
      for (const checked of evaluation.findings) {
        const key = ruleKey(checked);
        const seen = firstSeen.get(key);
        if (seen) seen.count += 1;
        else firstSeen.set(key, { checked, input, count: 1, runIndex: runs - 1 });
      }
    }),
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: true },
  );
  const examples: MinimalExample<T>[] = [];
  let shrunk = 0;
  for (const [key, seen] of firstSeen) {
    if (options.alreadyMinimal?.has(key)) {
      examples.push({
        check: seen.checked.check,
        finding: seen.checked.finding,
        input: seen.input,
        occurrences: seen.count,
        seed: options.seed,
        known: true,
      });
      continue;
    }
    // A transport failure (no complete response) says nothing about the input: shrinking it would only
    // send more requests to a target that is down or hanging, each waiting out the full deadline. An
    // `info` finding is a note, not a failure: its first example is enough.
    const { kind, severity } = seen.checked.finding;
    const shrinkable =
      kind !== 'transport' &&
      severity !== 'info' &&
      shrunk < (options.maxShrunkRules ?? DEFAULT_MAX_SHRUNK_RULES);
    const minimal = shrinkable
      ? await shrinkRule(arbitrary, evaluate, key, seen.runIndex, options)
      : undefined;
    if (shrinkable) shrunk += 1;
    examples.push({
      check: seen.checked.check,
      finding: minimal?.finding ?? seen.checked.finding,
      input: minimal?.input ?? seen.input,
      occurrences: seen.count,
      seed: options.seed,
      ...(minimal?.path !== undefined ? { path: minimal.path } : {}),
      ...(minimal ? { shrink: minimal.shrink } : {}),
    });
  }
  return { runs, tallies, examples };
}

async function shrinkRule<T>(
  arbitrary: fc.Arbitrary<T>,
  evaluate: (input: T, phase: ExplorePhase) => Promise<Evaluation>,
  key: string,
  runIndex: number,
  options: ExploreOptions,
): Promise<{ input?: T; finding?: Finding; path?: string; shrink: ShrinkOutcome }> {
  // One request of the budget is kept for the replay of the input reported.
  const candidates = (options.shrinkBudget ?? Number.POSITIVE_INFINITY) - 1;
  const shrink = { requests: 0, budgetReached: false };
  let lastFinding: Finding | undefined;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (input) => {
      if (shrink.requests >= candidates) {
        shrink.budgetReached = true;
        return true;
      }
      shrink.requests += 1;
      const match = (await evaluate(input, 'shrinking')).findings.find((checked) => ruleKey(checked) === key);
      if (match) lastFinding = match.finding;
      return match === undefined;
    }),
    {
      seed: options.seed,
      // Start at the run that first broke the rule instead of sending every passing run again.
      path: String(runIndex),
      numRuns: options.numRuns,
      ...(options.shrinkTimeLimitMs ? { interruptAfterTimeLimit: options.shrinkTimeLimitMs } : {}),
    },
  );
  if (!details.failed || details.counterexample === null || details.counterexamplePath === null)
    return { shrink };
  // Replay the minimal input once more so the finding reported is the one it produces, not the last tried.
  const [input] = details.counterexample;
  shrink.requests += 1;
  const finding =
    (await evaluate(input, 'shrinking')).findings.find((checked) => ruleKey(checked) === key)?.finding ??
    lastFinding;
  return finding ? { input, finding, path: details.counterexamplePath, shrink } : { shrink };
}

/**
 * The rule a finding breaks: its {@link deviationIdentity} within the operation explored. The coverage phase
 * keys the rules it already has minimal examples of the same way ({@link ExploreOptions.alreadyMinimal}).
 */
export function ruleKey(checked: CheckedFinding): string {
  const { kind, path, rule } = checked.finding;
  return deviationIdentity({ operation: '', check: checked.check, kind, path, ...(rule ? { rule } : {}) });
}

function tally(tallies: Map<CheckKey, { runs: number; failed: number }>, evaluation: Evaluation): void {
  for (const check of evaluation.judged) {
    const entry = tallies.get(check) ?? { runs: 0, failed: 0 };
    entry.runs += 1;
    const broken = evaluation.findings.some(
      (checked) => checked.check === check && checked.finding.severity !== 'info',
    );
    if (broken) entry.failed += 1;
    tallies.set(check, entry);
  }
}
