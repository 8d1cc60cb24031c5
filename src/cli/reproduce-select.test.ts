import { describe, expect, it } from 'vitest';
import { aBehaviourReport } from '../../test/support/report-fixture.ts';
import { selectDeviation } from './reproduce-command.ts';

describe('reproduce: choosing a behaviour deviation', () => {
  const report = aBehaviourReport();

  it('finds each of two deviations at one path by the rule its identity ends in', () => {
    const first = selectDeviation(
      report,
      'report.json',
      'InitiateAuth behaviour state /AuthenticationResult [disabled-user-cannot-sign-in]',
    );
    const second = selectDeviation(
      report,
      'report.json',
      'InitiateAuth behaviour state /AuthenticationResult [unconfirmed-user-cannot-sign-in]',
    );
    expect(first.located.deviation.rule?.name).toBe('disabled-user-cannot-sign-in');
    expect(second.located.deviation.rule?.name).toBe('unconfirmed-user-cannot-sign-in');
    expect(second.number).toBe(first.number + 1);
  });

  it('names the form in its usage error when the rule is missing or unknown', () => {
    for (const selector of [
      'InitiateAuth behaviour state /AuthenticationResult',
      'InitiateAuth behaviour state /AuthenticationResult [no-such-rule]',
    ])
      expect(() => selectDeviation(report, 'report.json', selector)).toThrow(/\[<rule>\]/);
  });
});
