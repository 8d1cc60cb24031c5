import { describe, expect, it } from 'vitest';
import { aDeviation, aMixedReport, anOperation, aReport } from '../../test/support/report-fixture.ts';
import { parseReportJson, reportToJson } from './report-json.ts';
import { validateReport } from './report-schema.ts';

describe('reportToJson / parseReportJson', () => {
  it('round-trips a report', () => {
    const report = aMixedReport();
    const text = reportToJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseReportJson(text)).toEqual(report);
  });

  it('writes an absent expected or actual as null so the file stays valid', () => {
    const report = aReport([
      anOperation('A', {
        verdict: 'deviates',
        deviations: [aDeviation({ expected: undefined, actual: undefined })],
      }),
    ]);
    const parsed = JSON.parse(reportToJson(report)) as {
      operations: { deviations: Record<string, unknown>[] }[];
    };
    expect(parsed.operations[0]?.deviations[0]).toMatchObject({ expected: null, actual: null });
    expect(validateReport(parsed).valid).toBe(true);
  });

  it('names the source on bad input', () => {
    expect(() => parseReportJson('nope', 'a.json')).toThrow(/^a\.json is not JSON/);
    expect(() => parseReportJson('{}', 'b.json')).toThrow(
      /^b\.json is not a valid cognito-conformance report/,
    );
  });
});
