import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation, Finding } from '../deviations/index.ts';
import { type ExplorePhase, explore, ruleKey } from './explore.ts';

const tooBig: Finding = {
  kind: 'accepted-invalid',
  severity: 'error',
  path: '/MaxResults',
  expected: '4xx',
  actual: 200,
  message: 'accepted',
};

/** A "target" that wrongly accepts every number above 10: the rule is broken by any such input. */
function judge(phases: ExplorePhase[]) {
  return async (input: number, phase: ExplorePhase): Promise<Evaluation> => {
    phases.push(phase);
    return { judged: ['negative'], findings: input > 10 ? [{ check: 'negative', finding: tooBig }] : [] };
  };
}

const numbers = fc.integer({ min: 0, max: 1_000_000 });

describe('explore', () => {
  it('shrinks a broken rule to its minimal input and says what the shrink cost', async () => {
    const phases: ExplorePhase[] = [];
    const result = await explore(numbers, judge(phases), { seed: 1, numRuns: 20 });
    const [example] = result.examples;
    expect(example?.input).toBe(11);
    expect(example?.shrink).toEqual({
      requests: phases.filter((p) => p === 'shrinking').length,
      budgetReached: false,
    });
    expect(phases.filter((p) => p === 'exploration')).toHaveLength(20);
  });

  it('stops a shrink at the budget and reports the smallest input found so far, marked as cut short', async () => {
    const phases: ExplorePhase[] = [];
    const result = await explore(numbers, judge(phases), { seed: 1, numRuns: 20, shrinkBudget: 3 });
    const [example] = result.examples;
    // Two shrink candidates, plus the replay of the input reported: the budget, not one more.
    expect(phases.filter((p) => p === 'shrinking')).toHaveLength(3);
    expect(example?.shrink).toEqual({ requests: 3, budgetReached: true });
    expect(example?.input).toBeGreaterThan(10);
    expect(example?.path).toBeDefined();
  });

  it('does not shrink a rule the coverage phase already has a minimal example of', async () => {
    const phases: ExplorePhase[] = [];
    const known = new Set([ruleKey({ check: 'negative', finding: tooBig })]);
    const result = await explore(numbers, judge(phases), { seed: 1, numRuns: 20, alreadyMinimal: known });
    expect(phases).not.toContain('shrinking');
    expect(result.examples[0]?.occurrences).toBeGreaterThan(0);
    expect(result.examples[0]?.shrink).toBeUndefined();
  });

  it('gives the same examples for the same seed', async () => {
    const once = await explore(numbers, judge([]), { seed: 9, numRuns: 20, shrinkBudget: 5 });
    const again = await explore(numbers, judge([]), { seed: 9, numRuns: 20, shrinkBudget: 5 });
    expect(again).toEqual(once);
  });
});
