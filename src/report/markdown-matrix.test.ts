import { describe, expect, it } from 'vitest';
import { aDeviation, aMixedReport, anOperation, aReport } from '../../test/support/report-fixture.ts';
import { compatibilityMatrixMarkdown } from './markdown-matrix.ts';

describe('compatibilityMatrixMarkdown', () => {
  it('has a column per target and a row per operation, with verdicts and severity counts', () => {
    const moto = aReport(
      [
        anOperation('CreateUserPool', {
          verdict: 'deviates',
          deviations: [aDeviation({ severity: 'warning' })],
        }),
      ],
      {
        target: {
          kind: 'container',
          name: 'moto',
          endpoint: 'http://127.0.0.1:5000',
          image: 'motoserver/moto:5',
        },
      },
    );
    const text = compatibilityMatrixMarkdown([aMixedReport(), moto]);
    expect(text).toContain('| Operation | cognito-local | moto |');
    expect(text).toContain('| CreateUserPool | deviates (1 error · 1 info) | deviates (1 warning) |');
    expect(text).toContain('| DescribeUserPool | conformant | not run |');
    expect(text).toContain('- **moto** (container motoserver/moto:5)');
    expect(text).not.toContain('## Changes');
  });

  it('lists the document changes when a report judged them', () => {
    const report = aReport([], {
      changes: [
        {
          operation: 'CreateUserPool',
          direction: 'request',
          path: '/UserPoolTier',
          value: 'LITE',
          supported: false,
          evidence: 'rejected',
        },
      ],
    });
    const text = compatibilityMatrixMarkdown([report, aReport()]);
    expect(text).toContain('## Changes announced by the document');
    expect(text).toContain('| CreateUserPool request `/UserPoolTier = LITE` | not supported | not judged |');
  });

  it('keeps a hostile target name from breaking the table', () => {
    const text = compatibilityMatrixMarkdown([
      aReport([], { target: { kind: 'endpoint', name: 'a|b', endpoint: 'http://x' } }),
    ]);
    expect(text).toContain('| Operation | a\\|b |');
  });
});
