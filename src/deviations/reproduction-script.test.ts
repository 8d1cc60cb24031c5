import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDeviation } from './deviation.ts';
import { Normaliser, normaliseDeviation } from './normalise.ts';
import { redactSecrets, redactString } from './redact.ts';
import {
  REPLAY_REPORT_DIR,
  reproductionScript,
  SCRIPT_SHEBANG,
  withReproductionScript,
} from './reproduce.ts';
import { fillReportTokens, reproductionPlan, unsaidUnknownId } from './reproduction-plan.ts';
import { UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from './unknown-ids.ts';

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

/**
 * cognito-local's error-shape deviation on AdminInitiateAuth, as a report now holds it: the pool id is the suite's
 * unknown one, kept verbatim; the client and the refresh token are the run's own, which the report redacts.
 */
const unknownPool = deviation({
  check: 'error-shape',
  kind: 'wrong-error',
  path: '/$status',
  expected: 400,
  actual: 200,
  message: 'unknown resource answered with HTTP 200, not 400 ResourceNotFoundException',
  request: {
    UserPoolId: UNKNOWN_USER_POOL_ID,
    ClientId: '<redacted:ClientId>',
    AuthFlow: 'REFRESH_TOKEN',
    AuthParameters: { REFRESH_TOKEN: '<redacted:REFRESH_TOKEN>' },
  },
  reproduce: { command: 'aws cognito-idp admin-initiate-auth --cli-input-json {}' },
});

/** The same check's other variant: a real pool, the suite's unknown client. */
const unknownClient = deviation({
  check: 'error-shape',
  kind: 'wrong-error',
  path: '/$status',
  request: { UserPoolId: '<pool-id:1>', ClientId: UNKNOWN_CLIENT_ID },
  reproduce: { command: 'aws cognito-idp describe-user-pool-client --cli-input-json {}' },
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
    // The report holds no user name (sensitive in the model): the set-up makes a user of its own.
    expect(password).toContain("USERNAME_1=$(fill 'cc-<run>-user@example.com')");
    expect(password).not.toContain('user-3@example.com');
    expect(password).toContain('curl -i'); // the status is the difference
  });

  it('is left as it is by the redaction reports go through', () => {
    for (const d of [header, signIn, passwordSignIn, schema, stateful, unknownPool, unknownClient]) {
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

  it('replays the run for a check no single request shows, writing its report elsewhere than reports/', () => {
    const text = script(stateful, 'ListUserPools');
    expect(REPLAY_REPORT_DIR).toBe('${TMPDIR:-/tmp}/cognito-conformance-reproduce');
    expect(text).toContain(
      'npx cognito-conformance run ${ENDPOINT:+--endpoint "$ENDPOINT"} --ops ListUserPools --seed 7 --report-only --out "${TMPDIR:-/tmp}/cognito-conformance-reproduce"',
    );
    // The comment says where the report goes, and why not reports/.
    expect(text).toContain(
      '# The new report goes to ${TMPDIR:-/tmp}/cognito-conformance-reproduce (report.json, report.md), not to\n# reports/,',
    );
    expect(script(stateful, 'ListUserPools', { ...embedded, kind: 'container', emulator: 'moto' })).toContain(
      '--target container:moto --ops ListUserPools --seed 7 --report-only --out "${TMPDIR:-/tmp}/cognito-conformance-reproduce"',
    );
    const aws = script(stateful, 'ListUserPools', {
      kind: 'aws',
      name: 'aws',
      endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com',
    });
    expect(aws).toContain('--allow-aws --ops ListUserPools --seed 7 --report-only --out "${TMPDIR:-/tmp}/');
  });

  it("run with sh from a checkout, the replay leaves the checkout's reports/ alone", () => {
    // A stand-in npx records what the script would run: the real one would start a whole run.
    const dir = mkdtempSync(join(tmpdir(), 'cc-replay-'));
    try {
      const bin = join(dir, 'bin');
      const args = join(dir, 'args');
      spawnSync('mkdir', [bin, join(dir, 'checkout'), join(dir, 'tmp')]);
      writeFileSync(join(bin, 'npx'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${args}'\n`);
      chmodSync(join(bin, 'npx'), 0o755);
      writeFileSync(join(dir, 'replay.sh'), `${script(stateful, 'ListUserPools')}\n`);
      const result = spawnSync('sh', [join(dir, 'replay.sh')], {
        cwd: join(dir, 'checkout'),
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, TMPDIR: join(dir, 'tmp') },
      });
      expect(result.status, result.stderr).toBe(0);
      const sent = readFileSync(args, 'utf8').trimEnd().split('\n');
      expect(sent.slice(0, 2)).toEqual(['cognito-conformance', 'run']);
      expect(sent.slice(-2)).toEqual(['--out', join(dir, 'tmp', 'cognito-conformance-reproduce')]);
      expect(existsSync(join(dir, 'checkout', 'reports'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it("sends the error-shape check's unknown pool id as it is, after making the client and token beside it", () => {
    const text = script(unknownPool);
    // The client and the refresh token are real: the check sends one unknown id beside real ones.
    expect(text).toContain('POOL_ID=$(idp create-user-pool --pool-name "${PREFIX}pool-id"');
    expect(text).toContain('CLIENT_ID_1=$(idp create-user-pool-client --user-pool-id "$POOL_ID"');
    expect(text).toContain('REFRESH_TOKEN_1=$(idp admin-initiate-auth --user-pool-id "$POOL_ID"');
    expect(text).toContain(
      `# ${UNKNOWN_USER_POOL_ID} names no user pool, on purpose: the suite's own made-up id, sent as it is.`,
    );
    expect(text).toContain(
      `--data "$(fill '{"UserPoolId":"${UNKNOWN_USER_POOL_ID}","ClientId":"<redacted:ClientId>","AuthFlow":"REFRESH_TOKEN",`,
    );
    expect(text).toContain('curl -i -sS');
    expect(text).not.toContain('${AWS_REGION}_Unknown000');
    expect(text).not.toContain('It cannot show');
  });

  it("sends the error-shape check's unknown client id as it is, in a pool it makes", () => {
    const text = script(unknownClient, 'DescribeUserPoolClient');
    expect(text).toContain('POOL_ID_1=$(idp create-user-pool --pool-name "${PREFIX}pool-id-1"');
    expect(text).not.toContain('create-user-pool-client');
    expect(text).toContain(`# ${UNKNOWN_CLIENT_ID} names no app client, on purpose`);
    expect(text).toContain(`"ClientId":"${UNKNOWN_CLIENT_ID}"`);
  });

  it('keeps the unknown id through the report: normalised, redacted, then written into the script', () => {
    // What the run recorded: real ids, the unknown pool id, a real client id and refresh token.
    const recorded = deviation({
      ...unknownPool,
      request: {
        UserPoolId: UNKNOWN_USER_POOL_ID,
        ClientId: '5jnkq1x0ohsq2zbq8wpl9h3kd',
        AuthFlow: 'REFRESH_TOKEN',
        AuthParameters: { REFRESH_TOKEN: 'opaque-refresh-t0ken-value' },
      },
    });
    const normalised = normaliseDeviation(recorded, new Normaliser());
    const reported = redactSecrets(
      withReproductionScript(normalised, { target: embedded, run, operation: 'AdminInitiateAuth' }),
    );
    expect(reported.request).toEqual(unknownPool.request);
    expect(reported.reproduce.command).toBe(script(unknownPool));
    expect(reported.reproduce.command).not.toContain('5jnkq1x0ohsq2zbq8wpl9h3kd');
    expect(reported.reproduce.command).not.toContain('opaque-refresh-t0ken-value');
  });

  it('says so when an error-shape request of an older report names no unknown id', () => {
    const legacy = deviation({
      ...unknownClient,
      request: { UserPoolId: '<pool-id:1>', ClientId: '<client-id:2>' },
    });
    const plan = reproductionPlan(legacy.request);
    expect(plan.unknownIds).toEqual([]);
    expect(unsaidUnknownId(legacy, plan)).toMatch(/does not say which of its ids named nothing/);
    expect(script(legacy, 'DescribeUserPoolClient')).toContain(
      '# It cannot show the deviation: the request names',
    );
    // The check records a transport finding on the request with the real ids: that one is sent as it is.
    expect(unsaidUnknownId({ check: 'error-shape', kind: 'transport' }, plan)).toBeUndefined();
    expect(unsaidUnknownId({ check: 'wire-format', kind: 'wire-format' }, plan)).toBeUndefined();
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
      const files = [header, signIn, passwordSignIn, schema, stateful, unknownPool, unknownClient].flatMap(
        (d, i) =>
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
  it('makes one pool for a finding inside an item ListUserPools lists, and none for the rest of its answer', () => {
    const listed = reproductionPlan(
      { MaxResults: 60 },
      { operation: 'ListUserPools', path: '/UserPools/0/Arn' },
    );
    expect(listed.pools).toEqual([{ variable: 'LISTED_POOL_ID', tokens: [] }]);
    expect(
      reproductionPlan({ MaxResults: 60 }, { operation: 'ListUserPools', path: '/NextToken' }).pools,
    ).toEqual([]);
    expect(
      reproductionPlan(
        { UserPoolId: '<pool-id:1>' },
        { operation: 'DescribeUserPool', path: '/UserPool/Arn' },
      ).pools,
    ).toEqual([{ variable: 'POOL_ID_1', tokens: ['<pool-id:1>'] }]);
  });

  it('fills the report tokens with what a set-up made', () => {
    const plan = reproductionPlan(redactSecrets(signIn.request));
    expect(plan.pools.map((pool) => pool.variable)).toEqual(['POOL_ID_2']);
    expect(plan.homePool).toBe('POOL_ID_2');
    expect(plan.unresolved).toEqual([]);
    const filled = fillReportTokens(
      redactSecrets(signIn.request),
      plan,
      { POOL_ID_2: 'us-east-1_abc', CLIENT_ID_1: 'client1', REFRESH_TOKEN_1: 'rt', USERNAME_1: 'made-user' },
      'cc-fresh-',
    );
    expect(filled).toEqual({
      UserPoolId: 'us-east-1_abc',
      ClientId: 'client1',
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AnalyticsMetadata: 'x',
      AuthParameters: { REFRESH_TOKEN: 'rt', USERNAME: 'made-user' },
    });
  });

  it("treats the suite's unknown ids as ids that must name nothing, and every token as one to make", () => {
    const pool = reproductionPlan(unknownPool.request);
    expect(pool.unknownIds).toEqual([UNKNOWN_USER_POOL_ID]);
    expect(pool.pools).toEqual([]);
    expect(pool.ownPool?.variable).toBe('POOL_ID');
    expect(pool.homePool).toBe('POOL_ID');
    expect(pool.client).toEqual({ variable: 'CLIENT_ID_1', tokens: ['<redacted:ClientId>'] });
    expect(pool.refreshToken?.tokens).toEqual(['<redacted:REFRESH_TOKEN>']);
    expect(pool.unresolved).toEqual([]);
    expect(
      fillReportTokens(unknownPool.request, pool, { CLIENT_ID_1: 'c1', REFRESH_TOKEN_1: 'rt' }, 'cc-x-'),
    ).toEqual({
      UserPoolId: UNKNOWN_USER_POOL_ID,
      ClientId: 'c1',
      AuthFlow: 'REFRESH_TOKEN',
      AuthParameters: { REFRESH_TOKEN: 'rt' },
    });
    const client = reproductionPlan(unknownClient.request);
    expect(client.unknownIds).toEqual([UNKNOWN_CLIENT_ID]);
    expect(client.pools.map((planned) => planned.variable)).toEqual(['POOL_ID_1']);
    expect(client.client).toBeUndefined();
  });

  it('lists the tokens no set-up makes', () => {
    const plan = reproductionPlan({
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
