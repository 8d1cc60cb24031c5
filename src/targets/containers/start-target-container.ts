import { randomUUID } from 'node:crypto';
import type { ContainerRuntimeClient, GenericContainer, StartedTestContainer } from 'testcontainers';
import { ensureImageAvailable } from './container-image-check.ts';
import { ContainerLogTail } from './container-log-tail.ts';
import { assertContainerRuntimeReachable } from './container-runtime-check.ts';
import { LAUNCHER_LABEL } from './launcher-labels.ts';
import { withTimeout } from './with-timeout.ts';

/** Label with one launch's id, to find exactly that launch's container after a failed start. */
export const LAUNCH_ID_LABEL = 'cognito-conformance.launch-id';

/** Default bound on an emulator's start-up: from `start` until its ready line is logged. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;

/**
 * Time allowed on top of the start-up timeout for creating and starting the container and binding its ports
 * (testcontainers waits up to 10 s for port bindings before the ready-line wait even begins).
 */
const ENGINE_GRACE_MS = 20_000;

/** Bound on subscribing to the engine's events; the subscription only improves error messages. */
const EVENTS_CONNECT_TIMEOUT_MS = 3_000;

/** Bound on the clean-up and log collection after a failed start, so the error itself comes in bounded time. */
const DIAGNOSIS_TIMEOUT_MS = 10_000;

/** What {@link startTargetContainer} needs to know about the container it starts. */
export interface TargetContainerOptions {
  /** The target's name, e.g. `container:cognito-local`; starts every error message. */
  readonly target: string;
  /** The image reference exactly as given, for messages and the image check. */
  readonly image: string;
  /** The log line the wait strategy waits for, for messages. */
  readonly readyLog: string | RegExp;
  readonly startupTimeoutMs: number;
  readonly pullTimeoutMs?: number;
  readonly runtimeProbeTimeoutMs?: number;
}

/**
 * Starts a container-backed target with every failure bounded in time and explained: no engine (seconds),
 * a missing image that cannot be pulled, a container that exits or never logs its ready line (with its last
 * log lines, which testcontainers would otherwise delete along with the container). Whatever a failed start
 * leaves behind is removed.
 *
 * @param container The configured container; this adds labels, a log consumer (replacing any set before) and
 *   the start-up timeout.
 * @param start Calls testcontainers' own `start` (the subclass's `super.start()`).
 */
export async function startTargetContainer<T extends StartedTestContainer>(
  container: GenericContainer,
  options: TargetContainerOptions,
  start: () => Promise<T>,
): Promise<T> {
  const client = await assertContainerRuntimeReachable(
    options.target,
    options.runtimeProbeTimeoutMs !== undefined ? { timeoutMs: options.runtimeProbeTimeoutMs } : {},
  );
  await ensureImageAvailable(
    options.target,
    client,
    options.image,
    options.pullTimeoutMs !== undefined ? { pullTimeoutMs: options.pullTimeoutMs } : {},
  );

  const launchId = randomUUID();
  const tail = new ContainerLogTail();
  container
    .withLabels({ [LAUNCHER_LABEL]: options.target, [LAUNCH_ID_LABEL]: launchId })
    .withLogConsumer((stream) => tail.attach(stream))
    .withStartupTimeout(options.startupTimeoutMs);

  const exits = await watchExit(client, launchId);
  const starting = start();
  const overallMs = options.startupTimeoutMs + ENGINE_GRACE_MS;
  const exitPoll = pollForExit(client, launchId, options.startupTimeoutMs);
  try {
    return await Promise.race([
      withTimeout(starting, overallMs, `start-up did not finish within ${overallMs} ms`),
      exitPoll.exited.then((code) => {
        throw new EarlyExitError(code);
      }),
    ]);
  } catch (error) {
    // A start abandoned by the timeout may still succeed later: stop what it brings up.
    starting.then(
      (late) => late.stop().catch(() => undefined),
      () => undefined,
    );
    throw await describeStartupFailure(client, options, launchId, tail, exits, error);
  } finally {
    exitPoll.stop();
    exits.close();
  }
}

/** The launch's container was seen exited while testcontainers still waited for its ready line. */
class EarlyExitError extends Error {
  constructor(readonly exitCode: number | undefined) {
    super(`the container exited during start-up${exitCode !== undefined ? ` with code ${exitCode}` : ''}`);
  }
}

const EXIT_POLL_MS = 500;
const EXITED_STATES = new Set(['exited', 'dead', 'stopped']);

/**
 * Polls the launch's container while it starts. testcontainers learns of an early exit only when the log
 * stream ends, and Podman sometimes never ends a stream it attached to after the container had died: the
 * start would then wait out its whole timeout. Polling the state sees the exit within half a second.
 * It stops a poll interval before the start-up timeout: from then on testcontainers kills the container
 * itself, and that death is a timeout, not an exit.
 */
