import { describe, expect, it } from 'vitest';
import { aDeviation } from '../../test/support/report-fixture.ts';
import { collapseDeviations } from './collapse-deviations.ts';

describe('collapseDeviations', () => {
  it('collapses the same finding, summing occurrences, keeping first-seen order and the smallest example', () => {
    const a = aDeviation({ path: '/a', actual: 'us-east-1_X', request: { UserPoolId: 'us-east-1_X' } });
    const b = aDeviation({ path: '/b' });
    const a2 = aDeviation({
      path: '/a',
      actual: 'us-east-1_Y',
      request: { Other: 1 },
      reproduce: { command: 'other' },
      occurrences: 4,
    });
    expect(collapseDeviations([a, b, a2])).toEqual([{ ...a2, occurrences: 5 }, b]);
    const a3 = { ...a2, request: { UserPoolId: 'us-east-1_Z', Other: 2 } };
    expect(collapseDeviations([a, b, a3])).toEqual([{ ...a, occurrences: 5 }, b]);
  });

  it('one identity, one deviation: what was observed does not split a rule (as in a single run)', () => {
    const a = aDeviation({ actual: 1 });
    expect(collapseDeviations([a, { ...a, actual: 2 }, { ...a, severity: 'warning' }])).toEqual([
      { ...a, occurrences: 3 },
    ]);
  });

  it('keeps different rules apart: check, kind and path (indices folded) make the identity', () => {
    const a = aDeviation({ path: '/UserPools/0/Id' });
    const kept = [
      a,
      { ...a, check: 'positive' as const },
      { ...a, kind: 'constraint' as const },
      { ...a, path: '/Id' },
    ];
    expect(collapseDeviations(kept)).toHaveLength(4);
    expect(collapseDeviations([a, { ...a, path: '/UserPools/3/Id' }])).toHaveLength(1);
  });

  it('keeps two behaviour rules broken at one place apart, and the rule on what it keeps', () => {
    const disabled = { name: 'disabled-user-cannot-sign-in', source: ['x#AdminDisableUser'] };
    const unconfirmed = { name: 'unconfirmed-user-cannot-sign-in', source: ['x#AdminConfirmSignUp'] };
    const a = aDeviation({
      check: 'behaviour',
      kind: 'state',
      path: '/AuthenticationResult',
      rule: disabled,
    });
    const collapsed = collapseDeviations([a, { ...a, rule: unconfirmed }, { ...a, request: {} }]);
    expect(collapsed.map((d) => [d.rule?.name, d.occurrences])).toEqual([
      ['disabled-user-cannot-sign-in', 2],
      ['unconfirmed-user-cannot-sign-in', undefined],
    ]);
    expect(collapsed[0]?.rule).toEqual(disabled);
  });
});
