import type { CheckTally } from '../../src/deviations/index.ts';

/** Check tallies without their wall time (`durationMs`), which no two runs share: what a test can compare exactly. */
export function untimed(checks: readonly CheckTally[]): Omit<CheckTally, 'durationMs'>[] {
  return checks.map(({ durationMs: _durationMs, ...tally }) => tally);
}
