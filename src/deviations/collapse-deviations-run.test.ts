import { describe, expect, it } from 'vitest';
import type { Deviation } from './deviation.ts';
import { collapseDeviations } from './collapse-deviations.ts';

function deviation(overrides: Partial<Deviation>): Deviation {
  return {
    operation: 'CreateUserPool',
    check: 'negative',
    kind: 'accepted-invalid',
    severity: 'error',
    path: '/PoolName',
    expected: '4xx',
    actual: 200,
    message: 'accepted',
    request: { PoolName: 'x'.repeat(20) },
    reproduce: { command: 'aws …' },
    occurrences: 1,
    ...overrides,
  };
}

describe('collapseDeviations over one run', () => {
  it('collapses one rule broken by many requests into one deviation with a count and the smallest example', () => {
    const found = [
      deviation({}),
      deviation({ request: { PoolName: 'ab' } }),
      deviation({ request: { PoolName: 'abcdef' }, occurrences: 3 }),
    ];

    const collapsed = collapseDeviations(found);

    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]).toMatchObject({ occurrences: 5, request: { PoolName: 'ab' } });
  });

  it('does not tell findings apart by volatile values or array indices', () => {
    const found = [
      deviation({
        path: '/UserPools/0/Id',
        message: 'pool us-east-1_AAAA1111 wrong',
        actual: 'us-east-1_AAAA1111',
      }),
      deviation({
        path: '/UserPools/7/Id',
        message: 'pool us-east-1_BBBB2222 wrong',
        actual: 'us-east-1_BBBB2222',
      }),
    ];
    expect(collapseDeviations(found)).toHaveLength(1);
  });

  it('keeps different rules apart', () => {
    const found = [
      deviation({}),
      deviation({ path: '/MaxResults' }),
      deviation({ kind: 'wrong-error' }),
      deviation({ check: 'positive' }),
    ];
    expect(collapseDeviations(found)).toHaveLength(4);
  });
});
