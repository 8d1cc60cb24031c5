import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDeviation } from './deviation.ts';
import { redactSecrets, redactString } from './redact.ts';
import { reproductionScript, SCRIPT_SHEBANG, withReproductionScript } from './reproduce.ts';
import { fillReportTokens, reproductionPlan } from './reproduction-plan.ts';

const embedded = { kind: 'embedded', name: 'cognito-local', endpoint: 'http://127.0.0.1:41801' } as const;
const run = { seed: 7, profile: 'quick' };

function deviation(fields: Partial<ReportDeviation>): ReportDeviation {
  return {
    check: 'wire-format',
    kind: 'wire-format',
    severity: 'error',
    path: '/$headers/content-type',
    expected: 'application/x-amz-json-1.1',
    actual: 'application/json; charset=utf-8',
    message: 'content type is application/json; charset=utf-8, not application/x-amz-json-1.1',
    request: {},
    reproduce: { command: 'curl -sS -X POST http://127.0.0.1:41801/ --data {}' },
    ...fields,
  };
}

/** A header deviation of a raw request, as the report builder sees it: tokens numbered, secrets not yet redacted. */
const header = deviation({
  request: {
    UserPoolId: '<pool-id:4>',
    ClientId: '<client-id:1>',
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: 'x',
  },
});

/** A refresh-token sign-in with the run's real secrets still in it. */
const signIn = deviation({
  check: 'negative',
  kind: 'accepted-invalid',
  path: '/AnalyticsMetadata/$type',
  request: {
    UserPoolId: '<pool-id:2>',
    ClientId: '<client-id:1>',
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AnalyticsMetadata: 'x',
    AuthParameters: { REFRESH_TOKEN: 'opaque-refresh-t0ken-value', USERNAME: 'cc-<run>-user-3@example.com' },
  },
});

const passwordSignIn = deviation({
  check: 'positive',
  kind: 'rejected-valid',
  path: '/$status',
  request: {
    ClientId: '<client-id:1>',
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: 'cc-<run>-user-3@example.com', PASSWORD: 'Aa1!RealRunPassw0rd' },
  },
  reproduce: { command: 'aws cognito-idp initiate-auth --cli-input-json {}' },
});

const schema = deviation({
  check: 'response-schema',
  kind: 'constraint',
  path: '/UserPool/SchemaAttributes/17/Name',
  request: { PoolName: 'cc-<run>-pool-845', MfaConfiguration: 'OFF' },
  reproduce: { command: "aws cognito-idp create-user-pool --cli-input-json '{}'" },
});

const stateful = deviation({
  check: 'stateful',
  kind: 'constraint',
  path: '/UserPools',
  request: { commands: ['CreatePool', 'CreatePool', 'CreatePool', 'List(1)'] },
  reproduce: { command: 'npx cognito-conformance run --ops ListUserPools --seed 7' },
});

const script = (d: ReportDeviation, operation = 'AdminInitiateAuth', target: object = embedded) =>
  reproductionScript({ target: target as typeof embedded, run, operation, deviation: d });

