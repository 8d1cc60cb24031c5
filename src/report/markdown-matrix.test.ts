import { describe, expect, it } from 'vitest';
import {
  aBehaviourReport,
  aDeviation,
  aMixedReport,
  anOperation,
  aReport,
} from '../../test/support/report-fixture.ts';
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

  it('lists the behaviour rules by area when a report judged them, each cell with its runs', () => {
    const text = compatibilityMatrixMarkdown([aBehaviourReport(), aMixedReport()]);
    expect(text.indexOf('## Operations')).toBeLessThan(text.indexOf('## Behaviour rules'));
    expect(text).toContain('| Rule | cognito-local | cognito-local #2 |');
    expect(text).toContain(
      '| unconfirmed-user-cannot-sign-in (user status lifecycle) | broken at InitiateAuth (1/6 runs failed) | not checked |',
    );
    expect(text).toContain(
      '| disabled-user-still-listed (enabled and disabled) | holds (0/4 runs failed) | not checked |',
    );
    expect(text).toContain('| global-sign-out-revokes-tokens (revocation) | not judged | not checked |');
    expect(compatibilityMatrixMarkdown([aMixedReport()])).not.toContain('## Behaviour rules');
  });

  it('keeps a hostile target name from breaking the table', () => {
    const text = compatibilityMatrixMarkdown([
      aReport([], { target: { kind: 'endpoint', name: 'a|b', endpoint: 'http://x' } }),
    ]);
    expect(text).toContain('| Operation | a\\|b |');
  });
});
