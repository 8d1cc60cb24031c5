import { describe, expect, it } from 'vitest';
import {
  AWS_SAFE_REQUESTS_PER_SECOND,
  runSettingsFromEnv,
  seedFor,
  knownOperations,
} from './run-settings.ts';

describe('runSettingsFromEnv', () => {
  it('takes the profile, seed, runs, rate and request timeout from the environment', () => {
    const settings = runSettingsFromEnv({
      COGNITO_CONFORMANCE_PROFILE: 'thorough',
      COGNITO_CONFORMANCE_SEED: '7',
      COGNITO_CONFORMANCE_RUN_ID: 'abc',
      COGNITO_CONFORMANCE_RUNS: '3',
      COGNITO_CONFORMANCE_MAX_RPS: '50',
      COGNITO_CONFORMANCE_REQUEST_TIMEOUT_MS: '2500',
      COGNITO_CONFORMANCE_OPS: 'ListUserPools, DescribeUserPool',
    });
    expect(settings).toMatchObject({
      profile: 'thorough',
      seed: 7,
      runsPerProperty: 3,
      prefix: 'cc-abc-',
      awsRequestsPerSecond: 50,
      requestTimeoutMs: 2500,
      operations: ['ListUserPools', 'DescribeUserPool'],
    });
  });

  it('reads report-only, the baseline and the report directory (resolved to absolute paths)', () => {
    expect(runSettingsFromEnv({})).toMatchObject({
      reportOnly: false,
      reportDir: expect.stringMatching(/\/reports$/),
    });
    const settings = runSettingsFromEnv({
      COGNITO_CONFORMANCE_REPORT_ONLY: 'true',
      COGNITO_CONFORMANCE_BASELINE: 'base.json',
      COGNITO_CONFORMANCE_REPORT_DIR: '/tmp/r',
    });
    expect(settings).toMatchObject({ reportOnly: true, reportDir: '/tmp/r' });
    expect(settings.baseline).toMatch(/^\/.*\/base\.json$/);
    expect(runSettingsFromEnv({ COGNITO_CONFORMANCE_SEED: '-2147483648' }).seed).toBe(-(2 ** 31));
  });

  it('defaults to the safe AWS rate and the client timeout', () => {
    const settings = runSettingsFromEnv({});
    expect(settings.awsRequestsPerSecond).toBe(AWS_SAFE_REQUESTS_PER_SECOND);
    expect(settings.requestTimeoutMs).toBeUndefined();
    expect(settings.profile).toBe('quick');
  });

  it.each([
    ['COGNITO_CONFORMANCE_MAX_RPS', 'fast'],
    ['COGNITO_CONFORMANCE_REQUEST_TIMEOUT_MS', '-1'],
    ['COGNITO_CONFORMANCE_RUNS', '1.5'],
    ['COGNITO_CONFORMANCE_PROFILE', 'sloppy'],
    ['COGNITO_CONFORMANCE_SEED', 'x'],
    // Past 32 bits a seed would be cut down silently and replay another run.
    ['COGNITO_CONFORMANCE_SEED', '4294967296'],
    ['COGNITO_CONFORMANCE_REPORT_ONLY', 'maybe'],
  ])('rejects %s=%s with a message naming it', (name, value) => {
    expect(() => runSettingsFromEnv({ [name]: value })).toThrow(name);
  });

  it('derives per-test seeds from the run seed and the test name', () => {
    expect(seedFor(1, 'a')).toBe(seedFor(1, 'a'));
    expect(seedFor(1, 'a')).not.toBe(seedFor(2, 'a'));
    expect(seedFor(1, 'a')).not.toBe(seedFor(1, 'b'));
  });
});

describe('knownOperations', () => {
  it('spells the names as the specs do, matched case-insensitively, once each', () => {
    expect(knownOperations('--ops', ['createuserpool', 'ListUserPools', 'CREATEUSERPOOL'])).toEqual([
      'CreateUserPool',
      'ListUserPools',
    ]);
  });

  it('refuses an unknown name, naming where it came from and the known operations', () => {
    expect(() => knownOperations('--ops', ['CreateUserPool', 'Nope'])).toThrow(
      /^--ops: unknown operation Nope; use one of AddCustomAttributes, .*VerifyUserAttribute, or a resource group: pools, app clients, users, .*, risk$/,
    );
    expect(() => runSettingsFromEnv({ COGNITO_CONFORMANCE_OPS: 'Nope' })).toThrow(
      /^COGNITO_CONFORMANCE_OPS: unknown/,
    );
  });
});
