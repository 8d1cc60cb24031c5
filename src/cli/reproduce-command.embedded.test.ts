import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LocatedDeviation,
  identityText,
  locateDeviations,
  type Report,
  UNKNOWN_USER_POOL_ID,
} from '../deviations/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { WireClient } from '../wire/index.ts';
import { startRecordingProxy, type RecordingProxy } from './test-support/recording-proxy.ts';
import { describeResult, runCli } from './test-support/run-cli.ts';
import { leakedSecrets, secretsOnTheWire } from './test-support/wire-secrets.ts';

/**
 * One `run` of three operations against the embedded cognito-local, whose report then goes to `reproduce`: one
 * deviation of each kind it holds (the content-type header and the stateful page size among them) must come back
 * as "still broken" from a freshly started cognito-local, a deviation the target does not have as "not
 * reproduced", and the report's own script for the header deviation must show it when run with `sh`. A second
 * run, of AdminInitiateAuth, gives the error-shape deviation whose request names the suite's unknown pool id
 * beside a real app client and refresh token: it too must be "still broken", by `reproduce` and by its script.
 */
const OPERATIONS = ['InitiateAuth', 'ListUserPools', 'CreateUserPool'];
const HEADER = '/$headers/content-type';

let dir: string;
let reportPath: string;
let report: Report;
let located: LocatedDeviation[];
let target: StartedTarget;
let proxy: RecordingProxy;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-reproduce-'));
  const run = await runCli(
    ['run', '--ops', OPERATIONS.join(','), '--seed', '7', '--report-only', '--out', join(dir, 'out')],
    { timeoutMs: 300_000 },
  );
  expect(run.code, describeResult(run)).toBe(0);
  reportPath = join(dir, 'out', 'report.json');
  report = JSON.parse(await readFile(reportPath, 'utf8')) as Report;
  located = locateDeviations(report);
  target = await startEmbeddedTarget();
  proxy = await startRecordingProxy(target.descriptor.endpoint);
}, 400_000);

