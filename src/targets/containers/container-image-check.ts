import { ImageName, type ContainerRuntimeClient } from 'testcontainers';
import { isProjectBuiltImage } from './container-images.ts';
import { withTimeout } from './with-timeout.ts';

/**
 * How long a missing image may take to pull by default. Generous, because the LocalStack Pro image is over a
 * gigabyte, but bounded: without it, a registry that accepts connections and stalls holds the run forever.
 */
export const DEFAULT_PULL_TIMEOUT_MS = 600_000;

/** Options of {@link ensureImageAvailable}. */
export interface ImageCheckOptions {
  /** Bound on pulling a missing image, in milliseconds. */
  readonly pullTimeoutMs?: number;
}

/**
 * Makes sure `image` is in the engine's store before a container is created from it, pulling it if missing,
 * and fails with the registry's own reason when it cannot be had. testcontainers pulls too, but ignores the
 * error the pull stream reports and then fails later with a bare "no such image", with no hint and no bound.
 *
 * Pulls carry no registry credentials: pull private images beforehand (`docker pull`), or pass an image
 * that is already present.
 *
 * @param target The target's name, e.g. `container:cognito-local`, which starts the message.
 */
export async function ensureImageAvailable(
  target: string,
  client: ContainerRuntimeClient,
  image: string,
  options: ImageCheckOptions = {},
): Promise<void> {
  const imageName = ImageName.fromString(image);
  if (await client.image.exists(imageName)) return;

  const pullTimeoutMs = options.pullTimeoutMs ?? DEFAULT_PULL_TIMEOUT_MS;
  const hint = isProjectBuiltImage(image)
    ? 'This image is built by the project: run `bash scripts/container-engine.sh` to build it.'
    : `Pull it with \`docker pull ${image}\` (or \`podman pull\`) where its registry is reachable, or pass ` +
      '--image with an image that is present locally.';
  let reason: string | undefined;
  try {
    reason = await withTimeout(
      pull(client, image),
      pullTimeoutMs,
      `the pull did not finish within ${pullTimeoutMs} ms`,
    );
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (reason === undefined && (await client.image.exists(imageName))) return;
  throw new Error(
    `${target}: image ${image} is not present in the container engine and could not be pulled` +
      ` (${reason ?? 'the pull reported success, but the image is still missing'}). ${hint}`,
  );
}

/** Pulls through the engine's API, reading the progress stream; resolves to the error it reports, or undefined. */
async function pull(client: ContainerRuntimeClient, image: string): Promise<string | undefined> {
  const stream = await client.container.dockerode.pull(image);
  return new Promise((resolve, reject) => {
    let error: string | undefined;
    let pending = '';
    const readLine = (line: string): void => {
      if (line.trim() === '') return;
      try {
        const event = JSON.parse(line) as { error?: unknown; errorDetail?: { message?: unknown } };
        const message = event.errorDetail?.message ?? event.error;
        if (typeof message === 'string') error = message;
      } catch {
        // Progress lines are JSON; anything else carries nothing to act on.
      }
    };
    stream.on('data', (chunk: Buffer | string) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(readLine);
    });
    stream.on('end', () => {
      readLine(pending);
      resolve(error);
    });
    stream.on('error', reject);
  });
}
