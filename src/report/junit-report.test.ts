import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  aBehaviourReport,
  aDeviation,
  aMixedReport,
  anOperation,
  aReport,
} from '../../test/support/report-fixture.ts';
import { applyBaseline, writeBaseline } from './baseline.ts';
import { NO_CHECK_CASE, reportToJUnit } from './junit-report.ts';

interface Case {
  '@_classname': string;
  '@_name': string;
  properties?: {
    property: { '@_name': string; '@_value': string }[] | { '@_name': string; '@_value': string };
  };
  '@_time'?: string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  error?: { '@_message': string; '#text': string };
  skipped?: unknown;
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  testcase: Case[];
}

function parse(xml: string): { root: Record<string, string>; suites: Suite[]; cases: Case[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  const doc = parser.parse(xml) as { testsuites: Record<string, string> & { testsuite?: Suite[] } };
  const suites = doc.testsuites.testsuite ?? [];
  return { root: doc.testsuites, suites, cases: suites.flatMap((s) => s.testcase ?? []) };
}

describe('reportToJUnit', () => {
  it('has one suite per operation and one case per operation × check', () => {
    const { root, suites, cases } = parse(reportToJUnit(aMixedReport()));
    expect(suites.map((s) => s['@_name'])).toEqual([
      'CreateUserPool',
      'DescribeUserPool',
      'AdminDisableProviderForUser',
    ]);
    expect(cases.map((c) => `${c['@_classname']}/${c['@_name']}`)).toEqual([
      'CreateUserPool/response-schema',
      'CreateUserPool/error-shape',
      'DescribeUserPool/response-schema',
      'DescribeUserPool/error-shape',
      'AdminDisableProviderForUser/positive',
    ]);
    // Red exactly when the run's exit code is 1: the unsupported operation's deviation fails its case too.
    expect([root['@_tests'], root['@_failures'], root['@_skipped'], root['@_errors']]).toEqual([
      '5',
      '2',
      '0',
      '0',
    ]);
  });

  it('fails a check with its deviation summaries and reproduction commands', () => {
    const { cases } = parse(reportToJUnit(aMixedReport()));
    const failed = cases.filter((c) => c.failure !== undefined && c['@_classname'] === 'CreateUserPool');
    expect(failed).toHaveLength(1);
    const failure = failed[0]?.failure;
    expect(failure?.['@_message']).toBe('1 deviation (2 of 10 runs failed): missing-member at /UserPool/Arn');
    expect(failure?.['@_type']).toBe('error');
    expect(failure?.['#text']).toContain(
      '[error] missing-member at /UserPool/Arn: response lacks required member Arn',
    );
    expect(failure?.['#text']).toContain(
      'reproduce: npx cognito-conformance run --operation CreateUserPool --seed 42 · seed 42 · path 3:1',
    );
    expect(failed[0]?.['system-out']).toContain('[info] unexpected-member at /UserPool/Extra');
  });

  it('skips an unsupported operation without deviations, and errors an inconclusive one where it failed', () => {
    const report = aReport([
      anOperation('Unsupported', { verdict: 'unsupported', checks: [] }),
      anOperation('Flaky', {
        verdict: 'inconclusive',
        deviations: [aDeviation({ kind: 'transport', check: 'response-schema', message: 'ECONNRESET' })],
      }),
    ]);
    const { root, cases } = parse(reportToJUnit(report));
    expect(cases[0]?.['@_name']).toBe(NO_CHECK_CASE);
    expect(cases[0]?.skipped).toBeDefined();
    expect(cases[1]?.error?.['#text']).toContain('ECONNRESET');
    expect(cases[2]?.skipped).toBeDefined();
    expect([root['@_tests'], root['@_skipped'], root['@_errors'], root['@_failures']]).toEqual([
      '3',
      '2',
      '1',
      '0',
    ]);
  });

  it('adds a case for a check known only from a deviation, and keeps hostile text well-formed', () => {
    const nasty = 'bad ]]> and ]]> <tag> & "quotes"';
    const report = aReport([
      anOperation('A', {
        verdict: 'deviates',
        deviations: [aDeviation({ check: 'auth', message: nasty, actual: '\u0001ctrl' })],
      }),
    ]);
    const xml = reportToJUnit(report);
    const { cases } = parse(xml);
    expect(cases.map((c) => c['@_name'])).toEqual(['response-schema', 'error-shape', 'auth']);
    expect(cases[2]?.failure?.['#text']).toContain('bad ]] > and ]] > <tag> & "quotes"');
    expect(xml).not.toContain('\u0001');
  });

  it('with a baseline, skips each accepted deviation with its reason, fails only the new, and gives times', () => {
    const report = aMixedReport();
    const entry = {
      target: report.target.name,
      operation: 'CreateUserPool',
      check: 'response-schema' as const,
      kind: 'missing-member' as const,
      path: '/UserPool/Arn',
      reason: 'upstream issue 12',
    };
    const result = applyBaseline(report, { version: 1, entries: [entry] }, '2024-05-01');
    const { root, cases } = parse(reportToJUnit(report, { baseline: result }));
    const accepted = cases.find(
      (c) => c['@_name'] === 'CreateUserPool response-schema missing-member /UserPool/Arn',
    );
    expect(accepted?.skipped).toBeDefined();
    expect(accepted?.['system-out']).toContain('accepted by the baseline: upstream issue 12');
    const check = cases.find(
      (c) => c['@_classname'] === 'CreateUserPool' && c['@_name'] === 'response-schema',
    );
    expect(check?.failure).toBeUndefined();
    // The unsupported operation's deviation is still new: one failure, so the CI view is red as the gate is.
    expect([root['@_failures'], root['@_skipped']]).toEqual(['1', '1']);

    const all = applyBaseline(report, writeBaseline(report), '2024-05-01');
    const gated = parse(reportToJUnit(report, { baseline: all }));
    expect(gated.root['@_failures']).toBe('0');
    const acceptedCases = gated.cases.filter((c) => c['@_name'].includes(' '));
    expect(acceptedCases.every((c) => c.skipped !== undefined)).toBe(true);
    expect(acceptedCases.map((c) => c['system-out'])).toEqual([
      expect.stringContaining(
        "accepted by an unreviewed baseline entry (its reason is still 'TODO: review')",
      ),
      expect.stringContaining(
        "accepted by an unreviewed baseline entry (its reason is still 'TODO: review')",
      ),
    ]);
  });

  it('gives each case the time of the tests that judged its check', () => {
    const report = aReport([
      anOperation('A', { checks: [{ check: 'positive', runs: 3, failed: 0, durationMs: 1500 }] }),
    ]);
    expect(parse(reportToJUnit(report)).cases[0]?.['@_time']).toBe('1.5');
  });

  it('has a behaviour suite, one case per rule: failed when broken, skipped when not judged, passed when it holds', () => {
    const { suites } = parse(reportToJUnit(aBehaviourReport()));
    expect(suites.map((s) => s['@_name'])).toEqual([
      'InitiateAuth',
      'AdminDisableUser',
      'GlobalSignOut',
      'behaviour',
    ]);
    const cases = suites.at(-1)?.testcase ?? [];
    expect(cases.map((c) => [c['@_classname'], c['@_name']])).toEqual([
      ['behaviour', 'unconfirmed-user-cannot-sign-in'],
      ['behaviour', 'disabled-user-cannot-sign-in'],
      ['behaviour', 'disabled-user-still-listed'],
      ['behaviour', 'global-sign-out-revokes-tokens'],
    ]);
    const [unconfirmed, disabled, listed, signOut] = cases;
    expect(unconfirmed?.failure?.['@_type']).toBe('warning');
    expect(unconfirmed?.failure?.['@_message']).toBe(
      'broken at InitiateAuth (1 of 6 runs failed): InitiateAuth behaviour state /AuthenticationResult [unconfirmed-user-cannot-sign-in]',
    );
    expect(disabled?.failure?.['@_type']).toBe('error');
    expect(disabled?.failure?.['#text']).toContain(
      '[error] state at /AuthenticationResult [disabled-user-cannot-sign-in]: the sign-in answered with tokens',
    );
    expect(listed?.failure).toBeUndefined();
    expect(listed?.skipped).toBeUndefined();
    expect(listed?.['system-out']).toBe('holds (0 of 4 runs failed)');
    expect(signOut?.skipped).toBeDefined();
    expect(JSON.stringify(signOut?.properties)).toContain(
      'not judged: the target does not implement GlobalSignOut',
    );
  });

  it('does not fail a rule whose deviations the baseline accepts; each is a skipped case with its reason', () => {
    const report = aBehaviourReport();
    const entry = {
      target: report.target.name,
      operation: 'InitiateAuth',
      check: 'behaviour' as const,
      kind: 'state' as const,
      path: '/AuthenticationResult',
      rule: { name: 'disabled-user-cannot-sign-in' },
      reason: 'cognito-local signs disabled users in (upstream issue 7)',
    };
    const result = applyBaseline(report, { version: 1, entries: [entry] }, '2024-05-01');
    const behaviour = parse(reportToJUnit(report, { baseline: result })).suites.at(-1)?.testcase ?? [];
    const named = (name: string) => behaviour.find((c) => c['@_name'] === name);
    expect(named('disabled-user-cannot-sign-in')?.failure).toBeUndefined();
    expect(named('disabled-user-cannot-sign-in')?.['system-out']).toBe(
      'broken at InitiateAuth (2 of 6 runs failed); every deviation that breaks it is accepted by the baseline',
    );
    const accepted = named(
      'InitiateAuth behaviour state /AuthenticationResult [disabled-user-cannot-sign-in]',
    );
    expect(accepted?.skipped).toBeDefined();
    expect(accepted?.['system-out']).toContain(
      'accepted by the baseline: cognito-local signs disabled users in (upstream issue 7)',
    );
    // The other rule broken at the same place is not accepted by that entry.
    expect(named('unconfirmed-user-cannot-sign-in')?.failure).toBeDefined();

    const all = applyBaseline(report, writeBaseline(report), '2024-05-01');
    const gated = parse(reportToJUnit(report, { baseline: all }));
    expect(gated.root['@_failures']).toBe('0');
  });
});
