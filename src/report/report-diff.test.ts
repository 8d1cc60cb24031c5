import { describe, expect, it } from 'vitest';
import { aBehaviourDeviation, aDeviation, anOperation, aReport } from '../../test/support/report-fixture.ts';
import type { OperationReport } from '../deviations/index.ts';
import { diffExitCode, diffReports, diffToMarkdown } from './report-diff.ts';

const pool = (id: string) =>
  aDeviation({
    path: '/UserPool/Id',
    expected: 'echo of request',
    actual: id,
    message: `got ${id}`,
    request: { PoolName: id },
  });

function reportWith(operations: OperationReport[], sdk = '3.1169.0') {
  return aReport(operations, { sdk: { version: sdk } });
}

describe('diffReports', () => {
  it('sees no change when only volatile values differ', () => {
    const base = reportWith([
      anOperation('CreateUserPool', { verdict: 'deviates', deviations: [pool('us-east-1_AAA')] }),
    ]);
    const head = reportWith(
      [anOperation('CreateUserPool', { verdict: 'deviates', deviations: [pool('us-east-1_BBB')] })],
      '3.1170.0',
    );
    const diff = diffReports(base, head);
    expect(diff.operations).toEqual([]);
    expect(diff.head.sdk).toBe('3.1170.0');
    expect(diffExitCode(diff)).toBe(0);
  });

  it("sees no change when only each run's own endpoint differs (a freshly started emulator's port)", () => {
    const issuer = (endpoint: string) =>
      aDeviation({
        kind: 'token',
        severity: 'info',
        path: '/IdToken/iss',
        actual: `${endpoint}/us-east-1_A`,
      });
    const on = (endpoint: string) => {
      const report = reportWith([
        anOperation('InitiateAuth', { verdict: 'deviates', deviations: [issuer(endpoint)] }),
      ]);
      return { ...report, target: { ...report.target, endpoint } };
    };
    expect(diffReports(on('http://127.0.0.1:33261'), on('http://127.0.0.1:45691')).operations).toEqual([]);
    // An emulator may name itself localhost in its issuer while the run reached it at 127.0.0.1.
    const named = (port: number) => {
      const report = on(`http://localhost:${port}`);
      return { ...report, target: { ...report.target, endpoint: `http://127.0.0.1:${port}` } };
    };
    expect(diffReports(named(9301), named(9302)).operations).toEqual([]);
    // A value that differs otherwise is still a change.
    const other = on('http://127.0.0.1:45691');
    const changed = diffReports(on('http://127.0.0.1:33261'), {
      ...other,
      operations: [
        anOperation('InitiateAuth', { verdict: 'deviates', deviations: [issuer('http://elsewhere:1')] }),
      ],
    });
    expect(changed.operations[0]?.changed).toHaveLength(1);
  });

  it('finds new, fixed and changed deviations and verdict changes', () => {
    const base = reportWith([
      anOperation('A', {
        verdict: 'deviates',
        deviations: [aDeviation({ path: '/gone' }), aDeviation({ path: '/same', severity: 'warning' })],
      }),
      anOperation('B'),
    ]);
    const head = reportWith([
      anOperation('A', {
        verdict: 'deviates',
        deviations: [aDeviation({ path: '/same', severity: 'warning', actual: 42 })],
      }),
      anOperation('B', { verdict: 'deviates', deviations: [aDeviation({ path: '/new' })] }),
      anOperation('C', { verdict: 'unsupported' }),
    ]);
    const diff = diffReports(base, head);
    expect(diff.operations.map((op) => op.operation)).toEqual(['A', 'B', 'C']);
    const [a, b, c] = diff.operations;
    expect(a?.fixed.map((d) => d.path)).toEqual(['/gone']);
    expect(a?.changed.map((ch) => [ch.before.actual, ch.after.actual, ch.fields])).toEqual([
      [null, 42, ['actual']],
    ]);
    expect(a?.verdict).toEqual({ base: 'deviates', head: 'deviates' });
    expect(b?.new.map((d) => d.path)).toEqual(['/new']);
    expect(b?.verdict).toEqual({ base: 'conformant', head: 'deviates' });
    expect(c?.verdict).toEqual({ base: null, head: 'unsupported' });
    expect(diffExitCode(diff)).toBe(1);
  });

  it('treats a different kind or check as a different deviation', () => {
    const base = reportWith([anOperation('A', { deviations: [aDeviation({ kind: 'wrong-type' })] })]);
    const head = reportWith([anOperation('A', { deviations: [aDeviation({ kind: 'constraint' })] })]);
    const [op] = diffReports(base, head).operations;
    expect([op?.new.length, op?.fixed.length, op?.changed.length]).toEqual([1, 1, 0]);
  });

  it('pairs repeated identities without inventing changes', () => {
    const twice = [aDeviation({ message: 'one' }), aDeviation({ message: 'two' })];
    const base = reportWith([anOperation('A', { deviations: twice })]);
    const head = reportWith([anOperation('A', { deviations: [...twice].reverse() })]);
    expect(diffReports(base, head).operations).toEqual([]);
  });
});

