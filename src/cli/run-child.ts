import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildSignals } from './child-signals.ts';
import { EXIT_FAILURE, EXIT_INTERRUPTED } from './exit-codes.ts';

/** This project's own bin, run as a user runs it (the same Node; the bin registers tsx's loader itself). */
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'cognito-conformance.mjs');

/**
 * Runs `cognito-conformance <args>` in a child process of its own, with `env` added to this process's
 * environment, and waits for it. Both of the child's streams go to this process's standard error as they come,
 * so this command's standard output stays its own. The child gets Ctrl-C through `signals`.
 * @returns the child's exit code; {@link EXIT_INTERRUPTED} when `signals` saw an interrupt, {@link EXIT_FAILURE}
 * when something else killed it.
 * @throws Error when Node cannot start the child.
 */
export function runOwnCli(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  signals: ChildSignals,
): Promise<number> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', process.stderr.fd, process.stderr.fd],
    detached: true,
  });
  signals.track(child);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`cannot start ${BIN}: ${error.message}`)));
    child.once('exit', (code) => {
      if (signals.interrupted) resolve(EXIT_INTERRUPTED);
      else resolve(code ?? EXIT_FAILURE);
    });
  });
}
