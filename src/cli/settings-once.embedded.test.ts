import { spawn, spawnSync } from 'node:child_process';
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

describe('the sweep after workers were killed hard', () => {
  const standIn = useStandInTarget();
  const poolsWithPrefix = (prefix: string) => standIn.poolsWithPrefix(prefix);

  it('removes every pool under the prefix the workers created, which is the prefix it printed', async () => {
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
      ].concat(['--runs', '200', '--report-only', '--out', join(dir, 'killed')]),
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
    // Freeze the workers first, so that none can finish a test and delete its pools between the look and the
    // kill; thaw and look again until the frozen workers hold pools under the prefix.
    let workers: number[] = [];
    let orphaned: unknown[] = [];
    while (orphaned.length === 0) {
      if (Date.now() > deadline) throw new Error(`the workers never held a pool under ${prefix}:\n${stderr}`);
      for (const pid of workers) signal(pid, 'SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, 200));
      workers = childrenOf(cli.pid as number);
      for (const pid of workers) signal(pid, 'SIGSTOP');
      orphaned = await poolsWithPrefix(prefix);
    }

    // Act: the workers die without their teardown; only the CLI's sweep can delete their pools.
    for (const pid of workers) signal(pid, 'SIGKILL');
    const code = await exited;

    // Assert
    expect(code, stderr).not.toBeNull();
    expect(stderr).toMatch(new RegExp(`cleanup: deleted \\d+ leftover pool\\(s\\) with prefix ${prefix}`));
    expect(await poolsWithPrefix(prefix)).toEqual([]);
    expect(await poolsWithPrefix('cc-')).toEqual([]);
  }, 240_000);
});

/** The pids of a process's direct children (vitest's fork workers, for the CLI). */
function childrenOf(pid: number): number[] {
  // ps exits 1 when the process has no children yet: an empty list, not an error.
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((child) => Number.isInteger(child) && child > 0);
}

/** Sends a signal to a process that may have exited meanwhile. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
