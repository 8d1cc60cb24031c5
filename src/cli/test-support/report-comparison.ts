import { untimed } from '../../../test/support/untimed.ts';
import {
  normaliseDeviation,
  type Report,
  type ReportDeviation,
  stableStringify,
} from '../../deviations/index.ts';

/**
 * A report as JSON with what legitimately differs between two runs of the same seed removed: the run's timing
 * (`startedAt`, `durationMs`, and each check tally's `durationMs`) and the target's endpoint, which for a freshly started emulator has a new port
 * and appears in every reproduction command. Everything else must be equal for a seed to replay a run.
 */
export function replayableReport(report: Report): unknown {
  const { startedAt: _startedAt, durationMs: _durationMs, ...run } = report.run;
  const operations = report.operations.map((op) => ({ ...op, checks: untimed(op.checks) }));
  const text = JSON.stringify({ ...report, run, operations });
  return JSON.parse(text.split(report.target.endpoint).join('<endpoint>')) as unknown;
}

/**
 * What a sharded run must reproduce of the unsharded one, per operation: the verdict, the check tallies and
 * the deviations as findings (normalised, token numbers dropped since each shard numbers its own volatile
 * values from 1, occurrences summed per finding), ignoring which example request each shard kept.
 */
export function shardComparable(report: Report): unknown {
  return report.operations.map((op) => ({
    operation: op.operation,
    verdict: op.verdict,
    checks: untimed(op.checks).sort((a, b) => a.check.localeCompare(b.check)),
    deviations: findings(op.deviations),
  }));
}

function findings(deviations: readonly ReportDeviation[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const deviation of deviations) {
    const { check, kind, severity, path, expected, actual, message } = normaliseDeviation(deviation);
    const key = stableStringify({
      check,
      kind,
      severity,
      path,
      expected: expected ?? null,
      actual: actual ?? null,
      message,
    }).replace(/<([a-z-]+):\d+>/g, '<$1>');
    counts.set(key, (counts.get(key) ?? 0) + (deviation.occurrences ?? 1));
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}
