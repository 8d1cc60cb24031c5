import { describe, expect, it } from 'vitest';
import { aMixedReport } from '../../test/support/report-fixture.ts';
import type { Report } from '../deviations/index.ts';
import { reportToMarkdown } from './markdown-report.ts';
import { modelCoverage } from './model-coverage.ts';

/** aMixedReport (CreateUserPool deviates, DescribeUserPool conformant, AdminDisableProviderForUser unsupported). */
function covered(overrides: Partial<Report> = {}): Report {
  const report = aMixedReport(overrides);
  return {
    ...report,
    coverage: modelCoverage(report.operations, {
      groups: ['pools', 'identity providers', 'tags'],
      operations: [
        { operation: 'CreateUserPool', group: 'pools' },
        { operation: 'DescribeUserPool', group: 'pools' },
        { operation: 'AddCustomAttributes', group: 'pools' },
        { operation: 'AdminDisableProviderForUser', group: 'identity providers' },
        { operation: 'TagResource', group: 'tags' },
      ],
    }),
  };
}

const SECTION = `## Coverage of the model

The current model (\`specs/operations/\`) has 5 operations: **2 implemented** (1 conformant, 1 deviating, 0 inconclusive), 1 unsupported, 2 not run.

| Group | Operations | Implemented | Conformant | Deviating | Unsupported | Inconclusive | Not run |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| pools | 3 | 2 | 1 | 1 | 0 | 0 | 1 |
| identity providers | 1 | 0 | 0 | 0 | 1 | 0 | 0 |
| tags | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| **total** | 5 | 2 | 1 | 1 | 1 | 0 | 2 |

Implemented: judged and not unsupported (an inconclusive operation counts: the target did not say it lacks it). Not run: no verdict in this run, because the suite has no spec for the operation yet (it judges those in \`specs/operations/\`) or \`--ops\` or the shard left it out.`;

describe('reportToMarkdown: coverage of the model', () => {
  it('has a table by resource group and a total row', () => {
    expect(reportToMarkdown(covered())).toContain(`\n\n${SECTION}\n\n`);
  });

  it('comes after the operations table and what it did not run, before the warnings and the changes', () => {
    const md = reportToMarkdown(
      covered({
        run: {
          profile: 'quick',
          seed: 42,
          startedAt: '2024-05-01T10:00:00.000Z',
          durationMs: 1,
          notRun: [{ operation: 'ListUserPools', reason: 'not selected (--ops)' }],
        },
        warnings: ['the sweep could not finish'],
        changes: [{ operation: 'A', direction: 'request', path: '/x', supported: true, evidence: 'e' }],
      }),
    );
    const at = (text: string) => md.indexOf(text);
    expect(at('## Operations')).toBeGreaterThan(0);
    expect(at('not run here (not selected')).toBeGreaterThan(at('## Operations'));
    expect(at('## Coverage of the model')).toBeGreaterThan(at('not run here (not selected'));
    expect(at('## Warnings')).toBeGreaterThan(at('## Coverage of the model'));
    expect(at('## 2018-02-12 changes')).toBeGreaterThan(at('## Warnings'));
  });

  it('is in the short form (the step summary) too, and absent from a report without coverage', () => {
    expect(reportToMarkdown(covered(), { summary: true })).toContain(SECTION);
    expect(reportToMarkdown(aMixedReport())).not.toContain('Coverage of the model');
  });
});
