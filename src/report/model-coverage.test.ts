import { describe, expect, it } from 'vitest';
import { anOperation, aReport } from '../../test/support/report-fixture.ts';
import type { ConformanceRecord, Report } from '../deviations/index.ts';
import { modelResourceGroups, RESOURCE_GROUPS } from '../spec/index.ts';
import { buildReport, type ReportContext } from './build-report.ts';
import { mergeReports } from './merge-reports.ts';
import { type CoverageModel, modelCoverage } from './model-coverage.ts';
import { validateReport } from './report-schema.ts';

/** A model of five operations in three groups, one of them empty. */
const SMALL: CoverageModel = {
  groups: ['pools', 'users', 'tags'],
  operations: [
    { operation: 'ListUsers', group: 'users' },
    { operation: 'CreateUserPool', group: 'pools' },
    { operation: 'DescribeUserPool', group: 'pools' },
    { operation: 'ListUserPools', group: 'pools' },
    { operation: 'AdminGetUser', group: 'users' },
  ],
};

const OPERATIONS = [
  anOperation('CreateUserPool', { verdict: 'deviates' }),
  anOperation('DescribeUserPool'),
  anOperation('AdminGetUser', { verdict: 'unsupported', checks: [] }),
  anOperation('ListUsers', { verdict: 'inconclusive' }),
  // Judged, but not in the model: counted nowhere.
  anOperation('Elsewhere'),
];

const REAL_MODEL: CoverageModel = { groups: RESOURCE_GROUPS, operations: modelResourceGroups() };

describe('modelCoverage', () => {
  it('counts every operation of the model once, per group and in total', () => {
    const coverage = modelCoverage(OPERATIONS, SMALL);
    expect(coverage.total).toEqual({
      operations: 5,
      implemented: 3,
      conformant: 1,
      deviating: 1,
      unsupported: 1,
      inconclusive: 1,
      notRun: 1,
    });
    expect(coverage.groups).toEqual([
      {
        group: 'pools',
        operations: 3,
        implemented: 2,
        conformant: 1,
        deviating: 1,
        unsupported: 0,
        inconclusive: 0,
        notRun: 1,
        operationNames: ['CreateUserPool', 'DescribeUserPool', 'ListUserPools'],
      },
      {
        group: 'users',
        operations: 2,
        implemented: 1,
        conformant: 0,
        deviating: 0,
        unsupported: 1,
        inconclusive: 1,
        notRun: 0,
        operationNames: ['AdminGetUser', 'ListUsers'],
      },
      {
        group: 'tags',
        operations: 0,
        implemented: 0,
        conformant: 0,
        deviating: 0,
        unsupported: 0,
        inconclusive: 0,
        notRun: 0,
        operationNames: [],
      },
    ]);
  });

  it('is out of the 113 operations of the committed model, in the order of RESOURCE_GROUPS', () => {
    const coverage = modelCoverage(OPERATIONS, REAL_MODEL);
    expect(coverage.total.operations).toBe(113);
    expect(coverage.total.notRun).toBe(113 - 4);
    expect(coverage.groups.map((entry) => entry.group)).toEqual([...RESOURCE_GROUPS]);
    expect(coverage.groups.reduce((sum, entry) => sum + entry.operations, 0)).toBe(113);
  });
});

describe('report coverage', () => {
  const context: ReportContext = {
    toolVersion: '0',
    sdkVersion: '0',
    documents: ['doc'],
    specOperations: 2,
    durationMs: 1,
  };
  const record = (operation: string): ConformanceRecord => ({
    operation,
    target: { kind: 'endpoint', name: 'emulator', endpoint: 'http://127.0.0.1:1' },
    run: { profile: 'quick', seed: 7, startedAt: '2026-01-01T00:00:00.000Z' },
    checks: [{ check: 'positive', runs: 3, failed: 0 }],
    completedExchanges: 3,
    deviations: [],
  });

  it('is built from the operation reports and the model the reporter passes, and is schema-valid', () => {
    const report = buildReport([record('ListUserPools'), record('CreateUserPool')], {
      ...context,
      model: REAL_MODEL,
    });
    const pools = report.coverage?.groups.find((entry) => entry.group === 'pools');
    expect([pools?.operations, pools?.implemented, pools?.conformant, pools?.notRun]).toEqual([7, 2, 2, 5]);
    expect(report.coverage?.total.implemented).toBe(2);
    expect(validateReport(JSON.parse(JSON.stringify(report))).errors).toEqual([]);
  });

  it('is absent without a model', () => {
    expect(buildReport([record('ListUserPools')], context)).not.toHaveProperty('coverage');
  });

  it('merges into the coverage of the unsharded run', () => {
    const withModel = { ...context, model: SMALL };
    const whole = buildReport([record('CreateUserPool'), record('ListUsers')], withModel);
    const merged = mergeReports([
      buildReport([record('CreateUserPool')], withModel),
      buildReport([record('ListUsers')], withModel),
    ]);
    expect(merged.coverage).toEqual(whole.coverage);
    expect(merged.coverage?.total.implemented).toBe(2);
  });

  it('merges reports without coverage into a report without, and refuses shards of two models', () => {
    const plain = aReport([anOperation('CreateUserPool')]);
    expect(mergeReports([plain, plain])).not.toHaveProperty('coverage');
    const counted = (model: CoverageModel): Report => ({
      ...plain,
      coverage: modelCoverage(plain.operations, model),
    });
    expect(mergeReports([plain, counted(SMALL)]).coverage).toEqual(modelCoverage(plain.operations, SMALL));
    const other = { ...SMALL, operations: SMALL.operations.slice(1) };
    expect(() => mergeReports([counted(SMALL), counted(other)])).toThrow(
      'mergeReports: the reports count coverage against different models',
    );
  });
});