function pollForExit(
  client: ContainerRuntimeClient,
  launchId: string,
  startupTimeoutMs: number,
): { exited: Promise<number | undefined>; stop(): void } {
  const pollUntil = Date.now() + startupTimeoutMs - EXIT_POLL_MS;
  const dockerode = client.container.dockerode;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const exited = new Promise<number | undefined>((resolve) => {
    const poll = async (): Promise<void> => {
      if (stopped || Date.now() >= pollUntil) return;
      const found = await dockerode
        .listContainers({ all: true, filters: { label: [`${LAUNCH_ID_LABEL}=${launchId}`] } })
        .catch(() => []);
      const dead = found.find((info) => EXITED_STATES.has(String(info.State).toLowerCase()));
      if (dead && Date.now() < pollUntil) {
        const state = await dockerode
          .getContainer(dead.Id)
          .inspect()
          .then(
            (inspected) => inspected.State,
            () => undefined,
          );
        resolve(state?.ExitCode);
        return;
      }
      if (!stopped) timer = setTimeout(() => void poll(), EXIT_POLL_MS);
    };
    timer = setTimeout(() => void poll(), EXIT_POLL_MS);
  });
  return {
    exited,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** The exit code of a launch's container, learnt from the engine's `die` event. */
interface ExitWatch {
  exitCode(): number | undefined;
  close(): void;
}

/**
 * Follows the engine's `die` events for one launch, because testcontainers removes a container that exited
 * during start-up before reporting it, and its exit code goes with it. Best effort: an engine without an
 * events API just yields no exit code.
 */
async function watchExit(client: ContainerRuntimeClient, launchId: string): Promise<ExitWatch> {
  let exitCode: number | undefined;
  const events = await withTimeout(
    // Filtered by label only: Podman 4 does not match `event=die` (it calls the event `died` internally).
    client.container.dockerode.getEvents({ filters: { label: [`${LAUNCH_ID_LABEL}=${launchId}`] } }),
    EVENTS_CONNECT_TIMEOUT_MS,
    'events timed out',
  ).catch(() => undefined);
  let pending = '';
  events?.on('data', (chunk: Buffer | string) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const event = JSON.parse(line) as {
          Action?: string;
          Actor?: { Attributes?: Record<string, string> };
        };
        const code = event.Actor?.Attributes?.['exitCode'];
        if (event.Action === 'die' && code !== undefined && /^\d+$/.test(code)) exitCode = Number(code);
      } catch {
        // Not an event: nothing to learn from it.
      }
    }
  });
  events?.on('error', () => undefined);
  return {
    exitCode: () => exitCode,
    close: () => (events as { destroy?: () => void } | undefined)?.destroy?.(),
  };
}

/** Removes what a failed start left behind and turns testcontainers' error into one that says what to do. */
async function describeStartupFailure(
  client: ContainerRuntimeClient,
  options: TargetContainerOptions,
  launchId: string,
  tail: ContainerLogTail,
  exits: ExitWatch,
  error: unknown,
): Promise<Error> {
  const cause = error instanceof Error ? error.message : String(error);
  // After a timeout, testcontainers kills the container itself: its death then says nothing.
  const timedOut = cause.includes('not received after') || cause.includes('start-up did not finish');
  // testcontainers' log wait ends this way only when the container stopped writing logs, i.e. exited.
  let exited = !timedOut && (cause.includes('Log stream ended') || error instanceof EarlyExitError);
  let exitCode: number | undefined = error instanceof EarlyExitError ? error.exitCode : undefined;
  const dockerode = client.container.dockerode;
  const cleanUp = async (): Promise<void> => {
    const leftovers = await dockerode.listContainers({
      all: true,
      filters: { label: [`${LAUNCH_ID_LABEL}=${launchId}`] },
    });
    for (const info of leftovers) {
      const leftover = dockerode.getContainer(info.Id);
      const state = await leftover.inspect().then(
        (inspected) => inspected.State,
        () => undefined,
      );
      if (!timedOut && state !== undefined && !state.Running) {
        exited = true;
        exitCode = state.ExitCode;
      }
      if (tail.lines().length === 0) {
        const logs = await leftover
          .logs({ stdout: true, stderr: true, tail: 30, follow: false })
          .catch(() => undefined);
        if (logs !== undefined) tail.append(demuxLogs(logs));
      }
      await leftover.remove({ force: true, v: true }).catch(() => undefined);
    }
  };
  await withTimeout(cleanUp(), DIAGNOSIS_TIMEOUT_MS, 'clean-up timed out').catch(() => undefined);
  if (!timedOut) {
    exitCode ??= exits.exitCode();
    if (exitCode !== undefined) exited = true;
  }

  const subject = `${options.target}: the container (image ${options.image})`;
  const ready = typeof options.readyLog === 'string' ? `"${options.readyLog}"` : String(options.readyLog);
  const logs = `Its last log lines:\n${tail.format()}`;
  if (timedOut) {
    return new Error(
      `${subject} did not log ${ready} within ${options.startupTimeoutMs} ms. ${logs}\nIf it is only slow, ` +
        'raise the start-up timeout (startupTimeoutMs).',
      { cause: error },
    );
  }
  if (exited) {
    return new Error(
      `${subject} exited during start-up${exitCode !== undefined ? ` with code ${exitCode}` : ''}, before logging ` +
        `${ready}. ${logs}\nRun the image by hand (\`docker run --rm ${options.image}\`) to see why, or pass --image ` +
        'with one that starts.',
      { cause: error },
    );
  }
  return new Error(`${subject} failed to start: ${cause}. ${logs}`, { cause: error });
}

/**
 * Log text from a non-following logs call. Without a TTY the engine multiplexes stdout and stderr into
 * frames (1 byte stream, 3 bytes padding, 4 bytes big-endian length); anything else is plain text.
 */
function demuxLogs(buffer: Buffer): string {
  const frames: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const stream = buffer[offset];
    if (stream === undefined || stream > 2 || buffer[offset + 1] !== 0) return buffer.toString('utf8');
    const length = buffer.readUInt32BE(offset + 4);
    frames.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += 8 + length;
  }
  return offset === 0 ? buffer.toString('utf8') : Buffer.concat(frames).toString('utf8');
}
