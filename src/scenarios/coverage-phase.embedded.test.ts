import { describe, expect, it } from 'vitest';
import type { CheckRecorder } from '../engine/index.ts';
import { runInvalidRequests, runValidRequests } from './operation-runs.ts';
import { useEmbeddedScenarios } from './test-support/embedded-scenarios.ts';

const embedded = useEmbeddedScenarios('cc-coverage-phase-');

function quickScenario(): {
  scenario: ReturnType<typeof embedded.scenario>;
  recorders: Map<string, CheckRecorder>;
} {
  const recorders = new Map<string, CheckRecorder>();
  return { scenario: embedded.scenario({ seed: 7, recorders }), recorders };
}

describe('the coverage phase against cognito-local (quick profile)', () => {
  it('breaks every rule of CreateUserPool, each fixed wrong value at each place; a nested bound the target ignores is found', async () => {
    const { scenario, recorders } = quickScenario();
    await runInvalidRequests(scenario, 'CreateUserPool');
    const record = recorders.get('CreateUserPool')?.toRecord();
    const rules = record?.coverage?.rules ?? 0;
    expect(rules).toBeGreaterThan(100);
    // Rules whose wrong values are a fixed few (types, enums) send each; a rule over items or entries breaks each.
    expect(record?.requests?.coverage).toBeGreaterThan(rules * 2);
    // Every case answered with a 2xx or 4xx is exercised; cognito-local answers one of them with a 500.
    expect(record?.coverage?.exercised).toBeGreaterThanOrEqual(rules - 1);
    // cognito-local 5.3.0 does not check the password policy's bounds; the model says 6..99. Each bound is its
    // own rule, reported once.
    const accepted = record?.deviations.filter((d) => d.kind === 'accepted-invalid').map((d) => d.path);
    expect(accepted).toContain('/Policies/PasswordPolicy/MinimumLength/$minimum');
    expect(accepted).toContain('/Policies/PasswordPolicy/MinimumLength/$maximum');
    const minimum = record?.deviations.find(
      (d) => d.path === '/Policies/PasswordPolicy/MinimumLength/$minimum',
    );
    // Found by the coverage phase: minimal by construction, so not shrunk.
    expect(minimum?.reproduce.shrink).toBeUndefined();
    expect(Object.keys(minimum?.request ?? {}).sort()).toEqual(['Policies', 'PoolName']);
  });

  it('sends the valid side of ListUserPools bounds (MaxResults 1 and 60), judged as valid requests', async () => {
    const { scenario, recorders } = quickScenario();
    await runValidRequests(scenario, 'ListUserPools');
    const record = recorders.get('ListUserPools')?.toRecord();
    expect(record?.coverage).toEqual(
      expect.objectContaining({ boundaries: 2, boundariesExercised: 2, pinned: 0 }),
    );
    expect(record?.requests?.coverage).toBe(2);
    expect(record?.deviations.some((d) => d.kind === 'rejected-valid')).toBe(false);
  });

  it('builds the invalid cases on a flow the target answers, and does not count a 5xx as exercised', async () => {
    const { scenario, recorders } = quickScenario();
    await runInvalidRequests(scenario, 'AdminInitiateAuth');
    const record = recorders.get('AdminInitiateAuth')?.toRecord();
    const rules = record?.coverage?.rules ?? 0;
    // cognito-local 5.3.0 answers USER_SRP_AUTH, the first AuthFlow, with a 500: the cases are built on the next
    // flow instead, so nearly every rule is exercised. Breaking AuthFlow itself still gets a 500 (a finding, but
    // no evidence about the rule), so those few are not exercised.
    expect(record?.requests?.coverage).toBeGreaterThan(rules);
    expect(record?.coverage?.exercised).toBeGreaterThanOrEqual(rules - 3);
    expect(record?.coverage?.exercised).toBeLessThan(rules);
    expect(record?.deviations.some((d) => d.kind === 'wrong-error' || d.kind === 'rejected-valid')).toBe(
      true,
    );
  });

  it('stops at the first answer of an operation the target does not implement: one verdict, one request', async () => {
    const { scenario, recorders } = quickScenario();
    await runInvalidRequests(scenario, 'GetSigningCertificate');
    const record = recorders.get('GetSigningCertificate')?.toRecord();
    expect(record?.unsupported).toBeDefined();
    expect(record?.requests).toEqual({ coverage: 1, exploration: 0, shrinking: 0, other: 0 });
    expect(record?.coverage?.exercised).toBe(0);
  });
});
