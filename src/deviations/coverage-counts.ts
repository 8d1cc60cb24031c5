import type { RequestCounts, RuleCoverage } from './report-model.ts';

/** No rule in the spec and nothing sent: the identity of {@link sumCoverage}. */
export const NO_COVERAGE: RuleCoverage = {
  rules: 0,
  exercised: 0,
  boundaries: 0,
  boundariesExercised: 0,
  pinned: 0,
  unbreakable: 0,
};

/** No request sent: the identity of {@link sumRequests}. */
export const NO_REQUESTS: RequestCounts = { coverage: 0, exploration: 0, shrinking: 0, other: 0 };

/**
 * Sums the coverage of the records (or shard reports) of one operation, field by field; `undefined` when none
 * has any. Each test fills its own side (invalid rules, or valid-side boundaries), so sums do not count twice.
 */
export function sumCoverage(parts: readonly (RuleCoverage | undefined)[]): RuleCoverage | undefined {
  return sumCounts(parts, NO_COVERAGE);
}

/** Sums request counts by phase; `undefined` when none has any. */
export function sumRequests(parts: readonly (RequestCounts | undefined)[]): RequestCounts | undefined {
  return sumCounts(parts, NO_REQUESTS);
}

function sumCounts<T extends object>(parts: readonly (T | undefined)[], zero: T): T | undefined {
  const present = parts.filter((part): part is T => part !== undefined);
  if (present.length === 0) return undefined;
  const sum: Record<string, number> = { ...(zero as Record<string, number>) };
  for (const part of present)
    for (const [key, value] of Object.entries(part as Record<string, number>))
      sum[key] = (sum[key] ?? 0) + value;
  return sum as T;
}
