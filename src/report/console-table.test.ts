import { describe, expect, it } from 'vitest';
import { aBehaviourReport, aMixedReport, anOperation, aReport } from '../../test/support/report-fixture.ts';
import { consoleTable } from './console-table.ts';

describe('consoleTable', () => {
  it('aligns one line per operation, numbers right-aligned, with a summary', () => {
    expect(consoleTable(aMixedReport())).toBe(
      [
        'cognito-local (embedded 5.3.0) · SDK 3.1169.0 · profile quick · seed 42',
        '',
        'Operation                    Verdict        Rules  Runs  Failed  Error  Warning  Info',
        '---------------------------  -----------  -------  ----  ------  -----  -------  ----',
        'CreateUserPool               deviates     150/151    15       2      1        0     1',
        'DescribeUserPool             conformant         –    15       0      0        0     0',
        'AdminDisableProviderForUser  unsupported        –     0       0      1        0     0',
        '---------------------------  -----------  -------  ----  ------  -----  -------  ----',
        '3 operations: 1 conformant, 1 deviating, 1 unsupported, 0 inconclusive; 3 deviations',
        '',
      ].join('\n'),
    );
  });

  it('keeps a hostile name on one line', () => {
    const lines = consoleTable(aReport([anOperation('Evil\nName')])).split('\n');
    expect(lines.some((line) => line.startsWith('Evil Name'))).toBe(true);
  });

  it('counts the behaviour verdicts on one line under the table, when the check ran', () => {
    const lines = consoleTable(aBehaviourReport({ warnings: ['a sweep failed'] })).split('\n');
    const footer = lines.findIndex((line) => line.startsWith('3 operations:'));
    expect(lines.slice(footer + 1, footer + 3)).toEqual([
      'behaviour: 1 rule holds, 2 broken, 1 not judged',
      'warning: a sweep failed',
    ]);
    expect(consoleTable(aMixedReport())).not.toContain('behaviour:');
  });
});