describe('reproductionScript', () => {
  it('shows a header deviation with curl -i, after a set-up whose ids are shell variables', () => {
    const text = script(header);
    expect(text.startsWith(`${SCRIPT_SHEBANG}\n`)).toBe(true);
    expect(text).toContain('curl -i -sS -X POST "$ENDPOINT/"');
    expect(text).toContain(
      'POOL_ID_4=$(idp create-user-pool --pool-name "${PREFIX}pool-id-4" --query UserPool.Id --output text)',
    );
    expect(text).toContain('CLIENT_ID_1=$(idp create-user-pool-client --user-pool-id "$POOL_ID_4"');
    expect(text).toContain('-e "s|<pool-id:4>|${POOL_ID_4-}|g"');
    // The request is the report's, tokens and all, filled in when the script runs.
    expect(text).toContain(
      `--data "$(fill '{"UserPoolId":"<pool-id:4>","ClientId":"<redacted:ClientId>","AuthFlow":"REFRESH_TOKEN_AUTH","AuthParameters":"x"}')"`,
    );
    expect(text).toContain("'AdminInitiateAuth wire-format wire-format /$headers/content-type'");
  });

  it('points at a local emulator instead of the embedded target, whose port is gone, with dummy credentials', () => {
    const text = script(header);
    expect(text).not.toContain('41801');
    expect(text).toContain('ENDPOINT="${ENDPOINT:-http://localhost:9229}"');
    expect(text).toContain('npx cognito-local');
    expect(text).toContain('Emulators accept any credentials');
    expect(text).toContain(
      'export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"',
    );
    expect(text).toContain('trap cleanup EXIT');
    expect(script(header, 'AdminInitiateAuth', { ...embedded, kind: 'endpoint' })).toContain(
      'ENDPOINT="${ENDPOINT:-http://127.0.0.1:41801}"',
    );
  });

  it('never carries a secret: passwords and tokens become variables the set-up defines', () => {
    for (const d of [signIn, passwordSignIn]) {
      const text = script(d, 'InitiateAuth');
      expect(text).not.toContain('Aa1!RealRunPassw0rd');
      expect(text).not.toContain('opaque-refresh-t0ken-value');
      expect(text).toContain('PASSWORD_1="Aa1!repro$$"');
    }
    const refresh = script(signIn);
    expect(refresh).toContain('"REFRESH_TOKEN":"<redacted:REFRESH_TOKEN>"');
    expect(refresh).toContain('REFRESH_TOKEN_1=$(idp admin-initiate-auth --user-pool-id "$POOL_ID_2"');
    expect(refresh).toContain('-e "s|<redacted:REFRESH_TOKEN>|${REFRESH_TOKEN_1-}|g"');
    // InitiateAuth names no pool: the set-up makes one for the client and the user.
    const password = script(passwordSignIn, 'InitiateAuth');
    expect(password).toContain('POOL_ID=$(idp create-user-pool');
    expect(password).toContain("USERNAME_1=$(fill 'cc-<run>-user-3@example.com')");
    expect(password).toContain('curl -i'); // the status is the difference
  });

  it('is left as it is by the redaction reports go through', () => {
    for (const d of [header, signIn, passwordSignIn, schema, stateful]) {
      const text = script(d);
      expect(redactString(text)).toBe(text);
      expect(redactSecrets({ reproduce: { command: text } }).reproduce.command).toBe(text);
    }
    const aws = script(header, 'AdminInitiateAuth', {
      kind: 'aws',
      name: 'aws',
      endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
    });
    expect(redactString(aws)).toBe(aws);
  });

  it('uses the AWS CLI for a body deviation of a request the SDK would send', () => {
    const text = script(schema, 'CreateUserPool');
    expect(text).toContain(
      `idp create-user-pool --cli-input-json "$(fill '{"PoolName":"cc-<run>-pool-845","MfaConfiguration":"OFF"}')"`,
    );
    expect(text).not.toContain('curl');
  });

  it('replays the run for a check no single request shows', () => {
    const text = script(stateful, 'ListUserPools');
    expect(text).toContain(
      'npx cognito-conformance run ${ENDPOINT:+--endpoint "$ENDPOINT"} --ops ListUserPools --seed 7 --report-only',
    );
    expect(script(stateful, 'ListUserPools', { ...embedded, kind: 'container', emulator: 'moto' })).toContain(
      '--target container:moto --ops ListUserPools',
    );
  });

  it('signs for real Cognito and sets no dummy credentials there', () => {
    const text = script(header, 'AdminInitiateAuth', {
      kind: 'aws',
      name: 'aws',
      endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
    });
    expect(text).not.toContain(':-test}');
    expect(text).toContain('--aws-sigv4 "aws:amz:$AWS_REGION:cognito-idp"');
    expect(text).toContain('AWS_REGION="${AWS_REGION:-eu-west-1}"');
    expect(text).toContain('idp() { aws cognito-idp --region "$AWS_REGION" "$@"; }');
  });

  it('names unknown ids for the error-shape check instead of making them', () => {
    const text = script(
      deviation({
        check: 'error-shape',
        kind: 'wrong-error',
        path: '/$status',
        request: { UserPoolId: '<pool-id:1>', ClientId: '<client-id:2>' },
        reproduce: { command: 'aws cognito-idp describe-user-pool-client --cli-input-json {}' },
      }),
      'DescribeUserPoolClient',
    );
    expect(text).toContain('POOL_ID_1="${AWS_REGION}_Unknown000"');
    expect(text).toContain('CLIENT_ID_1=nosuchclient0reproduce000');
    expect(text).not.toContain('create-user-pool ');
  });

  it('is the same text for the same deviation, and written once', () => {
    expect(script(signIn)).toBe(script(signIn));
    const context = { target: embedded, run, operation: 'AdminInitiateAuth' };
    const once = withReproductionScript(signIn, context);
    expect(withReproductionScript(once, context)).toBe(once);
  });

  it.skipIf(spawnSync('shellcheck', ['--version']).status !== 0)('passes shellcheck as POSIX sh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-script-'));
    try {
      const targets = [
        embedded,
        { kind: 'aws', name: 'aws', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com' },
      ];
      const files = [header, signIn, passwordSignIn, schema, stateful].flatMap((d, i) =>
        targets.map((target, j) => {
          const file = join(dir, `s${i}-${j}.sh`);
          writeFileSync(file, `${script(d, 'InitiateAuth', target)}\n`);
          return file;
        }),
      );
      const result = spawnSync('shellcheck', ['-s', 'sh', ...files], { encoding: 'utf8' });
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reproductionPlan', () => {
  it('fills the report tokens with what a set-up made', () => {
    const plan = reproductionPlan('negative', redactSecrets(signIn.request));
    expect(plan.pools.map((pool) => pool.variable)).toEqual(['POOL_ID_2']);
    expect(plan.homePool).toBe('POOL_ID_2');
    expect(plan.unresolved).toEqual([]);
    const filled = fillReportTokens(
      redactSecrets(signIn.request),
      plan,
      { POOL_ID_2: 'us-east-1_abc', CLIENT_ID_1: 'client1', REFRESH_TOKEN_1: 'rt', USERNAME_1: 'ignored' },
      'cc-fresh-',
    );
    expect(filled).toEqual({
      UserPoolId: 'us-east-1_abc',
      ClientId: 'client1',
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AnalyticsMetadata: 'x',
      AuthParameters: { REFRESH_TOKEN: 'rt', USERNAME: 'cc-fresh-user-3@example.com' },
    });
  });

  it('lists the tokens no set-up makes', () => {
    const plan = reproductionPlan('positive', {
      ClientId: '<redacted:ClientId>',
      AuthParameters: {
        USERNAME: 'u',
        PASSWORD: '<redacted:PASSWORD>',
        SECRET_HASH: '<redacted:SECRET_HASH>',
      },
    });
    expect(plan.ownPool?.variable).toBe('POOL_ID');
    expect(plan.unresolved).toEqual(['<redacted:SECRET_HASH>']);
  });
});
