import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { aMixedReport } from '../../test/support/report-fixture.ts';
import type { Report } from '../deviations/index.ts';
import { reportToJUnit } from './junit-report.ts';
import { modelCoverage } from './model-coverage.ts';

interface Property {
  '@_name': string;
  '@_value': string;
}
interface Case {
  '@_classname': string;
  '@_name': string;
  skipped?: unknown;
  properties?: { property: Property[] };
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_skipped': string;
  '@_failures': string;
  properties?: { property: Property[] };
  testcase: Case[];
}

function parse(xml: string): { root: Record<string, string>; suites: Suite[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property',
  });
  const doc = parser.parse(xml) as { testsuites: Record<string, string> & { testsuite?: Suite[] } };
  return { root: doc.testsuites, suites: doc.testsuites.testsuite ?? [] };
}

/** aMixedReport (CreateUserPool deviates, DescribeUserPool conformant, AdminDisableProviderForUser unsupported). */
function covered(): Report {
  const report = aMixedReport({
    run: {
      profile: 'quick',
      seed: 42,
      startedAt: '2024-05-01T10:00:00.000Z',
      durationMs: 1,
      notRun: [{ operation: 'ListUserPools', reason: 'not selected (--ops)' }],
    },
  });
  return {
    ...report,
    coverage: modelCoverage(report.operations, {
      groups: ['pools', 'identity providers'],
      operations: [
        { operation: 'CreateUserPool', group: 'pools' },
        { operation: 'DescribeUserPool', group: 'pools' },
        { operation: 'ListUserPools', group: 'pools' },
        { operation: 'AddCustomAttributes', group: 'pools' },
        { operation: 'AdminDisableProviderForUser', group: 'identity providers' },
      ],
    }),
  };
}

const reasonOf = (testCase: Case | undefined) =>
  testCase?.properties?.property.find((p) => p['@_name'] === 'reason')?.['@_value'];

describe('reportToJUnit: coverage of the model', () => {
  it('adds a suite per resource group after the operations, with the counts as properties', () => {
    const { suites } = parse(reportToJUnit(covered()));
    expect(suites.map((s) => s['@_name'])).toEqual([
      'CreateUserPool',
      'DescribeUserPool',
      'AdminDisableProviderForUser',
      'coverage: pools',
      'coverage: identity providers',
    ]);
    const pools = suites[3];
    expect(
      Object.fromEntries((pools?.properties?.property ?? []).map((p) => [p['@_name'], p['@_value']])),
    ).toEqual({
      operations: '4',
      implemented: '2',
      conformant: '1',
      deviating: '1',
      unsupported: '0',
      inconclusive: '0',
      notRun: '2',
    });
    expect([pools?.['@_tests'], pools?.['@_skipped'], pools?.['@_failures']]).toEqual(['4', '2', '0']);
  });

  it('passes an implemented operation, and skips the others with why, failing nothing more', () => {
    const { root, suites } = parse(reportToJUnit(covered()));
    const cases = suites.slice(3).flatMap((s) => s.testcase);
    const named = (name: string) => cases.find((c) => c['@_name'] === name);
    expect(cases.map((c) => `${c['@_classname']}/${c['@_name']}`)).toEqual([
      'coverage: pools/AddCustomAttributes',
      'coverage: pools/CreateUserPool',
      'coverage: pools/DescribeUserPool',
      'coverage: pools/ListUserPools',
      'coverage: identity providers/AdminDisableProviderForUser',
    ]);
    expect(named('CreateUserPool')?.skipped).toBeUndefined();
    expect(named('CreateUserPool')?.['system-out']).toBe(
      'implemented: deviates (its checks are in test suite CreateUserPool)',
    );
    expect(reasonOf(named('AddCustomAttributes'))).toBe(
      'not run: the suite has no spec for it yet (specs/operations/)',
    );
    expect(reasonOf(named('ListUserPools'))).toBe('not run: not selected (--ops)');
    expect(reasonOf(named('AdminDisableProviderForUser'))).toBe(
      'unsupported by cognito-local: the target does not implement it',
    );
    // The operations' suites alone decide red or green: as many failures as without coverage.
    const plain = parse(reportToJUnit(aMixedReport())).root;
    expect(root['@_failures']).toBe(plain['@_failures']);
    expect(Number(root['@_skipped'])).toBe(Number(plain['@_skipped']) + 3);
  });
});
