import { describe, expect, it } from 'vitest';
import { aDeviation, aMixedReport } from '../../test/support/report-fixture.ts';
import { deviationIdentity, identityOf, locateDeviations, observationFingerprint } from './identity.ts';

describe('deviation identity', () => {
  it('locates every deviation with its operation', () => {
    expect(locateDeviations(aMixedReport()).map((l) => [l.operation, l.deviation.kind])).toEqual([
      ['CreateUserPool', 'missing-member'],
      ['CreateUserPool', 'unexpected-member'],
      ['AdminDisableProviderForUser', 'unsupported'],
    ]);
  });

  it('is operation + check + kind + normalised path', () => {
    const key = { operation: 'A', check: 'positive' as const, kind: 'state', path: '/Pools/us-east-1_AAA' };
    expect(deviationIdentity(key)).toBe(deviationIdentity({ ...key, path: '/Pools/us-east-1_BBB' }));
    expect(deviationIdentity(key)).not.toBe(deviationIdentity({ ...key, kind: 'token' }));
    expect(deviationIdentity(key)).not.toBe(deviationIdentity({ ...key, operation: 'B' }));
    expect(
      identityOf({
        operation: 'A',
        deviation: aDeviation({ check: 'positive', kind: 'state', path: '/Pools/us-east-1_CCC' }),
      }),
    ).toBe(deviationIdentity(key));
  });

  it('fingerprints the observation, not the volatile values or reproduction', () => {
    const a = aDeviation({ actual: 'us-east-1_AAA', reproduce: { command: 'a' } });
    const b = aDeviation({ actual: 'us-east-1_BBB', reproduce: { command: 'b' } });
    expect(observationFingerprint(a)).toBe(observationFingerprint(b));
    expect(observationFingerprint(a)).not.toBe(observationFingerprint({ ...a, severity: 'warning' }));
    expect(observationFingerprint({ ...a, expected: undefined })).toBe(
      observationFingerprint({ ...a, expected: null }),
    );
  });
});
