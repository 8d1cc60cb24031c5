import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The project root and its bin, as an installed user runs it. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN = join(PROJECT_ROOT, 'bin', 'cognito-conformance.mjs');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export interface RunCliOptions {
  /** Added to a cleaned copy of this process's environment (`undefined` removes a variable). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Killed (SIGKILL) after this long; the result then has `signal` set. */
  readonly timeoutMs?: number;
  /**
   * Run with stdout on a pseudo-terminal (through util-linux `script`), as in an interactive shell. stderr
   * still comes back separately, and `stdout` has the terminal's CRLF line ends turned back into LF.
   */
  readonly onTerminal?: boolean;
  /** The script to run instead of the bin, e.g. {@link VITEST_BIN} for plain vitest. */
  readonly entry?: string;
}

/** vitest's own command line, for tests of what plain `vitest run --project conformance` does. */
export const VITEST_BIN = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

/** At most this many CLIs at once per test file: each is a Node process with tsx, and CI machines have few cores. */
const MAX_RUNNING = 2;
const running = new Set<ChildProcess>();
const waiting: (() => void)[] = [];

/** A test that times out leaves its CLI running; whatever is still running goes when the test worker exits. */
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Runs the real bin in a child process and collects everything it printed. The environment is this
 * process's minus what vitest (VITEST_*, TEST, NODE_ENV) and the suite's own settings put there, so a test
 * sees what a user's shell would give the CLI, plus `options.env`. `CI` is set unless the test says
 * otherwise: progress lines are for terminals. Calls beyond `MAX_RUNNING` wait their turn (the wait does
 * not count towards `durationMs`).
 */
export async function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  while (running.size >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  const terminal = options.onTerminal ? await mkdtemp(join(tmpdir(), 'cc-run-cli-')) : undefined;
  const [command, commandArgs] =
    terminal === undefined
      ? [process.execPath, [options.entry ?? BIN, ...args]]
      : onPseudoTerminal(args, join(terminal, 'stderr'));
  const child = spawn(command, commandArgs, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: cliEnv(options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  try {
    const result = await collect(child, options.timeoutMs ?? 240_000);
    if (terminal === undefined) return result;
    return {
      ...result,
      stdout: result.stdout.replace(/\r\n/g, '\n'),
      stderr: await readFile(join(terminal, 'stderr'), 'utf8').catch(() => ''),
    };
  } finally {
    running.delete(child);
    waiting.shift()?.();
    if (terminal !== undefined) await rm(terminal, { recursive: true, force: true });
  }
}

/** `script -qec '<bin> <args> 2>stderrFile' /dev/null`: stdout on a pty, stderr kept apart, the bin's exit code. */
function onPseudoTerminal(args: readonly string[], stderrFile: string): [string, string[]] {
  return [
    'script',
    ['-qec', `${shellWords([process.execPath, BIN, ...args])} 2>${shellWords([stderrFile])}`, '/dev/null'],
  ];
}

function shellWords(words: readonly string[]): string {
  return words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
}

function collect(
  child: ChildProcessByStdio<null, Readable, Readable>,
  timeoutMs: number,
): Promise<CliResult> {
  const started = Date.now();
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        durationMs: Date.now() - started,
      });
    });
  });
}

/** What a failed expectation should show: the exit and both streams. */
export function describeResult(result: CliResult): string {
  return `exit ${result.code ?? result.signal} after ${result.durationMs} ms\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/**
 * The environment a user's shell would give the CLI: this process's, minus vitest's (VITEST_*, TEST, NODE_ENV)
 * and the suite's own settings, with `CI` set (progress lines are for terminals), plus `extra` (`undefined`
 * removes a variable).
 */
export function cliEnv(extra: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      name.startsWith('VITEST') ||
      name.startsWith('COGNITO_CONFORMANCE_') ||
      name === 'GITHUB_STEP_SUMMARY' ||
      name === 'NODE_OPTIONS' ||
      name === 'NODE_ENV' ||
      name === 'TEST'
    )
      continue;
    env[name] = value;
  }
  env['CI'] = '1';
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
