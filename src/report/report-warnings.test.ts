import { describe, expect, it } from 'vitest';
import type { ConformanceRecord } from '../deviations/index.ts';
import { aMixedReport, anOperation, aReport } from '../../test/support/report-fixture.ts';
import { buildReport } from './build-report.ts';
import { consoleTable } from './console-table.ts';
import { reportToMarkdown } from './markdown-report.ts';
import { mergeReports } from './merge-reports.ts';
import { parseReportJson, reportToJson } from './report-json.ts';
import { validateReport } from './report-schema.ts';

/**
 * A run's warnings: what it could not do that no verdict shows (a clean-up sweep that could not list the target's
 * pools). They are an optional, additive part of report schema version 1 and show in every output people read.
 */
const SWEEP_WARNING =
  "the clean-up sweep could not list the target's user pools (ListUserPools failed: HTTP 200, SyntaxError), so " +
  'any pool this run created whose name starts with cc-1a2b3c4d- may be left behind';

const record: ConformanceRecord = {
  operation: 'DescribeUserPool',
  target: { kind: 'endpoint', name: 'broken', endpoint: 'http://127.0.0.1:1' },
  run: { profile: 'quick', seed: 1, startedAt: '2026-01-01T00:00:00.000Z' },
  checks: [],
  completedExchanges: 0,
  inconclusive: 'set-up needs CreateUserPool, which failed (HTTP 200 with a body that is not JSON)',
  deviations: [],
};

const context = { toolVersion: '0', sdkVersion: '0', documents: ['doc'], specOperations: 1, durationMs: 1 };

describe('report warnings', () => {
  it('are carried by the report when there are any, and valid under schema version 1', () => {
    const report = buildReport([record], { ...context, warnings: [SWEEP_WARNING] });
    expect(report.schemaVersion).toBe(1);
    expect(report.warnings).toEqual([SWEEP_WARNING]);
    expect(validateReport(report).errors).toEqual([]);
    expect(parseReportJson(reportToJson(report)).warnings).toEqual([SWEEP_WARNING]);
  });

  it('are absent, not empty, when there is nothing to warn about', () => {
    expect(buildReport([record], context)).not.toHaveProperty('warnings');
    expect(buildReport([record], { ...context, warnings: [] })).not.toHaveProperty('warnings');
    expect(validateReport({ ...aReport(), warnings: [] }).errors).not.toEqual([]);
  });

  it('show in the Markdown report and under the console table, after the reasons of what was not judged', () => {
    const report = buildReport([record], { ...context, warnings: [SWEEP_WARNING] });
    const markdown = reportToMarkdown(report);
    expect(markdown).toContain('## Warnings');
    expect(markdown).toContain("- the clean-up sweep could not list the target's user pools");
    expect(markdown).toContain(
      '- DescribeUserPool (inconclusive): set-up needs CreateUserPool, which failed (HTTP 200 with a body that is not JSON)',
    );
    const lines = consoleTable(report).trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^1 operations: /);
    expect(lines.at(-1)).toBe(`warning: ${SWEEP_WARNING}`);
  });

  it('leave the outputs of a report without them as they were', () => {
    const report = aMixedReport();
    expect(reportToMarkdown(report)).not.toContain('## Warnings');
    expect(consoleTable(report)).not.toContain('warning:');
  });

  it('of every shard are merged, each once', () => {
    const operations = [anOperation('DescribeUserPool')];
    const merged = mergeReports([
      aReport(operations, { warnings: [SWEEP_WARNING] }),
      aReport(operations),
      aReport(operations, { warnings: [SWEEP_WARNING, 'another'] }),
    ]);
    expect(merged.warnings).toEqual([SWEEP_WARNING, 'another']);
    expect(mergeReports([aReport(operations), aReport(operations)])).not.toHaveProperty('warnings');
  });
});
