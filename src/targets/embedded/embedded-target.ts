import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetDescriptor } from '../../wire/index.ts';
import { EMULATOR_CREDENTIALS, type StartedTarget } from '../target.ts';
import { findFreePort } from './free-port.ts';

const require = createRequire(import.meta.url);
const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'cognito-local-entry.cjs');
const READY_LINE = /Cognito Local running on (https?:\/\/\S+)/;
const LOG_LINES_KEPT = 40;

export interface EmbeddedTargetOptions {
  /** How long start-up may take before it is reported as failed. */
  readonly startupTimeoutMs?: number;
  /** Parent directory for the throwaway data directory (default: the OS temp dir). */
  readonly tmpRoot?: string;
  /** The script that starts the emulator; tests point it elsewhere to simulate a start-up failure. */
  readonly startScript?: string;
}

/** The installed cognito-local version, for the report. */
export function cognitoLocalVersion(): string {
  const manifest = require.resolve('cognito-local/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Starts cognito-local (the embedded default target) in a child process on 127.0.0.1 with a fresh port
 * and data directory. A child process rather than the in-process API because cognito-local changes
 * the working directory, which vitest's thread workers forbid, and because a child can be killed
 * cleanly when a run is interrupted.
 */
export async function startEmbeddedTarget(options: EmbeddedTargetOptions = {}): Promise<StartedTarget> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(options.tmpRoot ?? tmpdir(), 'cognito-conformance-'));
  const child = fork(ENTRY, [], {
    cwd: dataDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      COGNITO_LOCAL_START_SCRIPT: options.startScript ?? require.resolve('cognito-local/lib/bin/start.js'),
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      NODE_NO_WARNINGS: '1',
    },
    // Not the parent's loader flags (tsx, vitest): the emulator is plain CommonJS and runs from its data dir.
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stopper = new ChildStopper(child, dataDir);
  try {
    const endpoint = await waitUntilReady(child, options.startupTimeoutMs ?? 20_000);
    const descriptor: TargetDescriptor = {
      kind: 'embedded',
      name: 'cognito-local',
      emulator: 'cognito-local',
      endpoint,
      version: cognitoLocalVersion(),
      region: 'us-east-1',
      credentials: EMULATOR_CREDENTIALS,
    };
    return {
      descriptor,
      stop: () => stopper.stop(),
      [Symbol.asyncDispose]: () => stopper.stop(),
    };
  } catch (error) {
    await stopper.stop();
    throw error;
  }
}

function waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  const recent: string[] = [];
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      const tail = recent.length > 0 ? `\nLast output:\n${recent.join('\n')}` : '';
      reject(new Error(`embedded target (cognito-local): ${why}${tail}`));
    };
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > LOG_LINES_KEPT) recent.shift();
      const ready = READY_LINE.exec(stripAnsi(line));
      if (ready?.[1]) {
        cleanup();
        resolve(ready[1]);
      }
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited during start-up (code ${code ?? 'none'}, signal ${signal ?? 'none'})`);
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    const stopReading = [readLines(child.stdout, onLine), readLines(child.stderr, onLine)];
    child.once('exit', onExit);
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
    function cleanup() {
      clearTimeout(timer);
      child.off('exit', onExit);
      for (const stop of stopReading) stop();
    }
  });
}

/** Feeds complete lines to `onLine` until the returned function is called; the stream keeps draining after. */
function readLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): () => void {
  if (!stream) return () => undefined;
  let buffered = '';
  let active = true;
  stream.on('data', (chunk: Buffer) => {
    if (!active) return;
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  return () => {
    active = false;
  };
}

function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Stops the child once, escalating to SIGKILL, and removes the data directory whatever happened. */
class ChildStopper {
  private stopping?: Promise<void>;
  private readonly onParentExit = () => {
    this.child.kill('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  };

  constructor(
    private readonly child: ChildProcess,
    private readonly dataDir: string,
  ) {
    process.once('exit', this.onParentExit);
  }

  stop(): Promise<void> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  private async stopOnce(): Promise<void> {
    process.off('exit', this.onParentExit);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      if (this.child.kill('SIGTERM')) {
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    }
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
