import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeResult, runCli, type CliResult } from './test-support/run-cli.ts';

/**
 * The CLI's contract with a user at a terminal or a CI script, through the real bin in a child process:
 * every command explains itself, and every mistake is exit 2 with one clear message, never a stack trace.
 * Nothing here needs a target, so the cases run concurrently.
 */
const COMMANDS = ['run', 'report', 'diff', 'sdk-diff', 'merge', 'reproduce', 'cleanup'] as const;
const STACK_FRAME = /^\s+at .+\(.+:\d+:\d+\)$/m;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-cli-usage-'));
  await writeFile(join(dir, 'corrupt.json'), '{"schemaVersion": 1, "tool": ');
  await writeFile(join(dir, 'not-a-report.json'), '{"schemaVersion": 1}\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectUsageError(result: CliResult, ...fragments: string[]): void {
  expect(result.code, describeResult(result)).toBe(2);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
  expect(result.stderr).not.toMatch(STACK_FRAME);
}

// Generous: two CLIs run at a time (see runCli) and a loaded CI machine starts Node slowly.
describe.concurrent('cognito-conformance usage', { timeout: 180_000 }, () => {
  it.each(COMMANDS)('%s --help prints the usage and the flags, exit 0', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code, describeResult(result)).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: cognito-conformance ${command}\\b`));
    expect(result.stdout).toContain('--help, -h');
  });

  it('--help lists every command, exit 0; no command at all is exit 2', async () => {
    const [help, none] = await Promise.all([runCli(['--help']), runCli([])]);
    expect(help.code, describeResult(help)).toBe(0);
    for (const command of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    expect(none.code, describeResult(none)).toBe(2);
  });

  it('an unknown flag is exit 2 with the closest flag as a hint', async () => {
    expectUsageError(
      await runCli(['run', '--porfile', 'quick']),
      'unknown flag --porfile',
      'did you mean --profile?',
    );
  });

  it('an unknown command is exit 2 and lists the commands', async () => {
    const result = await runCli(['rnu']);
    expectUsageError(result, 'unknown command rnu', 'Commands:');
  });

  it('a name from Object.prototype is not a command', async () => {
    expectUsageError(await runCli(['toString']), 'unknown command toString');
  });

  it.each([
    ['run', '--format', 'json,pdf'],
    ['merge', 'a.json', '--format', 'xml'],
    ['diff', 'a.json', 'b.json', '--out', 'x', '--format', 'html'],
  ])('a bad --format for %s is exit 2 naming the allowed formats', async (...args) => {
    expectUsageError(await runCli(args), 'unknown --format', 'use a comma-separated list of');
  });

  it.each([['Nope'], ['CreateUserPool,Nope']])(
    'an unknown --ops name (%s) is exit 2 before anything starts, listing the operations',
    async (ops) => {
      const result = await runCli(['run', '--ops', ops], { timeoutMs: 60_000 });
      expectUsageError(result, '--ops: unknown operation Nope', 'use one of AddCustomAttributes');
      expect(result.durationMs).toBeLessThan(15_000);
    },
  );

  it.each([
    [['--seed', 'abc'], 'run: --seed takes a whole number'],
    [['--runs', '0'], 'run: --runs takes a positive whole number'],
    [['--concurrency', '0'], 'run: --concurrency takes a positive whole number'],
    [['--profile', 'fast'], 'run: --profile fast: unknown profile; use quick or thorough'],
  ])('a bad %j is exit 2 naming the flag, not the environment variable', async (flags, message) => {
    const result = await runCli(['run', ...flags]);
    expectUsageError(result, message);
    expect(result.stderr).not.toContain('COGNITO_CONFORMANCE_');
  });

  it('a bad --shard is exit 2 before anything starts', async () => {
    expectUsageError(await runCli(['run', '--shard', '3/2']), '--shard 3/2');
  });

  it('an endpoint with nothing listening is exit 2 within seconds, naming the target', async () => {
    const result = await runCli(
      ['run', '--endpoint', 'http://127.0.0.1:9', '--ops', 'ListUserPools', '--runs', '3'],
      { timeoutMs: 60_000 },
    );
    expectUsageError(result, 'endpoint target http://127.0.0.1:9', 'not reachable');
    // Node, tsx and vitest start-up are most of it (about 4 s on an idle machine); the probe itself gives up on
    // a refused connection at once, and would after 5 s on a silent one. No retries with back-off.
    expect(result.durationMs).toBeLessThan(20_000);
  });

  it.each([['report', '--html', 'x.html'], ['diff', 'base.json'], ['merge']])(
    '%s without enough report files is exit 2',
    async (...args) => {
      expectUsageError(await runCli(args, { cwd: dir }), `${args[0]}: give`);
    },
  );

  it.each(['report', 'diff', 'merge'] as const)(
    '%s names a missing, a corrupt and an invalid input file',
    async (command) => {
      const extra =
        command === 'report'
          ? ['--html', join(dir, `${command}.html`)]
          : command === 'merge'
            ? ['--out', join(dir, 'merged')]
            : [];
      const missing = await runCli([command, join(dir, 'missing.json'), join(dir, 'missing.json'), ...extra]);
      expectUsageError(missing, `cannot read report ${join(dir, 'missing.json')}: no such file`);
      const corrupt = await runCli([command, join(dir, 'corrupt.json'), join(dir, 'corrupt.json'), ...extra]);
      expectUsageError(corrupt, `${join(dir, 'corrupt.json')} is not JSON`);
      const invalid = await runCli([
        command,
        join(dir, 'not-a-report.json'),
        join(dir, 'not-a-report.json'),
        ...extra,
      ]);
      expectUsageError(
        invalid,
        `${join(dir, 'not-a-report.json')} is not a valid cognito-conformance report`,
      );
    },
  );

  it('cleanup refuses a prefix shorter than 3 characters and a target it cannot clean', async () => {
    const [short, embedded] = await Promise.all([
      runCli(['cleanup', '--target', 'endpoint', '--endpoint', 'http://127.0.0.1:9', '--prefix', 'cc']),
      runCli(['cleanup', '--target', 'embedded', '--prefix', 'cc-x-']),
    ]);
    expectUsageError(short, '--prefix "cc" is too short');
    expectUsageError(embedded, '--target must be aws or endpoint');
  });

  it('cleanup --target aws without --allow-aws is exit 2 with the opt-in message', async () => {
    const result = await runCli(['cleanup', '--target', 'aws', '--prefix', 'cc-x-'], {
      env: {
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'dummy-secret',
        COGNITO_CONFORMANCE_ALLOW_AWS: undefined,
      },
    });
    expectUsageError(result, 'refusing to run against real AWS without an explicit opt-in', '--allow-aws');
  });
});
