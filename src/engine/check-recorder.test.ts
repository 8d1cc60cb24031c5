import { describe, expect, it } from 'vitest';
import { CheckRecorder, RUN_PREFIX_TOKEN } from './check-recorder.ts';

const target = {
  kind: 'embedded' as const,
  name: 'cognito-local',
  endpoint: 'http://127.0.0.1:1',
  region: 'us-east-1',
};
const run = { profile: 'quick', seed: 1, startedAt: '2026-01-01T00:00:00.000Z' };
const finding = {
  kind: 'accepted-invalid' as const,
  severity: 'error' as const,
  path: '/PoolName',
  expected: '4xx',
  actual: 200,
  message: 'cc-ab12cd34-pool-3 was accepted',
};

describe('CheckRecorder', () => {
  it('tallies runs and failures per check; info findings do not fail a run', () => {
    const recorder = new CheckRecorder('CreateUserPool', target, run);
    recorder.record('negative', [finding], { request: {} });
    recorder.record('negative', [], { request: {} });
    recorder.record('response-schema', [{ ...finding, kind: 'unexpected-member', severity: 'info' }], {
      request: {},
    });

    expect(recorder.toRecord().checks).toEqual([
      { check: 'negative', runs: 2, failed: 1 },
      { check: 'response-schema', runs: 1, failed: 0 },
    ]);
  });

  it('replaces the run prefix so two runs of the same seed report the same deviations', () => {
    const deviationsOf = (prefix: string) => {
      const recorder = new CheckRecorder('CreateUserPool', target, run, prefix);
      recorder.record('negative', [{ ...finding, message: `${prefix}pool-3 was accepted` }], {
        request: { PoolName: `${prefix}pool-3` },
        raw: true,
      });
      return recorder.toRecord().deviations;
    };

    const first = deviationsOf('cc-ab12cd34-');
    const second = deviationsOf('cc-99ff00ee-');

    expect(first).toEqual(second);
    expect(first[0]?.request).toEqual({ PoolName: `${RUN_PREFIX_TOKEN}pool-3` });
    expect(first[0]?.reproduce.command).toContain(`${RUN_PREFIX_TOKEN}pool-3`);
  });

  it('redacts secrets in the request, expected and actual', () => {
    const recorder = new CheckRecorder('InitiateAuth', target, run);
    recorder.record('auth', [{ ...finding, actual: { ClientSecret: 'abcdefabcdefabcdef' } }], {
      request: { AuthParameters: { PASSWORD: 'Passw0rd!!' } },
    });

    const text = JSON.stringify(recorder.toRecord());
    expect(text).not.toContain('abcdefabcdefabcdef');
    expect(text).not.toContain('Passw0rd!!');
  });
});
