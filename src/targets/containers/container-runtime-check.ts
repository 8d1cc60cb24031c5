import { request } from 'node:http';
import { getContainerRuntimeClient, type ContainerRuntimeClient } from 'testcontainers';
import { withTimeout } from './with-timeout.ts';

/** How long the runtime probe waits by default: an engine that answers at all answers `_ping` in milliseconds. */
export const DEFAULT_RUNTIME_PROBE_TIMEOUT_MS = 5_000;

/** Options of {@link assertContainerRuntimeReachable}. */
export interface RuntimeCheckOptions {
  /** Bound on the whole probe, in milliseconds. */
  readonly timeoutMs?: number;
  /** Where `DOCKER_HOST` is read; the process environment unless a test passes its own. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Fails fast, before anything is created, when no container engine answers. testcontainers alone would
 * try every socket strategy and, on a socket that accepts but never answers, wait with no bound; this
 * pings `DOCKER_HOST` directly and bounds testcontainers' own discovery by the same timeout, so a machine
 * without Docker or Podman gets one clear sentence in seconds.
 *
 * @param target The target's name, e.g. `container:cognito-local`, which starts the message.
 * @returns testcontainers' client for the engine, for the image check that follows.
 */
export async function assertContainerRuntimeReachable(
  target: string,
  options: RuntimeCheckOptions = {},
): Promise<ContainerRuntimeClient> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_RUNTIME_PROBE_TIMEOUT_MS;
  const env = options.env ?? process.env;
  const dockerHost = env['DOCKER_HOST'];
  const unreachable = (reason: string): Error =>
    new Error(
      `${target}: no container runtime is reachable (DOCKER_HOST=${dockerHost ?? 'unset'}): ${reason}. ` +
        'Start Docker or Podman, or run `eval "$(bash scripts/container-engine.sh --env)"` to start the ' +
        "project's Podman engine and point DOCKER_HOST at it.",
    );

  if (dockerHost !== undefined && dockerHost !== '' && env['DOCKER_TLS_VERIFY'] !== '1') {
    const failure = await pingDockerHost(dockerHost, timeoutMs);
    if (failure !== undefined) throw unreachable(failure);
  }
  try {
    return await withTimeout(getContainerRuntimeClient(), timeoutMs, `no answer within ${timeoutMs} ms`);
  } catch (error) {
    throw unreachable(error instanceof Error ? error.message : String(error));
  }
}

/** Pings the engine at a `unix://`, `tcp://` or `http://` DOCKER_HOST; resolves to a failure reason, or undefined. */
async function pingDockerHost(dockerHost: string, timeoutMs: number): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(dockerHost);
  } catch {
    return `DOCKER_HOST is not a URL`;
  }
  const where =
    url.protocol === 'unix:'
      ? { socketPath: url.pathname }
      : url.protocol === 'tcp:' || url.protocol === 'http:'
        ? { host: url.hostname, port: Number(url.port || 2375) }
        : undefined;
  if (where === undefined) return undefined; // npipe:, ssh: and the like: leave them to testcontainers.
  return new Promise((resolve) => {
    const req = request({ ...where, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? undefined : `GET /_ping answered HTTP ${res.statusCode ?? '?'}`);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to GET /_ping within ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code !== undefined ? `${error.code} ${error.message}` : error.message),
    );
    req.end();
  });
}
