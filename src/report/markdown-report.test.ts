import { describe, expect, it } from 'vitest';
import {
  aBehaviourReport,
  aDeviation,
  aDriftSummary,
  aMixedReport,
  anOperation,
  aReport,
} from '../../test/support/report-fixture.ts';
import { applyBaseline, writeBaseline } from './baseline.ts';
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

  it('leaves a request or script of the largest lengths to report.json, so the page stays readable', () => {
    const long = aDeviation({
      request: { ClientMetadata: { k: 'x'.repeat(10_000) } },
      reproduce: { command: `curl --data '${'x'.repeat(10_000)}'`, seed: 1, path: '0' },
    });
    const md = reportToMarkdown(
      aReport([anOperation('AdminCreateUser', { verdict: 'deviates', deviations: [long] })]),
    );
    expect(md).toContain(
      '(the request is 10,027 characters long: it is whole in report.json, under this deviation)',
    );
    expect(md).toContain(
      '(the script is 10,014 characters long: it is whole in report.json, under this deviation)',
    );
    expect(md).not.toContain('x'.repeat(9_000));
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

  it('has a Behaviour section after the changes, a row per rule in the catalogue area order, only when judged', () => {
    expect(reportToMarkdown(aMixedReport())).not.toContain('## Behaviour');
    const change = { operation: 'InitiateAuth', direction: 'request', path: '/X', evidence: 'e' } as const;
    const md = reportToMarkdown(aBehaviourReport({ changes: [{ ...change, supported: true }] }));
    expect(md.indexOf('## 2018-02-12 changes')).toBeLessThan(md.indexOf('## Behaviour'));
    const section = md.slice(md.indexOf('## Behaviour'), md.indexOf('## Deviations'));
    expect(section).toContain(
      'The documented behaviour rules (`specs/behaviour-rules.json`) on `cognito-local`: 1 holds, **2 broken**, 1 not judged.',
    );
    const rows = section.split('\n').filter((line) => line.startsWith('| '));
    expect(rows).toEqual([
      '| Rule | Area | Verdict | Runs (failed/runs) | Where broken | Source |',
      '| --- | --- | --- | ---: | --- | --- |',
      '| unconfirmed-user-cannot-sign-in | user status lifecycle | **broken** | 1/6 | InitiateAuth | `AdminConfirmSignUp`, `UserNotConfirmedException` |',
      '| disabled-user-cannot-sign-in | enabled and disabled | **broken** | 2/6 | InitiateAuth | `AdminDisableUser` |',
      '| disabled-user-still-listed | enabled and disabled | holds | 0/4 | — | `AdminDisableUser`, `UserType$Enabled` |',
      '| global-sign-out-revokes-tokens | revocation | not judged | 0/0 | — | `GlobalSignOut` |',
    ]);
    expect(section).toContain(
      '**Not judged:**\n\n- global-sign-out-revokes-tokens: the target does not implement GlobalSignOut',
    );
    // The short form (the step summary) keeps the table.
    expect(reportToMarkdown(aBehaviourReport(), { summary: true })).toContain(rows[2]);
  });

  it("shows a behaviour deviation's rule on its line and in its folded detail", () => {
    const md = reportToMarkdown(aBehaviourReport());
    const section = md.slice(
      md.indexOf('## Deviations'),
      md.indexOf('## Minimal requests and reproductions'),
    );
    expect(section).toContain(
      '| #1 | behaviour \\[disabled-user-cannot-sign-in\\] | state | error | `/AuthenticationResult` |',
    );
    expect(section).toContain('| #2 | behaviour \\[unconfirmed-user-cannot-sign-in\\] | state | warning |');
    expect(md).toContain(
      '<summary>#2 InitiateAuth · behaviour · state · /AuthenticationResult · [unconfirmed-user-cannot-sign-in]</summary>',
    );
    // The paste-ready entries name the rule too, or they would match nothing.
    expect(md).toContain('"rule": {\n      "name": "unconfirmed-user-cannot-sign-in"\n    }');
  });

  it('has a Specs and drift section, a row per operation, saying that the later document stands', () => {
    expect(reportToMarkdown(aMixedReport())).not.toContain('## Specs and drift');
    const drift = [
      aDriftSummary('CreateUserPool', { errorsAdded: 2, enumValuesAdded: 3, enumValuesRemoved: 1 }),
      aDriftSummary('ListUserPools', { added: 4, requiredChanged: 0, constraints: 0, judgedByPage: 0 }),
    ];
    const report = aMixedReport({ spec: { documents: ['000_198668429231732d.txt'], operations: 2, drift } });
    const md = reportToMarkdown(report);
    const section = md.slice(md.indexOf('## Specs and drift'), md.indexOf('## Deviations'));
    expect(section).toContain(
      '| Operation | Source | Members +/− | Required changed | Constraints changed | Enum values +/− | Errors +/− | Judged by the page |',
    );
    expect(section).toContain(
      '| CreateUserPool | `000_198668429231732d.txt` | +19/−0 | 2 | 15 | +3/−1 | +2/−0 | 4 |',
    );
    expect(section).toContain(
      '| ListUserPools | `000_198668429231732d.txt` | +4/−0 | 0 | 0 | +0/−0 | +0/−0 | 0 |',
    );
    expect(section).toContain(
      "Where a spec's source page and the current model (`cognito-identity-provider-2016-04-18.smithy.json`) differ, the later document, the model, stands",
    );
    // The short form (the step summary) leaves it to report.md.
    expect(reportToMarkdown(report, { summary: true })).not.toContain('## Specs and drift');
  });

  it('gives each deviation one line under its operation, numbered in report order, and its detail folded below', () => {
    const md = reportToMarkdown(aMixedReport());
    const section = md.slice(
      md.indexOf('## Deviations'),
      md.indexOf('## Minimal requests and reproductions'),
    );
    expect(section).toContain('### CreateUserPool');
    expect(section).toContain(
      '| #1 | response-schema | missing-member | error | `/UserPool/Arn` | `{"type":"string"}` | `null` |',
    );
    expect(section).not.toContain('### DescribeUserPool');
    const details = md.slice(md.indexOf('## Minimal requests and reproductions'));
    expect(details).toContain(
      '<details id="deviation-1"><summary>#1 CreateUserPool · response-schema · missing-member · /UserPool/Arn</summary>',
    );
    expect(details).toContain('```json\n{"PoolName":"pool-1"}\n```');
    expect(details).toContain(
      'Reproduce (seed 42, path `3:1`):\n\n```sh\nnpx cognito-conformance run --operation CreateUserPool --seed 42\n```',
    );
    expect(details).toContain('(whole body)');
  });

  it('names a list of allowed error types once per operation, not in every line', () => {
    const allowed = ['InvalidParameterException', 'ResourceNotFoundException', 'SerializationException'];
    const deviations = ['/A/$type', '/B/$type', '/C/$type'].map((path) =>
      aDeviation({ check: 'negative', kind: 'accepted-invalid', path, expected: allowed, actual: 200 }),
    );
    const md = reportToMarkdown(aReport([anOperation('A', { verdict: 'deviates', deviations })]));
    expect(md.match(/InvalidParameterException/g)).toHaveLength(1);
    expect(md.match(/\| one of errors 1 \|/g)).toHaveLength(3);
    expect(md).toContain(
      'Allowed error types of A: errors 1: `InvalidParameterException`, `ResourceNotFoundException`, `SerializationException`.',
    );
  });

  it('cuts long values on their line and survives backticks', () => {
    const long = { a: 'x'.repeat(100) };
    const md = reportToMarkdown(
      aReport([
        anOperation('A', {
          verdict: 'deviates',
          deviations: [aDeviation({ expected: long, message: 'use `x`', actual: 'a`b' })],
        }),
      ]),
    );
    expect(md).toContain(`| \`{"a":"${'x'.repeat(51)}...\` | \`\`"a\`b"\`\` |`);
    expect(md).toContain('use \\`x\\`');
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
    // The gate's outcome comes first, right after the title.
    expect(md.indexOf('## New since the baseline')).toBeLessThan(md.indexOf('## Operations'));
    expect(md).toContain('**The gate fails:** 1 deviation is new since the baseline.');
    expect(md).toContain(
      '- [#3](#deviation-3) AdminDisableProviderForUser positive unsupported (whole body) \\[error\\]',
    );
    expect(md).toContain(
      '1 new, 1 accepted by the baseline, 0 unreviewed entries, 1 expired entries, 0 entries no longer needed.',
    );
    expect(md).toContain('- X positive state (whole body) (expires 2020-01-01): old');
    expect(md).toMatch(
      /\| #1 \| response-schema \| missing-member \| error \| `\/UserPool\/Arn` \| .* \| accepted: known \|/,
    );
    const snippet = md.slice(md.indexOf('## Baseline entries'));
    expect(snippet).toContain('AdminDisableProviderForUser');
    expect(snippet).not.toContain('"CreateUserPool"');
  });

  it('names unreviewed entries, and says when the gate passes', () => {
    const report = aMixedReport();
    const entries = writeBaseline(report).entries;
    const result = applyBaseline(report, { version: 1, entries }, '2024-05-01');
    const md = reportToMarkdown(report, { baseline: result });
    expect(md).toContain('**The gate passes:** no deviation is new since the baseline.');
    expect(md).toContain(`**Unreviewed** (their reason was never filled in):`);
    expect(md).toContain('accepted (unreviewed)');
    const short = reportToMarkdown(report, {
      baseline: result,
      summary: true,
      reportPath: 'reports/report.md',
    });
    expect(short).not.toContain('## Minimal requests and reproductions');
    expect(short).toContain(
      'The minimal requests and reproductions of every deviation are in `reports/report.md`.',
    );
  });
});