afterAll(async () => {
  await proxy?.close();
  await target?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The number of the first deviation (in report order) that `pick` accepts. */
function numberOf(pick: (entry: LocatedDeviation) => boolean): number {
  const index = located.findIndex(pick);
  expect(index, 'the report has such a deviation').toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** One deviation per kind in the report, the header and the stateful one among them. */
function oneOfEachKind(): { label: string; number: number }[] {
  const chosen = [
    { label: `wire-format ${HEADER}`, number: numberOf((e) => e.deviation.path === HEADER) },
    { label: 'stateful constraint', number: numberOf((e) => e.deviation.check === 'stateful') },
  ];
  // Notes (info) are not deviations to confirm: a kind only they have is left out.
  const kinds = new Set(
    located.filter((entry) => entry.deviation.severity !== 'info').map((entry) => entry.deviation.kind),
  );
  for (const kind of kinds) {
    if (chosen.some((c) => located[c.number - 1]?.deviation.kind === kind)) continue;
    const number = numberOf((e) => e.deviation.kind === kind && e.deviation.severity !== 'info');
    chosen.push({ label: `${located[number - 1]?.deviation.check} ${kind}`, number });
  }
  return chosen;
}

describe('reproduce', () => {
  it('the report holds runnable scripts, with no port of the embedded target in them', () => {
    expect(located.length).toBeGreaterThan(0);
    for (const { deviation } of located) {
      expect(deviation.reproduce.command.startsWith('#!/bin/sh\n')).toBe(true);
      expect(deviation.reproduce.command).not.toContain(report.target.endpoint);
    }
    const kinds = new Set(located.map((entry) => entry.deviation.kind));
    for (const kind of ['wire-format', 'constraint', 'state', 'token', 'accepted-invalid', 'wrong-error'])
      expect(kinds).toContain(kind);
  });

  it('confirms one deviation of each kind against a freshly started cognito-local', async () => {
    const chosen = oneOfEachKind();
    const results = await Promise.all(
      chosen.map(async ({ label, number }) => {
        const selector =
          located[number - 1]?.deviation.check === 'stateful'
            ? 'ListUserPools stateful constraint /UserPools' // by identity; the rest by number
            : String(number);
        return { label, result: await runCli(['reproduce', reportPath, selector], { timeoutMs: 240_000 }) };
      }),
    );
    for (const { label, result } of results) {
      expect(result.code, `${label}\n${describeResult(result)}`).toBe(1);
      expect(result.stdout, label).toMatch(/^still broken: /m);
      expect(result.stdout, label).toMatch(/^< HTTP \d{3}$/m);
    }
    const header = results[0]?.result.stdout ?? '';
    expect(header).toMatch(/^< content-type: application\/json; charset=utf-8$/m);
  }, 600_000);

  it('shows no secret of the exchanges it made, and names them redacted', async () => {
    const number = numberOf((e) => e.deviation.check === 'auth' && e.deviation.kind === 'token');
    const result = await runCli(['reproduce', reportPath, String(number), '--endpoint', proxy.endpoint]);
    expect(result.code, describeResult(result)).toBe(1);
    const secrets = secretsOnTheWire(proxy.exchanges);
    expect(secrets.size).toBeGreaterThan(0);
    expect(leakedSecrets(result.stdout + result.stderr, secrets)).toEqual([]);
    expect(result.stdout).toContain('<redacted:');
  }, 240_000);

  it('says "not reproduced" for a deviation the target does not have', async () => {
    const edited = structuredClone(report) as unknown as {
      operations: { operation: string; deviations: unknown[] }[];
    };
    const list = edited.operations.find((op) => op.operation === 'ListUserPools');
    list?.deviations.push({
      check: 'positive',
      kind: 'rejected-valid',
      severity: 'error',
      path: '/$status',
      expected: '2xx',
      actual: 500,
      message: 'valid request rejected with HTTP 500',
      request: { MaxResults: 10 },
      reproduce: { command: 'aws cognito-idp list-user-pools' },
    });
    const path = join(dir, 'edited.json');
    await writeFile(path, JSON.stringify(edited));
    const result = await runCli(['reproduce', path, 'ListUserPools positive rejected-valid /$status']);
    expect(result.code, describeResult(result)).toBe(0);
    expect(result.stdout).toMatch(/^not reproduced: ListUserPools positive rejected-valid \/\$status/m);
    expect(result.stdout).toMatch(/^< HTTP 200$/m);
  }, 240_000);

  it('judges an sdk-parse deviation only with the SDK version its report read answers with', async () => {
    const identity = 'CreateUserPool sdk-parse converted /UserPool/Policies';
    expect(located.map((e) => identityText({ operation: e.operation, ...e.deviation }))).toContain(identity);
    const same = await runCli(['reproduce', reportPath, identity], { timeoutMs: 120_000 });
    expect(same.code, describeResult(same)).toBe(1);
    expect(same.stdout).toMatch(/^still broken: CreateUserPool sdk-parse converted/m);
    const older = { ...report, sdk: { version: '3.600.0' } };
    const path = join(dir, 'older-sdk.json');
    await writeFile(path, JSON.stringify(older));
    const result = await runCli(['reproduce', path, identity], { timeoutMs: 120_000 });
    expect(result.code, describeResult(result)).toBe(2);
    expect(result.stdout).toMatch(/^inconclusive: .*the report read answers with SDK 3\.600\.0/m);
  }, 240_000);

  it('refuses a deviation the report does not have, saying how to find one', async () => {
    const result = await runCli(['reproduce', reportPath, String(located.length + 1)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`give a number from 1 to ${located.length}`);
    expect(result.stderr).toContain('--list');
    const list = await runCli(['reproduce', reportPath, '--list']);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^#1\t(error|warning|info)\t\S+ \S+ \S+/);
  }, 120_000);

  it.skipIf(spawnSync('aws', ['--version']).status !== 0)(
    "the report's scripts show the deviation with sh (set-up, sign-in and all), and delete what they made",
    async () => {
      const header = located[numberOf((e) => e.deviation.path === HEADER) - 1] as LocatedDeviation;
      const signIn = located[
        numberOf(
          (e) =>
            e.deviation.check === 'negative' &&
            JSON.stringify(e.deviation.request).includes('<redacted:PASSWORD>'),
        ) - 1
      ] as LocatedDeviation;
      for (const [name, { deviation }] of Object.entries({ header, signIn })) {
        const script = join(dir, `${name}.sh`);
        await writeFile(script, `${deviation.reproduce.command}\n`);
        const result = spawnSync('sh', [script], {
          encoding: 'utf8',
          env: { ...process.env, ENDPOINT: target.descriptor.endpoint },
          timeout: 120_000,
        });
        expect(result.status, `${name}\n${result.stdout}\n${result.stderr}`).toBe(0);
        expect(result.stdout, name).toMatch(/^HTTP\/1\.1 \d{3} /m);
        if (name === 'header')
          expect(result.stdout).toMatch(/^Content-Type: application\/json; charset=utf-8\r?$/m);
      }
      await expectNoReproductionPoolsLeft();
    },
    180_000,
  );
});

/**
 * cognito-local answers AdminInitiateAuth with an unknown pool id (and the client and refresh token of a real
 * pool) with 200, not 400 ResourceNotFoundException. Its report once numbered that id like the real ones, and
 * `reproduce` then sent every id unknown, got the 400, and said "not reproduced".
 */
describe('reproduce an error-shape deviation', () => {
  const IDENTITY = 'AdminInitiateAuth error-shape wrong-error /$status';
  let adminPath: string;
  let admin: LocatedDeviation;

  beforeAll(async () => {
    const run = await runCli(
      ['run', '--ops', 'AdminInitiateAuth', '--seed', '7', '--report-only', '--out', join(dir, 'admin')],
      { timeoutMs: 300_000 },
    );
    expect(run.code, describeResult(run)).toBe(0);
    adminPath = join(dir, 'admin', 'report.json');
    const found = locateDeviations(JSON.parse(await readFile(adminPath, 'utf8')) as Report).find(
      (entry) =>
        `${entry.operation} ${entry.deviation.check} ${entry.deviation.kind} ${entry.deviation.path}` ===
        IDENTITY,
    );
    expect(found, `the report has ${IDENTITY}`).toBeDefined();
    admin = found as LocatedDeviation;
  }, 320_000);

  it('the report names the unknown pool id as it is, and the real client and token by token', async () => {
    expect(admin.deviation.request).toMatchObject({
      UserPoolId: UNKNOWN_USER_POOL_ID,
      ClientId: '<redacted:ClientId>',
    });
    expect(JSON.stringify(admin.deviation.request)).toContain('<redacted:REFRESH_TOKEN>');
    expect(await readFile(join(dir, 'admin', 'report.md'), 'utf8')).toContain(UNKNOWN_USER_POOL_ID);
  });

  it('is still broken through reproduce against a freshly started cognito-local', async () => {
    const result = await runCli(['reproduce', adminPath, IDENTITY], { timeoutMs: 240_000 });
    expect(result.code, describeResult(result)).toBe(1);
    expect(result.stdout).toMatch(/^still broken: AdminInitiateAuth error-shape wrong-error \/\$status/m);
    expect(result.stdout).toMatch(/^< HTTP 200$/m);
    // The request as sent: the unknown pool id as it is, the client made for it (redacted).
    expect(result.stdout).toMatch(
      /^> \{"UserPoolId":"us-east-1_Unknown000","ClientId":"<redacted:ClientId>"/m,
    );
  }, 240_000);

  it.skipIf(spawnSync('aws', ['--version']).status !== 0)(
    "the report's script shows it with sh, and deletes what it made",
    async () => {
      const script = join(dir, 'error-shape.sh');
      await writeFile(script, `${admin.deviation.reproduce.command}\n`);
      const result = spawnSync('sh', [script], {
        encoding: 'utf8',
        env: { ...process.env, ENDPOINT: target.descriptor.endpoint },
        timeout: 120_000,
      });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/^HTTP\/1\.1 200 /m);
      await expectNoReproductionPoolsLeft();
    },
    180_000,
  );
});

/** The target holds no pool a reproduction or its script made (they are named `cc-repro…`). */
async function expectNoReproductionPoolsLeft(): Promise<void> {
  const wire = new WireClient(target.descriptor);
  try {
    const listed = await wire.send('ListUserPools', { MaxResults: 60 });
    const pools = (listed.output?.['UserPools'] ?? []) as { Name?: string }[];
    expect(pools.filter((pool) => pool.Name?.startsWith('cc-repro'))).toEqual([]);
  } finally {
    wire.destroy();
  }
}
