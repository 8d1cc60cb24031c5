import { spawn } from 'node:child_process';
import { access, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDiff } from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import { startEmbeddedTarget } from '../targets/index.ts';
import { DEFAULT_SDK_CACHE_DIR, sdkDirFor } from './sdk-install.ts';
import { startRecordingProxy } from './test-support/recording-proxy.ts';
import { BIN, cliEnv, describeResult, PROJECT_ROOT, runCli } from './test-support/run-cli.ts';

/**
 * `sdk-diff` for real: both SDK versions installed from the npm registry into the project's default cache (kept
 * between runs, so only the first run of this file installs: about 5 s here), one small operation run with each
 * against the target, and the two reports diffed. The versions are the two the brief names: 3.600.0, two years
 * older than the pinned 3.1169.0.
 */
const [FROM, TO] = ['3.600.0', '3.1169.0'];
// CreateUserPool: the two versions read some of its answers differently (sdk-parse). InitiateAuth: its tokens carry
// each run's own issuer (the port), which the diff must not take for a difference.
const SDK_DIFF = [
  'sdk-diff',
  '--from',
  FROM,
  '--to',
  TO,
  '--ops',
  'DescribeUserPool,CreateUserPool,InitiateAuth',
  '--seed',
  '5',
];
/** A host with a port, in any form a run's endpoint or an issuer takes. */
const HOST_PORT =
  /\b(?:\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[0-9a-f:]*\]):\d{1,5}\b|https?:\/\/[^\s/`"]+:\d{1,5}\b/i;
/** Values no two runs share: endpoints, pool and app client ids, UUIDs (issuers hold the pool id and endpoint). */
const VOLATILE = [
  new RegExp(HOST_PORT.source, 'gi'),
  /\b[a-z]{2}-[a-z]+-\d_[0-9A-Za-z]+\b/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b[0-9a-z]{26}\b/g,
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-sdk-diff-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

function withoutVolatile(value: unknown): string {
  return VOLATILE.reduce(
    (text, pattern) => text.replace(pattern, '<volatile>'),
    JSON.stringify(value ?? null),
  );
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('sdk-diff', () => {
  it(
    `installs ${FROM} and ${TO}, runs each against its own embedded cognito-local with one seed, and diffs the reports`,
    { timeout: 600_000 },
    async () => {
      const out = join(dir, 'embedded');
      const result = await runCli([...SDK_DIFF, '--out', out], { timeoutMs: 580_000 });
      expect([0, 1], describeResult(result)).toContain(result.code);
      const diff = await readJson<ReportDiff & { exitCode: number }>(join(out, 'diff.json'));
      const newErrors = diff.operations.some(
        (op) =>
          op.new.some((d) => d.severity === 'error') ||
          op.changed.some((c) => c.after.severity === 'error' && c.before.severity !== 'error'),
      );
      expect(result.code, describeResult(result)).toBe(newErrors ? 1 : 0);
      expect(diff.exitCode).toBe(result.code);

      const [before, after] = await Promise.all(
        [FROM, TO].map((version) => readJson<Report>(join(out, version, 'report.json'))),
      );
      expect([before?.sdk.version, after?.sdk.version]).toEqual([FROM, TO]);
      for (const report of [before, after]) {
        expect(report?.run.seed).toBe(5);
        expect(report?.target.kind).toBe('embedded');
        expect(report?.operations.map((op) => op.operation)).toContain('DescribeUserPool');
      }
      expect(before?.target.endpoint).not.toBe(after?.target.endpoint); // a fresh emulator for each run
      expect([diff.base.sdk, diff.head.sdk]).toEqual([FROM, TO]);
      // What differs is the SDK's reading: 3.600.0 cannot read an answer holding an object where a string belongs,
      // 3.1169.0 passes it on. Nothing else differs: the same seed sent the same requests.
      const differing = diff.operations.flatMap((op) =>
        [...op.new, ...op.fixed, ...op.changed.map((c) => c.after)].map((d) => `${op.operation} ${d.check}`),
      );
      expect(differing).toContain('CreateUserPool sdk-parse');
      expect(new Set(differing)).toEqual(new Set(['CreateUserPool sdk-parse']));
      expect(diff.operations.find((op) => op.operation === 'CreateUserPool')?.fixed).toContainEqual(
        expect.objectContaining({ check: 'sdk-parse', kind: 'unreadable', severity: 'error' }),
      );
      for (const report of [before, after])
        expect(report?.operations.find((op) => op.operation === 'InitiateAuth')?.sdkSent?.headers).toContain(
          'x-amz-target',
        );

      const markdown = await readFile(join(out, 'diff.md'), 'utf8');
      expect(result.stdout).toBe(markdown);
      expect(markdown).toMatch(
        new RegExp(`^# Report diff: cognito-local \\(SDK ${FROM}\\) → cognito-local \\(SDK ${TO}\\)\n`),
      );
      for (const line of markdown.split('\n')) {
        expect(line).not.toContain('127.0.0.1');
        expect(line).not.toContain('localhost:');
        expect(line).not.toMatch(HOST_PORT);
      }
      for (const change of diff.operations.flatMap((op) => op.changed))
        expect(
          change.fields.some(
            (field) => withoutVolatile(change.before[field]) !== withoutVolatile(change.after[field]),
          ),
          `a change only in ports or ids: ${JSON.stringify(change)}`,
        ).toBe(true);

      const headings = result.stderr.split('\n').filter((line) => line.startsWith('── sdk-diff'));
      expect(headings).toEqual([
        `── sdk-diff 1/2: @aws-sdk/client-cognito-identity-provider ${FROM} ──`,
        `── sdk-diff 2/2: @aws-sdk/client-cognito-identity-provider ${TO} ──`,
      ]);
      expect(result.stderr).toContain(' · seed 5 · ');
      expect(result.stderr).toContain(`wrote ${join(out, 'diff.md')}`);
      // The last line says why it exits as it does.
      expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
        result.code === 1
          ? new RegExp(
              `^sdk-diff: exit 1: \\d+ new error deviations? with ${TO} \\(first: \\w+ \\S+ \\S+ .+\\)$`,
            )
          : new RegExp(`^sdk-diff: no new error deviation with ${TO}$`),
      );
      await expectBothVersionsCached();
    },
  );

  it(
    "sends every suite request of a run through that run's SDK (the user agent names its version)",
    { timeout: 300_000 },
    async () => {
      const target = await startEmbeddedTarget();
      const proxy = await startRecordingProxy(target.descriptor.endpoint);
      try {
        const out = join(dir, 'endpoint');
        const result = await runCli([...SDK_DIFF, '--endpoint', proxy.endpoint, '--out', out], {
          timeoutMs: 280_000,
        });
        expect(result.code, describeResult(result)).not.toBe(2);
        const reports = await Promise.all(
          [FROM, TO].map((v) => readJson<Report>(join(out, v, 'report.json'))),
        );
        expect(reports.map((r) => [r.sdk.version, r.target.kind])).toEqual([
          [FROM, 'endpoint'],
          [TO, 'endpoint'],
        ]);
        // Only the suite's workers send DescribeUserPool (the CLI's own sweep lists and deletes pools, with the
        // project's SDK). The first run's must all name 3.600.0, the second's all another version: 3.1169.0's
        // bundle names itself 3.1168.0 (its dist-cjs inlines `version = "3.1168.0"`), so it is not compared to TO.
        const versions = proxy.exchanges
          .filter((exchange) => exchange.target?.endsWith('.DescribeUserPool'))
          .map((exchange) => /\baws-sdk-js\/(\S+)/.exec(exchange.userAgent)?.[1] ?? '(none)');
        const firstOfSecondRun = versions.findIndex((version) => version !== FROM);
        expect(firstOfSecondRun, versions.join(' ')).toBeGreaterThan(0);
        const second = versions[firstOfSecondRun];
        expect(second).not.toBe('(none)');
        expect(
          versions.slice(firstOfSecondRun).every((version) => version === second),
          versions.join(' '),
        ).toBe(true);
      } finally {
        await proxy.close();
        await target.stop();
      }
    },
  );

  it(
    'stops on Ctrl-C during the first run: the run is interrupted, exit 130, no second run and no diff',
    { timeout: 120_000 },
    async () => {
      const out = join(dir, 'interrupted');
      const child = spawn(process.execPath, [BIN, ...SDK_DIFF, '--out', out], {
        cwd: PROJECT_ROOT,
        env: cliEnv({}),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let pressed = false;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.stdout.resume();
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        // Once the first run has started its target: Ctrl-C while it works (to sdk-diff only, as the terminal
        // would: the run is in a process group of its own).
        if (!pressed && /^run: target /m.test(stderr)) {
          pressed = true;
          child.kill('SIGINT');
        }
      });
      const code = await exited;
      expect(code, stderr).toBe(130);
      expect(stderr).toContain('interrupted: cancelling the run, then cleaning up'); // run's own, once
      expect(stderr).toContain('sdk-diff: interrupted during the run with 3.600.0; no diff');
      expect(stderr).not.toContain('── sdk-diff 2/2');
      expect(await exists(join(out, 'diff.md'))).toBe(false);
    },
  );

  it(
    'names the version npm cannot install and quotes npm, exit 2; the versions already installed stay',
    { timeout: 120_000 },
    async () => {
      const out = join(dir, 'unknown-version');
      const result = await runCli([
        'sdk-diff',
        '--from',
        FROM,
        '--to',
        '3.99999.0',
        '--ops',
        'DescribeUserPool',
        '--out',
        out,
      ]);
      expect(result.code, describeResult(result)).toBe(2);
      expect(result.stderr).toContain(
        `cognito-conformance sdk-diff: npm could not install @aws-sdk/client-cognito-identity-provider 3.99999.0 into ${DEFAULT_SDK_CACHE_DIR} (npm exited 1)`,
      );
      expect(result.stderr).toMatch(
        /^ {2}npm error .*No matching version found for @aws-sdk\/client-cognito-identity-provider@3\.99999\.0/m,
      );
      expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(await exists(out)).toBe(false);
      await expectBothVersionsCached();
    },
  );

  it(
    'installs again a cached version whose dependency is gone, then runs with it',
    { timeout: 300_000 },
    async () => {
      // A copy of the default cache (the first test filled it), so the project's own stays whole.
      const cache = join(dir, 'damaged-cache');
      await cp(DEFAULT_SDK_CACHE_DIR, cache, { recursive: true });
      await rm(join(cache, 'node_modules', '@smithy', 'smithy-client'), { recursive: true });
      const out = join(dir, 'damaged');
      const result = await runCli(
        [
          'sdk-diff',
          '--from',
          FROM,
          '--to',
          TO,
          '--ops',
          'DescribeUserPool',
          '--seed',
          '5',
          '--cache-dir',
          cache,
          '--out',
          out,
        ],
        { timeoutMs: 280_000 },
      );
      expect(result.code, describeResult(result)).toBe(0);
      // 3.1169.0 no longer depends on @smithy/smithy-client: only 3.600.0 is broken (npm is given both).
      expect(result.stderr).toContain(
        `sdk-diff: @aws-sdk/client-cognito-identity-provider ${FROM} in ${sdkDirFor(cache, FROM)} is broken ` +
          '(@smithy/smithy-client, a dependency of @aws-sdk/client-cognito-identity-provider, is missing); ' +
          'installing it again',
      );
      expect(result.stderr).not.toContain(`${TO} in ${sdkDirFor(cache, TO)} is broken`);
      expect(result.stderr).toMatch(/^sdk-diff: installed in /m);
      expect(result.stderr).not.toContain('Require stack');
      const reports = await Promise.all(
        [FROM, TO].map((version) => readJson<Report>(join(out, version, 'report.json'))),
      );
      expect(reports.map((report) => report.sdk.version)).toEqual([FROM, TO]);
      expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(`sdk-diff: no new error deviation with ${TO}`);
    },
  );
});

/** Both versions are in the default cache, each its own version (the install kept what was there). */
async function expectBothVersionsCached(): Promise<void> {
  for (const version of [FROM, TO])
    expect(
      await readJson<{ version: string }>(join(sdkDirFor(DEFAULT_SDK_CACHE_DIR, version), 'package.json')),
    ).toMatchObject({ version });
}
