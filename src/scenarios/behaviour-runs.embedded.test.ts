import { describe, expect, it } from 'vitest';
import { type Deviation, identityText } from '../deviations/index.ts';
import { behaviourLifecycles } from '../checks/index.ts';
import type { CheckRecorder } from '../engine/index.ts';
import { runBehaviour } from './behaviour-runs.ts';
import { useEmbeddedScenarios } from './test-support/embedded-scenarios.ts';

const embedded = useEmbeddedScenarios('cc-behaviour-runs-');

/** Runs the behaviour model once against the file's cognito-local; its behaviour deviations and rule tallies. */
async function behaviourRun(seed: number) {
  const recorders = new Map<string, CheckRecorder>();
  const summary = await runBehaviour(embedded.scenario({ seed, recorders }));
  await embedded.cleanup();
  const records = [...recorders.values()].map((recorder) => recorder.toRecord());
  const deviations: Deviation[] = records.flatMap((record) =>
    record.deviations.filter((deviation) => deviation.check === 'behaviour'),
  );
  const rules = new Map(records.flatMap((record) => record.rules ?? []).map((tally) => [tally.rule, tally]));
  return {
    deviations,
    identities: [...new Set(deviations.map((d) => identityText(d)))].sort(),
    rules,
    summary,
  };
}

/** The identity text of a behaviour deviation the run must report. */
function key(operation: string, kind: string, path: string, rule: string): string {
  return identityText({ operation, check: 'behaviour', kind, path, rule: { name: rule } });
}

describe('the behaviour model against cognito-local 5.3.0', () => {
  it('reports the four field cases at their operations with their rules, and the same findings on a second run with the seed', async () => {
    const first = await behaviourRun(7);
    // A disabled user still signs in with USER_PASSWORD_AUTH.
    expect(first.identities).toContain(
      key('InitiateAuth', 'state', '/AuthenticationResult', 'disabled-user-cannot-sign-in'),
    );
    // AdminCreateUser with a TemporaryPassword, then ADMIN_USER_PASSWORD_AUTH: tokens instead of NEW_PASSWORD_REQUIRED.
    expect(first.identities).toContain(
      key(
        'AdminInitiateAuth',
        'state',
        '/AuthenticationResult',
        'temporary-password-gets-new-password-challenge',
      ),
    ); // given_name, family_name and preferred_username missing from the ID token.
    for (const claim of ['given_name', 'family_name', 'preferred_username'])
      expect(first.identities).toContain(
        key('InitiateAuth', 'token', `/AuthenticationResult/IdToken/${claim}`, 'id-token-carries-attributes'),
      );
    // UpdateUserPoolClient with ClientName only keeps ExplicitAuthFlows, RefreshTokenValidity and ReadAttributes.
    for (const member of ['ExplicitAuthFlows', 'RefreshTokenValidity', 'ReadAttributes'])
      expect(first.identities).toContain(
        key(
          'UpdateUserPoolClient',
          'state',
          `/UserPoolClient/${member}`,
          'update-client-resets-omitted-settings',
        ),
      );
    // Every finding names its rule and the rule's source shapes.
    for (const deviation of first.deviations) {
      expect(deviation.rule?.name).toMatch(/^[a-z-]+$/);
      expect(deviation.rule?.source.every((shape) => shape.includes('#'))).toBe(true);
      expect(deviation.request['commands']).toEqual(expect.arrayContaining([expect.any(String)]));
    }
    // Every lifecycle ran, then the profile's random sequences (quick: 3 of at most 8 commands).
    expect(first.summary.lifecycles.sequences).toBe(behaviourLifecycles().length);
    expect(first.summary.lifecycles.commands).toBeGreaterThan(behaviourLifecycles().length * 5);
    expect(first.summary.random.sequences).toBe(3);
    expect(first.summary.random.commands).toBeLessThanOrEqual(3 * 8);
    // What the lifecycles find does not depend on anything but the target.
    const second = await behaviourRun(7);
    expect(second.summary).toEqual(first.summary);
    expect(second.identities).toEqual(first.identities);
    expect([...second.rules.values()].map((tally) => [tally.rule, tally.runs > 0, tally.failed > 0])).toEqual(
      [...first.rules.values()].map((tally) => [tally.rule, tally.runs > 0, tally.failed > 0]),
    );
  }, 120_000);

  it('reports the same behaviour findings under ten seeds', async () => {
    const first = await behaviourRun(1);
    for (let seed = 2; seed <= 10; seed++)
      expect((await behaviourRun(seed)).identities, `seed ${seed}`).toEqual(first.identities);
  }, 240_000);

  it('holds the rules cognito-local keeps: a sign-up is UNCONFIRMED, an unconfirmed user cannot sign in, groups reach the tokens', async () => {
    const { rules } = await behaviourRun(3);
    for (const rule of [
      'sign-up-gives-unconfirmed',
      'unconfirmed-user-cannot-sign-in',
      'groups-claim',
      'disabled-user-still-listed',
    ])
      expect(rules.get(rule), rule).toEqual({ rule, runs: expect.any(Number), failed: 0 });
    expect(rules.get('groups-claim')?.runs).toBeGreaterThan(0);
  }, 120_000);
});