describe('what the SDK sent', () => {
  const sent = (headers: string[], members: string[]) =>
    anOperation('CreateUserPool', { verdict: 'conformant', sdkSent: { headers, members } });

  it('lists header names and members one SDK sends and the other does not; equal sets are no difference', () => {
    const base = reportWith([sent(['content-type', 'x-amz-target'], ['/PoolName', '/Policies'])]);
    const head = reportWith(
      [sent(['content-type', 'x-amz-target', 'x-amzn-query-mode'], ['/PoolName', '/UserPoolTier'])],
      '3.1170.0',
    );
    const diff = diffReports(base, head);
    expect(diff.operations).toHaveLength(1);
    expect(diff.operations[0]?.sdkSent).toEqual({
      headers: { added: ['x-amzn-query-mode'], removed: [] },
      members: { added: ['/UserPoolTier'], removed: ['/Policies'] },
    });
    expect(diffExitCode(diff)).toBe(0);
    const markdown = diffToMarkdown(diff);
    expect(markdown).toContain('The SDK sends differently for 1 operation.');
    expect(markdown).toContain('- new headers: `x-amzn-query-mode`');
    expect(markdown).toContain('- request members no longer sent: `/Policies`');
    expect(diffReports(base, base).operations).toEqual([]);
  });

  it('says nothing when one side recorded nothing (a report of an earlier version)', () => {
    const base = reportWith([anOperation('CreateUserPool', { verdict: 'conformant' })]);
    const head = reportWith([sent(['content-type'], ['/PoolName'])]);
    expect(diffReports(base, head).operations).toEqual([]);
  });
});

describe('diffExitCode', () => {
  it('is 0 for new warnings and 1 for an escalation to error', () => {
    const base = reportWith([anOperation('A', { deviations: [aDeviation({ severity: 'warning' })] })]);
    const onlyWarning = reportWith([
      anOperation('A', {
        deviations: [aDeviation({ severity: 'warning' }), aDeviation({ path: '/w', severity: 'warning' })],
      }),
    ]);
    expect(diffExitCode(diffReports(base, onlyWarning))).toBe(0);
    const escalated = reportWith([anOperation('A', { deviations: [aDeviation({ severity: 'error' })] })]);
    expect(diffExitCode(diffReports(base, escalated))).toBe(1);
    expect(diffExitCode(diffReports(escalated, base))).toBe(0);
  });
});

describe('diffToMarkdown', () => {
  it('summarises and lists each difference', () => {
    const base = reportWith([
      anOperation('A', { verdict: 'deviates', deviations: [aDeviation({ path: '/p', message: 'was' })] }),
    ]);
    const head = reportWith(
      [
        anOperation('A', {
          verdict: 'deviates',
          deviations: [aDeviation({ path: '/p', message: 'is | now' })],
        }),
        anOperation('B', { verdict: 'deviates', deviations: [aDeviation({ path: '/n' })] }),
      ],
      '3.1170.0',
    );
    const md = diffToMarkdown(diffReports(base, head));
    expect(md).toContain('# Report diff: cognito-local (SDK 3.1169.0) → cognito-local (SDK 3.1170.0)');
    expect(md).toContain('**1 new, 0 fixed, 1 changed** deviations.');
    expect(md).toContain('| B | (absent) | deviates |');
    expect(md).toContain('- message: `was` → `is | now`');
    expect(md).toContain('**New**\n\n- error `response-schema` missing-member at `/n`');
  });

  it("names a behaviour deviation's rule, which tells two rules broken at one place apart", () => {
    const disabled = aBehaviourDeviation('disabled-user-cannot-sign-in');
    const unconfirmed = aBehaviourDeviation('unconfirmed-user-cannot-sign-in');
    const base = reportWith([anOperation('InitiateAuth', { verdict: 'deviates', deviations: [disabled] })]);
    const head = reportWith([
      anOperation('InitiateAuth', { verdict: 'deviates', deviations: [unconfirmed] }),
    ]);
    const diff = diffReports(base, head);
    expect(diff.operations[0]?.new.map((d) => d.rule?.name)).toEqual(['unconfirmed-user-cannot-sign-in']);
    expect(diff.operations[0]?.fixed.map((d) => d.rule?.name)).toEqual(['disabled-user-cannot-sign-in']);
    const md = diffToMarkdown(diff);
    expect(md).toContain(
      '**New**\n\n- error `behaviour` state at `/AuthenticationResult` \\[unconfirmed-user-cannot-sign-in\\]: ',
    );
    expect(md).toContain(
      '**Fixed**\n\n- error `behaviour` state at `/AuthenticationResult` \\[disabled-user-cannot-sign-in\\]: ',
    );
  });

  it('says so when nothing differs', () => {
    expect(diffToMarkdown(diffReports(aReport(), aReport()))).toContain('No differences.');
  });
});
