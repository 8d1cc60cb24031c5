import { describe, expect, it } from 'vitest';
import { aDeviation } from '../../test/support/report-fixture.ts';
import { collapseDeviations } from './collapse-deviations.ts';

describe('collapseDeviations', () => {
  it('collapses the same finding, summing occurrences, keeping first-seen order and example', () => {
    const a = aDeviation({ path: '/a', actual: 'us-east-1_X', request: { UserPoolId: 'us-east-1_X' } });
    const b = aDeviation({ path: '/b' });
    const a2 = aDeviation({
      path: '/a',
      actual: 'us-east-1_Y',
      request: { Other: 1 },
      reproduce: { command: 'other' },
      occurrences: 4,
    });
    expect(collapseDeviations([a, b, a2])).toEqual([{ ...a, occurrences: 5 }, b]);
  });

  it('keeps findings apart that differ in what was observed', () => {
    const a = aDeviation({ actual: 1 });
    expect(collapseDeviations([a, { ...a, actual: 2 }, { ...a, severity: 'warning' }])).toHaveLength(3);
  });
});
