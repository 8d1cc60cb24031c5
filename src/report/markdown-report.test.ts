import { describe, expect, it } from 'vitest';
import { aDeviation, aMixedReport, anOperation, aReport } from '../../test/support/report-fixture.ts';
import { applyBaseline } from './baseline.ts';
import { reportToMarkdown } from './markdown-report.ts';

describe('reportToMarkdown', () => {
  it('starts with a title naming target, SDK, profile and seed', () => {
    const first = reportToMarkdown(aMixedReport()).split('\n')[0];
    expect(first).toBe('# Conformance of cognito-local 5.3.0 · SDK 3.1169.0 · profile quick · seed 42');
  });

  it('has a per-operation table with runs, failures and deviations by severity', () => {
    const md = reportToMarkdown(aMixedReport());
    expect(md).toContain('| Operation | Verdict | Rules exercised | Checks run | Failed | Deviations |');
    expect(md).toContain('| CreateUserPool | deviates | 150/151 | 15 | 2 | 1 error · 1 info |');
    expect(md).toContain('| DescribeUserPool | conformant | – | 15 | 0 | — |');
  });

  it('says when a shrink budget stopped shrinking, instead of calling the request minimal', () => {
    const stopped = aDeviation({
      reproduce: { command: 'aws …', seed: 1, path: '0:1', shrink: { requests: 16, budgetReached: true } },
    });
    const md = reportToMarkdown(
      aReport([anOperation('ListUserPools', { verdict: 'deviates', deviations: [stopped] })]),
    );
    expect(md).toContain(
      "Smallest request found (shrinking stopped at the profile's budget, after 16 requests",
    );
    expect(reportToMarkdown(aMixedReport())).toContain('Minimal request:');
  });

  it('escapes | in table cells', () => {
    const report = aReport([anOperation('A|B')], {
      changes: [
        { operation: 'A', direction: 'request', path: '/x|y', supported: false, evidence: 'got a|b' },
      ],
    });
    const md = reportToMarkdown(report);
    expect(md).toContain('| A\\|B | conformant |');
    expect(md).toContain('`/x\\|y`');
    expect(md).toContain('got a\\|b |');
  });

  it('answers the changes question only when changes were checked', () => {
    expect(reportToMarkdown(aMixedReport())).not.toContain('2018-02-12 changes');
    const change = {
      operation: 'CreateUserPool',
      direction: 'request',
      path: '/UserPoolTier',
      evidence: 'e',
    } as const;
    const yes = reportToMarkdown(aMixedReport({ changes: [{ ...change, supported: true }] }));
    expect(yes).toContain('## 2018-02-12 changes');
    expect(yes).toContain('Does this target support the 2018-02-12 changes? **yes**');
    expect(yes).toContain('| CreateUserPool | request | `/UserPoolTier` | — | yes | e |');
    const partly = aMixedReport({
      changes: [
        { ...change, supported: true },
        { ...change, path: '/b', supported: false },
      ],
    });
    expect(reportToMarkdown(partly)).toContain('**partly** — 1 of 2 supported, 1 not, 0 undetermined');
    expect(reportToMarkdown(aMixedReport({ changes: [{ ...change, supported: false }] }))).toContain(
      '**no**',
    );
  });

  it('details each deviation under its operation with request and reproduction', () => {
    const md = reportToMarkdown(aMixedReport());
    const section = md.slice(md.indexOf('## Deviations'), md.indexOf('## Baseline entries'));
    expect(section).toContain('### CreateUserPool');
    expect(section).toContain('#### 1. `response-schema` · missing-member · error');
    expect(section).toContain('- **Path:** `/UserPool/Arn`');
    expect(section).toContain('- **Expected:** `{"type":"string"}`');
    expect(section).toContain('- **Actual:** `null`');
    expect(section).toContain('```json\n{\n  "PoolName": "pool-1"\n}\n```');
    expect(section).toContain(
      '- **Reproduce:** `npx cognito-conformance run --operation CreateUserPool --seed 42` (seed 42, path `3:1`)',
    );
    expect(section).toContain('- **Path:** `(whole body)`');
    expect(section).not.toContain('### DescribeUserPool');
  });

  it('puts long values in blocks and survives backticks', () => {
    const long = { a: 'x'.repeat(100) };
    const md = reportToMarkdown(
      aReport([
        anOperation('A', {
          verdict: 'deviates',
          deviations: [aDeviation({ expected: long, message: 'use `x`', actual: 'a`b' })],
        }),
      ]),
    );
    expect(md).toContain('- **Expected:** \n\n  ```json\n  {\n    "a": "xxxx');
    expect(md).toContain('- **Actual:** ``"a`b"``');
    expect(md).toContain('- **Message:** use \\`x\\`');
  });

  it('ends with paste-ready baseline entries', () => {
    const md = reportToMarkdown(aMixedReport());
    const snippet = md.slice(md.indexOf('## Baseline entries'));
    const json = snippet.slice(snippet.indexOf('```json\n') + 8, snippet.lastIndexOf('\n```'));
    expect((JSON.parse(json) as { operation: string }[]).map((e) => e.operation)).toEqual([
      'AdminDisableProviderForUser',
      'CreateUserPool',
    ]);
    expect(reportToMarkdown(aReport([anOperation('A')]))).not.toContain('Baseline entries');
  });

  it('with a baseline result, reports its outcome and offers entries for new deviations only', () => {
    const report = aMixedReport();
    const result = applyBaseline(
      report,
      {
        version: 1,
        entries: [
          {
            target: 'cognito-local',
            operation: 'CreateUserPool',
            check: 'response-schema',
            kind: 'missing-member',
            path: '/UserPool/Arn',
            reason: 'known',
          },
          {
            target: 'cognito-local',
            operation: 'X',
            check: 'positive',
            kind: 'state',
            path: '',
            reason: 'old',
            expires: '2020-01-01',
          },
        ],
      },
      '2024-05-01',
    );
    const md = reportToMarkdown(report, { baseline: result });
    expect(md).toContain(
      '## Baseline\n\n1 new, 1 accepted by the baseline, 1 expired entries, 0 entries no longer needed.',
    );
    expect(md).toContain('- X `positive` state at `(whole body)` (expires 2020-01-01): old');
    const snippet = md.slice(md.indexOf('## Baseline entries'));
    expect(snippet).toContain('AdminDisableProviderForUser');
    expect(snippet).not.toContain('"CreateUserPool"');
  });
});
