import { NOT_REACHED_REASON } from './behaviour-verdicts.ts';
import { describe, expect, it } from 'vitest';
import {
  aBehaviourReport,
  aDeviation,
  aDriftSummary,
  anOperation,
  aReport,
} from '../../test/support/report-fixture.ts';
import { mergeReports } from './merge-reports.ts';
import type { BehaviourVerdict, ChangeVerdict, Report } from '../deviations/index.ts';
import { validateReport } from './report-schema.ts';

const change = (operation: string, supported: boolean | null, evidence = 'e'): ChangeVerdict => ({
  operation,
  direction: 'request',
  path: '/X',
  supported,
  evidence,
});

const ops = {
  create: anOperation('CreateUserPool', { verdict: 'deviates', deviations: [aDeviation()] }),
  describe: anOperation('DescribeUserPool'),
  admin: anOperation('AdminGetUser', { verdict: 'unsupported', checks: [] }),
  list: anOperation('ListUsers', {
    verdict: 'inconclusive',
    deviations: [aDeviation({ kind: 'transport' })],
  }),
};

function withoutTiming(report: Report): unknown {
  return { ...report, run: { ...report.run, startedAt: 'ignored', durationMs: 0 } };
}

describe('mergeReports', () => {
  it('merges two shards into the unsharded report (modulo run timing)', () => {
    const unsharded = aReport([ops.admin, ops.create, ops.describe, ops.list], {
      changes: [change('CreateUserPool', true), change('DescribeUserPool', false)],
    });
    const shard1 = aReport([ops.describe, ops.admin], {
      run: { ...unsharded.run, startedAt: '2024-05-01T10:00:05.000Z', durationMs: 800 },
      changes: [change('DescribeUserPool', false)],
    });
    const shard2 = aReport([ops.list, ops.create], {
      run: { ...unsharded.run, startedAt: '2024-05-01T10:00:02.000Z', durationMs: 900 },
      changes: [change('CreateUserPool', true)],
    });
    const merged = mergeReports([shard1, shard2]);
    expect(withoutTiming(merged)).toEqual(withoutTiming(unsharded));
    expect(merged.run.startedAt).toBe('2024-05-01T10:00:02.000Z');
    expect(merged.run.durationMs).toBe(900);
  });

  it('merges an operation present in several shards', () => {
    const part1 = anOperation('A', {
      verdict: 'conformant',
      checks: [{ check: 'response-schema', runs: 5, failed: 0 }],
    });
    const part2 = anOperation('A', {
      verdict: 'deviates',
      checks: [
        { check: 'response-schema', runs: 5, failed: 1 },
        { check: 'error-shape', runs: 3, failed: 0 },
      ],
      deviations: [aDeviation({ request: { UserPoolId: 'us-east-1_AAA' } })],
    });
    const part3 = anOperation('A', {
      verdict: 'deviates',
      checks: [],
      deviations: [aDeviation({ request: { UserPoolId: 'us-east-1_BBB' }, occurrences: 2 })],
    });
    const merged = mergeReports([aReport([part1]), aReport([part2]), aReport([part3])]);
    expect(merged.operations).toHaveLength(1);
    const [op] = merged.operations;
    expect(op?.verdict).toBe('deviates');
    expect(op?.checks).toEqual([
      { check: 'response-schema', runs: 10, failed: 1 },
      { check: 'error-shape', runs: 3, failed: 0 },
    ]);
    expect(op?.deviations).toHaveLength(1);
    expect(op?.deviations[0]?.occurrences).toBe(3);
    expect(merged.summary).toEqual({
      operations: 1,
      conformant: 0,
      deviating: 1,
      unsupported: 0,
      inconclusive: 0,
      deviations: 1,
    });
  });

  it("keeps an unsupported operation's one deviation when both shards saw it", () => {
    const unsupported = aDeviation({ check: 'positive', kind: 'unsupported', path: '', message: 'no' });
    const signing = (deviations: ReturnType<typeof aDeviation>[]) =>
      anOperation('GetSigningCertificate', { verdict: 'unsupported', checks: [], deviations });
    const merged = mergeReports([aReport([signing([unsupported])]), aReport([signing([unsupported])])]);
    expect(merged.operations[0]?.deviations.map((d) => d.kind)).toEqual(['unsupported']);
    expect(merged.summary.deviations).toBe(1);
  });

  it('keeps inconclusive only when every shard was', () => {
    const transport = aDeviation({ kind: 'transport' });
    const both = mergeReports([
      aReport([anOperation('A', { verdict: 'inconclusive', deviations: [transport] })]),
      aReport([anOperation('A', { verdict: 'inconclusive', deviations: [] })]),
    ]);
    expect(both.operations[0]?.verdict).toBe('inconclusive');
    const one = mergeReports([
      aReport([anOperation('A', { verdict: 'inconclusive', deviations: [transport] })]),
      aReport([anOperation('A', { verdict: 'conformant' })]),
    ]);
    expect(one.operations[0]?.verdict).toBe('deviates');
  });

  it('prefers a determined change verdict, and "not supported" on disagreement', () => {
    const merged = mergeReports([
      aReport([], { changes: [change('A', null), change('B', true)] }),
      aReport([], { changes: [change('A', true), change('B', false)] }),
    ]);
    expect(merged.changes?.map((c) => [c.operation, c.supported])).toEqual([
      ['A', true],
      ['B', false],
    ]);
    expect(mergeReports([aReport(), aReport()])).not.toHaveProperty('changes');
  });

  it("keeps each operation's drift summary once, sorted, when any shard has them", () => {
    const spec = (drift: ReturnType<typeof aDriftSummary>[]) => ({
      documents: ['page.txt'],
      operations: 3,
      drift,
    });
    const merged = mergeReports([
      aReport([], { spec: spec([aDriftSummary('UpdateUserPool'), aDriftSummary('CreateUserPool')]) }),
      aReport([], {
        spec: spec([aDriftSummary('CreateUserPool', { added: 99 }), aDriftSummary('ListUserPools')]),
      }),
      aReport(),
    ]);
    expect(merged.spec.drift?.map((entry) => [entry.operation, entry.added])).toEqual([
      ['CreateUserPool', 19],
      ['ListUserPools', 19],
      ['UpdateUserPool', 19],
    ]);
    expect(mergeReports([aReport(), aReport()]).spec).not.toHaveProperty('drift');
  });

  it('refuses reports that are not shards of one run', () => {
    expect(() => mergeReports([])).toThrow('mergeReports: no report to merge');
    const other = aReport([], {
      target: { kind: 'embedded', name: 'moto', endpoint: 'http://127.0.0.1:9229' },
    });
    expect(() => mergeReports([aReport(), other])).toThrow(
      /report 1 .* target name "moto" ≠ "cognito-local"/,
    );
    const elsewhere = (kind: 'endpoint' | 'embedded') =>
      aReport([], { target: { ...aReport().target, kind, endpoint: 'http://127.0.0.1:9230' } });
    expect(() =>
      mergeReports([
        aReport([], { target: { ...aReport().target, kind: 'endpoint' } }),
        elsewhere('endpoint'),
      ]),
    ).toThrow(/target endpoint "http:\/\/127.0.0.1:9230" ≠ "http:\/\/127.0.0.1:9229"/);
    // An embedded target is started per shard on a free port.
    expect(mergeReports([aReport(), elsewhere('embedded')]).target.endpoint).toBe('http://127.0.0.1:9229');
    const seed = aReport([], { run: { ...aReport().run, seed: 7 } });
    expect(() => mergeReports([aReport(), seed])).toThrow(/seed 7 ≠ 42/);
  });

  it('merges behaviour verdicts per rule: counts add up, brokenAt is the union, broken over holds over not judged', () => {
    const whole = aBehaviourReport();
    const rule = (name: string, fields: Partial<BehaviourVerdict>): BehaviourVerdict => ({
      ...(whole.behaviour?.find((v) => v.rule === name) as BehaviourVerdict),
      ...fields,
    });
    const shard1 = aReport([whole.operations[1] ?? anOperation('X')], {
      behaviour: [
        rule('unconfirmed-user-cannot-sign-in', { verdict: 'holds', runs: 2, failed: 0, brokenAt: [] }),
        rule('disabled-user-cannot-sign-in', {
          verdict: 'broken',
          runs: 3,
          failed: 1,
          brokenAt: ['AdminDisableUser'],
        }),
        rule('disabled-user-still-listed', {
          verdict: 'not-judged',
          runs: 0,
          failed: 0,
          reason: NOT_REACHED_REASON,
        }),
        rule('global-sign-out-revokes-tokens', { reason: NOT_REACHED_REASON }),
      ],
    });
    const shard2 = aReport(
      [whole.operations[0] ?? anOperation('X'), whole.operations[2] ?? anOperation('X')],
      {
        behaviour: [
          rule('unconfirmed-user-cannot-sign-in', { runs: 4, failed: 1 }),
          rule('disabled-user-cannot-sign-in', { runs: 3, failed: 1 }),
          rule('disabled-user-still-listed', { runs: 4 }),
          rule('global-sign-out-revokes-tokens', {}),
        ],
      },
    );
    const merged = mergeReports([shard1, aReport([anOperation('ListUsers')]), shard2]);
    expect(merged.behaviour?.map((v) => [v.rule, v.verdict, v.runs, v.failed, v.brokenAt])).toEqual([
      ['unconfirmed-user-cannot-sign-in', 'broken', 6, 1, ['InitiateAuth']],
      ['disabled-user-cannot-sign-in', 'broken', 6, 2, ['AdminDisableUser', 'InitiateAuth']],
      ['disabled-user-still-listed', 'holds', 4, 0, []],
      ['global-sign-out-revokes-tokens', 'not-judged', 0, 0, []],
    ]);
    expect(merged.behaviour?.[2]).not.toHaveProperty('reason');
    // Not judged anywhere: the reason is said again from the merged operations (GlobalSignOut is unsupported).
    expect(merged.behaviour?.[3]?.reason).toBe('the target does not implement GlobalSignOut');
    expect(validateReport(JSON.parse(JSON.stringify(merged))).errors).toEqual([]);
    expect(mergeReports([aReport([anOperation('A')]), aReport([anOperation('B')])])).not.toHaveProperty(
      'behaviour',
    );
  });
});
