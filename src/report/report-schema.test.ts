import { describe, expect, it } from 'vitest';
import { CHECK_NAMES, DEVIATION_KINDS, SEVERITIES } from '../deviations/index.ts';
import { aDeviation, aDriftSummary, aMixedReport, aReport } from '../../test/support/report-fixture.ts';
import { modelCoverage } from './model-coverage.ts';
import { assertReport, reportSchema, validateReport } from './report-schema.ts';

interface SchemaNode {
  readonly properties: Readonly<Record<string, { readonly enum?: readonly string[] }>>;
}
const defs = reportSchema['$defs'] as Readonly<Record<string, SchemaNode>>;

describe('report schema', () => {
  it('derives its enums from the code', () => {
    expect(defs['deviation']?.properties['kind']?.enum).toEqual([...DEVIATION_KINDS]);
    expect((defs['check'] as { enum?: unknown } | undefined)?.enum).toEqual([...CHECK_NAMES]);
    expect(defs['deviation']?.properties['severity']?.enum).toEqual([...SEVERITIES]);
    expect(defs['operation']?.properties['verdict']?.enum).toEqual([
      'conformant',
      'deviates',
      'unsupported',
      'inconclusive',
    ]);
  });

  it('accepts hand-built valid reports', () => {
    expect(validateReport(aReport())).toEqual({ valid: true, errors: [] });
    expect(validateReport(aMixedReport()).errors).toEqual([]);
    const withChanges = aMixedReport({
      target: {
        kind: 'container',
        name: 'localstack',
        endpoint: 'http://localhost:4566',
        image: 'localstack/localstack:4',
      },
      changes: [
        {
          operation: 'CreateUserPool',
          direction: 'request',
          path: '/UserPoolTier',
          supported: true,
          evidence: 'echoed',
        },
        {
          operation: 'CreateUserPool',
          direction: 'response',
          path: '/x',
          value: 'PLUS',
          supported: null,
          evidence: 'n/a',
        },
      ],
    });
    expect(validateReport(withChanges).valid).toBe(true);
  });

  it.each([
    ['an unknown top-level member', { ...aReport(), extra: 1 }, '', 'extra'],
    ['a wrong schema version', { ...aReport(), schemaVersion: 2 }, '/schemaVersion', ''],
    [
      'a bad target kind',
      aReport([], { target: { kind: 'cloud' as 'aws', name: 'x', endpoint: 'y' } }),
      '/target/kind',
      'embedded',
    ],
    [
      'a non-date startedAt',
      aReport([], { run: { profile: 'p', seed: 1, startedAt: 'yesterday', durationMs: 1 } }),
      '/run/startedAt',
      '',
    ],
    [
      'a negative count',
      aReport([], {
        summary: {
          operations: -1,
          conformant: 0,
          deviating: 0,
          unsupported: 0,
          inconclusive: 0,
          deviations: 0,
        },
      }),
      '/summary/operations',
      '',
    ],
  ])('rejects %s', (_label, report, path, mentioned) => {
    const result = validateReport(report);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.path === path && e.message.includes(mentioned))).toBe(true);
  });

  it('rejects a bad deviation kind, severity or missing expected', () => {
    const ops = (deviation: Record<string, unknown>) =>
      aReport([{ operation: 'A', verdict: 'deviates', checks: [], deviations: [deviation as never] }]);
    expect(validateReport(ops({ ...aDeviation(), kind: 'weird' })).errors[0]?.path).toBe(
      '/operations/0/deviations/0/kind',
    );
    expect(validateReport(ops({ ...aDeviation(), severity: 'fatal' })).valid).toBe(false);
    const noExpected = Object.fromEntries(Object.entries(aDeviation()).filter(([key]) => key !== 'expected'));
    expect(validateReport(ops(noExpected)).errors[0]?.message).toContain('expected');
    expect(validateReport(ops({ ...aDeviation(), reproduce: { seed: 1 } })).valid).toBe(false);
  });

  it('accepts coverage of the model, and refuses counts it does not define or lacks', () => {
    const report = aMixedReport();
    const coverage = modelCoverage(report.operations, {
      groups: ['pools'],
      operations: [{ operation: 'CreateUserPool', group: 'pools' }],
    });
    expect(validateReport({ ...report, coverage }).errors).toEqual([]);
    const { notRun: _notRun, ...lacking } = coverage.total;
    expect(validateReport({ ...report, coverage: { ...coverage, total: lacking } }).errors[0]).toEqual({
      path: '/coverage/total',
      message: "must have required property 'notRun'",
    });
    const extra = { ...coverage, groups: [{ ...coverage.groups[0], judged: [] }] };
    expect(validateReport({ ...report, coverage: extra }).errors[0]?.path).toBe('/coverage/groups/0');
  });

  it("accepts the specs' drift summaries, and refuses one that lacks a count or has one it does not define", () => {
    const spec = { documents: ['page.txt'], operations: 2, drift: [aDriftSummary('CreateUserPool')] };
    expect(validateReport(aMixedReport({ spec })).errors).toEqual([]);
    const { judgedByPage: _judgedByPage, ...lacking } = aDriftSummary('CreateUserPool');
    expect(validateReport(aMixedReport({ spec: { ...spec, drift: [lacking as never] } })).errors[0]).toEqual({
      path: '/spec/drift/0',
      message: "must have required property 'judgedByPage'",
    });
    const extra = { ...aDriftSummary('CreateUserPool'), types: 1 };
    expect(validateReport(aMixedReport({ spec: { ...spec, drift: [extra] } })).errors[0]?.path).toBe(
      '/spec/drift/0',
    );
    const negative = aDriftSummary('CreateUserPool', { added: -1 });
    expect(validateReport(aMixedReport({ spec: { ...spec, drift: [negative] } })).valid).toBe(false);
  });

  it('assertReport lists every violation in one error', () => {
    expect(() => assertReport({ schemaVersion: 1 }, 'shard-1.json')).toThrow(
      /shard-1\.json is not a valid[\s\S]*must have required property 'tool'[\s\S]*'operations'/,
    );
  });
});
