import { describe, expect, it } from 'vitest';
import type { CheckRecorder } from '../engine/index.ts';
import { runPasswordFlows, runRefreshFlow } from './auth-runs.ts';
import { useEmbeddedScenarios } from './test-support/embedded-scenarios.ts';
import { untimed } from '../../test/support/untimed.ts';

const embedded = useEmbeddedScenarios('cc-auth-runs-');

function context(operation: string) {
  const scenario = embedded.scenario();
  const recorder: CheckRecorder = scenario.recorderFor(operation);
  return { scenario, operation, recorder };
}

describe('auth runs against cognito-local', () => {
  it('fetches the pool JWKS from the target and verifies real tokens with it', async () => {
    const run = context('InitiateAuth');
    await runPasswordFlows(run.scenario, run.operation);
    const record = run.recorder.toRecord();
    expect(untimed(record.checks)).toEqual([
      { check: 'auth', runs: 1, failed: expect.any(Number) },
      { check: 'sdk-parse', runs: 1, failed: 0 },
    ]);
    expect(record.deviations.filter((deviation) => deviation.path.endsWith('/$signature'))).toEqual([]);
    expect(
      record.deviations.filter(
        (deviation) =>
          deviation.path.endsWith('/token_use') ||
          deviation.path.endsWith('/aud') ||
          deviation.path.endsWith('/client_id'),
      ),
    ).toEqual([]);
  });

  it('gets a refresh token during set-up and judges the refreshed tokens', async () => {
    const run = context('InitiateAuth');
    await runRefreshFlow(run.scenario, run.operation);
    const record = run.recorder.toRecord();
    expect(record.inconclusive).toBeUndefined();
    // sdk-parse judged the sign-in of the set-up and the refresh.
    expect(untimed(record.checks)).toEqual([
      { check: 'auth', runs: 1, failed: expect.any(Number) },
      { check: 'sdk-parse', runs: 2, failed: 0 },
    ]);
    expect(
      record.deviations.filter((deviation) => deviation.path === '/AuthenticationResult/RefreshToken'),
    ).toEqual([]);
  });
});
