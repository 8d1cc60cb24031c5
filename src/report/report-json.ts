import type { Report } from '../deviations/index.ts';
import { assertReport } from './report-schema.ts';

/**
 * The `report.json` text: two-space indented, trailing newline. A deviation's `expected` or `actual` that is
 * `undefined` (a member that should be, or was, absent) is written as `null`, because JSON would silently drop
 * it and the schema requires both.
 */
export function reportToJson(report: Report): string {
  const serialisable: Report = {
    ...report,
    operations: report.operations.map((op) => ({
      ...op,
      deviations: op.deviations.map((d) => ({
        ...d,
        expected: d.expected ?? null,
        actual: d.actual ?? null,
      })),
    })),
  };
  return `${JSON.stringify(serialisable, null, 2)}\n`;
}

/** Parses and validates a report file's text; `source` (usually the path) names it in error messages. */
export function parseReportJson(text: string, source = 'report'): Report {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  assertReport(value, source);
  return value;
}
