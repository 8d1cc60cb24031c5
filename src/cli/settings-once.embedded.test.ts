import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityOf, locateDeviations, normaliseDeviation, type Report } from '../deviations/index.ts';
import { BIN, cliEnv, describeResult, runCli } from './test-support/run-cli.ts';
import { useStandInTarget } from './test-support/stand-in-target.ts';

/**
 * Settings are resolved once per run: the CLI draws the seed, run id and prefix, prints them in its header,
 * and hands exactly those to vitest's global set-up and workers. Neither test sets a seed or run id.
 */
const NO_RUN_SETTINGS = { COGNITO_CONFORMANCE_SEED: undefined, COGNITO_CONFORMANCE_RUN_ID: undefined };

/** `run: target … · profile quick · seed N · prefix cc-…-` */
function header(stderr: string): { seed: number; prefix: string } {
  const match = /^run: target .* · seed (-?\d+) · prefix (\S+)$/m.exec(stderr);
  if (!match) throw new Error(`no run header in:\n${stderr}`);
  return { seed: Number(match[1]), prefix: match[2] as string };
}

/** A report's deviations as comparable text: identity and normalised content, without the run's endpoint. */
function deviationsOf(report: Report): string[] {
  return locateDeviations(report)
    .map((located) => {
      const { reproduce: _reproduce, ...content } = normaliseDeviation(located.deviation);
      return `${identityOf(located)} ${JSON.stringify(content)}`
        .split(report.target.endpoint)
        .join('<endpoint>');
    })
    .sort();
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-settings-once-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a run without --seed and without a run id', () => {
  it('prints the seed it records in report.json, and that seed replays the same deviations', async () => {
    // Arrange: the operations whose requests carry client ids, SRP values and generated names.
    const args = ['run', '--ops', 'InitiateAuth,ListUserPools', '--runs', '3', '--report-only'];

    // Act
    const first = await runCli([...args, '--out', join(dir, 'first')], { env: NO_RUN_SETTINGS });
    expect(first.code, describeResult(first)).toBe(0);
    const { seed } = header(first.stderr);
    const recorded = JSON.parse(await readFile(join(dir, 'first', 'report.json'), 'utf8')) as Report;
    const again = await runCli([...args, '--seed', String(seed), '--out', join(dir, 'again')], {
      env: NO_RUN_SETTINGS,
    });
    expect(again.code, describeResult(again)).toBe(0);
    const replayed = JSON.parse(await readFile(join(dir, 'again', 'report.json'), 'utf8')) as Report;

    // Assert
    expect(recorded.run.seed).toBe(seed);
    expect(header(again.stderr).seed).toBe(seed);
    expect(recorded.summary.deviations).toBeGreaterThan(0);
    expect(deviationsOf(replayed)).toEqual(deviationsOf(recorded));
  }, 300_000);
});

describe('the sweep at the end of a run', () => {
  const standIn = useStandInTarget();
  const poolsWithPrefix = (prefix: string) => standIn.poolsWithPrefix(prefix);

  it('finds the pools the workers made under the prefix it printed, and sweeps what they left behind', async () => {
    // Arrange: a long run against an endpoint the test owns, so the pools outlive the run unless swept.
    const cli = spawn(
      process.execPath,
      [
        BIN,
        'run',
        '--endpoint',
        standIn.target().descriptor.endpoint,
        '--ops',
        'CreateUserPool,UpdateUserPool',
      ].concat(['--runs', '200', '--report-only', '--out', join(dir, 'interrupted')]),
      { env: cliEnv({}), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!/^run: target .* prefix \S+$/m.test(stderr)) {
      if (Date.now() > deadline) throw new Error(`no header:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { prefix } = header(stderr);
    // Freeze the whole run (its worker threads with it) until the workers hold pools under the printed prefix.
    let held: unknown[] = [];
    while (held.length === 0) {
      if (Date.now() > deadline) throw new Error(`the workers never held a pool under ${prefix}:\n${stderr}`);
      signal(cli.pid as number, 'SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, 200));
      signal(cli.pid as number, 'SIGSTOP');
      held = await poolsWithPrefix(prefix);
    }
    // What a worker that died mid-test would leave: a pool under the prefix that no teardown will delete.
    await standIn.createPool(`${prefix}left-behind`);

    // Act: interrupt the run; the tests in flight clean up, and the CLI sweeps the rest.
    signal(cli.pid as number, 'SIGCONT');
    signal(cli.pid as number, 'SIGINT');
    const code = await exited;

    // Assert
    expect(code, stderr).not.toBeNull();
    expect(stderr).toMatch(new RegExp(`cleanup: deleted \\d+ leftover pool\\(s\\) with prefix ${prefix}`));
    expect(await poolsWithPrefix(prefix)).toEqual([]);
    expect(await poolsWithPrefix('cc-')).toEqual([]);
  }, 240_000);
});

/** Sends a signal to a process that may have exited meanwhile. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
