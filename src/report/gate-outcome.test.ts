import { describe, expect, it } from 'vitest';
import { aDeviation, anOperation, aReport } from '../../test/support/report-fixture.ts';
import { UNREVIEWED_REASON } from '../deviations/index.ts';
import { applyBaseline, writeBaseline } from './baseline.ts';
import { CONSOLE_ENTRIES, CONSOLE_NEW, gateNewText, gateSummaryText } from './gate-outcome.ts';
import { reportToMarkdown } from './markdown-report.ts';

/** A report with `count` blocking deviations on one operation, each its own rule. */
function deviating(count: number) {
  const deviations = Array.from({ length: count }, (_, i) => aDeviation({ path: `/UserPool/M${i}` }));
  return aReport([anOperation('DescribeUserPool', { verdict: 'deviates', deviations })]);
}

describe('the gate in the terminal and the step summary', () => {
  it(`lists at most ${CONSOLE_NEW} new deviations before the table, then says how many more`, () => {
    const report = deviating(CONSOLE_NEW + 5);
    const text = gateNewText(report, applyBaseline(report, { version: 1, entries: [] }, '2026-01-01'));
    expect(text).toContain(`gate: FAILED: ${CONSOLE_NEW + 5} new since the baseline`);
    expect(text.split('\n').filter((line) => line.startsWith('  #'))).toHaveLength(CONSOLE_NEW);
    expect(text).toContain('… and 5 more (all of them in report.md, at the top)');
  });

  it(`cuts each entry list at ${CONSOLE_ENTRIES}, and says a shard does not judge fixed entries`, () => {
    const report = deviating(CONSOLE_ENTRIES + 3);
    const baseline = writeBaseline(report);
    const whole = gateSummaryText(applyBaseline(report, baseline, '2026-01-01'));
    expect(whole).toContain(`${CONSOLE_ENTRIES + 3} unreviewed`);
    expect(whole).toContain('… and 3 more (all of them in report.md)');
    expect(whole).toContain('0 fixed (no longer seen)');
    const shard = gateSummaryText(applyBaseline(report, baseline, '2026-01-01', { judgeFixed: false }));
    expect(shard).toContain('fixed not judged (a shard; judge the merged report)');
  });

  it('keeps the step summary short: the first few entries of each list, all of them in report.md', () => {
    const report = deviating(30);
    const result = applyBaseline(report, writeBaseline(report, UNREVIEWED_REASON), '2026-01-01');
    const summary = reportToMarkdown(report, { baseline: result, summary: true });
    const full = reportToMarkdown(report, { baseline: result });
    expect(summary).toContain('- … and 20 more (all of them in report.md)');
    expect(summary).not.toContain('/UserPool/M29');
    expect(full).toContain('DescribeUserPool response-schema missing-member /UserPool/M29');
  });
});
