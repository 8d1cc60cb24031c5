import { describe, expect, it } from 'vitest';
import { aDeviation, aMixedReport } from '../../test/support/report-fixture.ts';
import {
  deviationIdentity,
  identityOf,
  identityText,
  locateDeviations,
  observationFingerprint,
  rulePath,
} from './identity.ts';

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

  it("folds generated map keys where the operation's spec shows a map, in the response or the request", () => {
    // UserPoolTags is a map in CreateUserPool's request and DescribeUserPool's response.
    expect(rulePath('/UserPool/UserPoolTags/__O_hT2', 'DescribeUserPool')).toBe('/UserPool/UserPoolTags/*');
    expect(rulePath('/UserPoolTags/k/$maxLength', 'CreateUserPool')).toBe('/UserPoolTags/*/$maxLength');
    expect(rulePath('/ClientMetadata/]NTg^xC', 'InitiateAuth')).toBe('/ClientMetadata/*');
    // A generated key may start with `$`: only `$` and a word is a rule's keyword.
    expect(rulePath('/ClientMetadata/$*W>`6', 'AdminConfirmSignUp')).toBe('/ClientMetadata/*');
    expect(rulePath('/ClientMetadata/$maxProperties', 'AdminConfirmSignUp')).toBe(
      '/ClientMetadata/$maxProperties',
    );
    // A member the schema names stays; array indices fold anywhere; without a spec only indices fold.
    expect(rulePath('/UserPool/Policies/PasswordPolicy/MinimumLength', 'DescribeUserPool')).toBe(
      '/UserPool/Policies/PasswordPolicy/MinimumLength',
    );
    expect(rulePath('/UserPools/3/Name', 'ListUserPools')).toBe('/UserPools/*/Name');
    expect(rulePath('/Tags/k', 'NoSuchOperation')).toBe('/Tags/k');
    expect(rulePath('/$headers/content-type', 'DescribeUserPool')).toBe('/$headers/content-type');
    const key = { operation: 'CreateUserPool', check: 'negative' as const, kind: 'accepted-invalid' };
    expect(deviationIdentity({ ...key, path: '/UserPoolTags/a' })).toBe(
      deviationIdentity({ ...key, path: '/UserPoolTags/zz' }),
    );
  });

  it('reads as people write it: operation, check, kind and rule path', () => {
    expect(
      identityText({
        operation: 'DescribeUserPool',
        check: 'response-schema',
        kind: 'wrong-type',
        path: '/UserPool/UserPoolTags/x',
      }),
    ).toBe('DescribeUserPool response-schema wrong-type /UserPool/UserPoolTags/*');
    expect(identityText({ operation: 'A', check: 'positive', kind: 'state', path: '' })).toBe(
      'A positive state (whole body)',
    );
  });
});
