import { PassThrough, Readable } from 'node:stream';
import type { ContainerRuntimeClient } from 'testcontainers';
import { describe, expect, it } from 'vitest';
import { ensureImageAvailable } from './container-image-check.ts';

/** Just enough of testcontainers' client: an image store and dockerode's pull. */
function fakeClient(
  present: Set<string>,
  pull: (image: string) => NodeJS.ReadableStream,
): ContainerRuntimeClient {
  return {
    image: { exists: async (name: { string: string }) => present.has(name.string) },
    container: { dockerode: { pull: async (image: string) => pull(image) } },
  } as unknown as ContainerRuntimeClient;
}

const progress = (...events: object[]): Readable =>
  Readable.from(events.map((event) => `${JSON.stringify(event)}\n`));

describe('ensureImageAvailable', () => {
  it('does nothing when the image is present', async () => {
    const client = fakeClient(new Set(['motoserver/moto:5.1.22']), () => {
      throw new Error('must not pull');
    });
    await ensureImageAvailable('container:moto', client, 'motoserver/moto:5.1.22');
  });

  it('pulls a missing image and accepts it once present', async () => {
    const present = new Set<string>();
    const client = fakeClient(present, (image) => {
      present.add(image);
      return progress({ status: 'Pulling' }, { status: 'Done' });
    });
    await ensureImageAvailable('container:moto', client, 'motoserver/moto:5.1.22');
  });

  it("fails with the registry's reason and a hint when the pull fails", async () => {
    const client = fakeClient(new Set(), () =>
      progress(
        { status: 'Trying' },
        { error: 'x', errorDetail: { message: 'dial tcp: lookup registry: no such host' } },
      ),
    );
    await expect(ensureImageAvailable('container:moto', client, 'motoserver/moto:5.1.22')).rejects.toThrow(
      'container:moto: image motoserver/moto:5.1.22 is not present in the container engine and could not be pulled ' +
        '(dial tcp: lookup registry: no such host). Pull it with `docker pull motoserver/moto:5.1.22`',
    );
  });

  it('tells to run the engine script for a missing project-built image', async () => {
    const client = fakeClient(new Set(), () => progress({ error: 'connection refused' }));
    await expect(
      ensureImageAvailable(
        'container:cognito-local',
        client,
        'localhost/cognito-conformance/cognito-local:5.3.0',
      ),
    ).rejects.toThrow(
      /\(connection refused\)\. This image is built by the project: run `bash scripts\/container-engine\.sh`/,
    );
  });

  it('bounds a pull that never finishes', async () => {
    const client = fakeClient(new Set(), () => new PassThrough());
    const started = Date.now();
    await expect(
      ensureImageAvailable('container:moto', client, 'motoserver/moto:5.1.22', { pullTimeoutMs: 200 }),
    ).rejects.toThrow('(the pull did not finish within 200 ms)');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
