import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertContainerRuntimeReachable } from './container-runtime-check.ts';
import { launchContainerTarget } from './launch-container-target.ts';

const dir = mkdtempSync(join(tmpdir(), 'runtime-check-'));
const missingSocket = join(dir, 'missing.sock');
const silentSocket = join(dir, 'silent.sock');
let silentServer: Server;
const sockets: Socket[] = [];
const savedDockerHost = process.env['DOCKER_HOST'];

beforeAll(async () => {
  // Accepts connections and never answers: the case testcontainers alone would wait on without bound.
  silentServer = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silentServer.listen(silentSocket, resolve));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silentServer.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  if (savedDockerHost === undefined) delete process.env['DOCKER_HOST'];
  else process.env['DOCKER_HOST'] = savedDockerHost;
});

describe('container runtime check', () => {
  it('fails launching within seconds, naming the target and what to do, when DOCKER_HOST points nowhere', async () => {
    process.env['DOCKER_HOST'] = `unix://${missingSocket}`;
    const started = Date.now();
    const launch = launchContainerTarget('cognito-local');
    await expect(launch).rejects.toThrow(
      `container:cognito-local: no container runtime is reachable (DOCKER_HOST=unix://${missingSocket})`,
    );
    await expect(launch).rejects.toThrow(
      /ENOENT.*Start Docker or Podman, or run .*scripts\/container-engine\.sh/s,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('bounds the probe of an engine that accepts connections but never answers', async () => {
    const started = Date.now();
    await expect(
      assertContainerRuntimeReachable('container:moto', {
        timeoutMs: 300,
        env: { DOCKER_HOST: `unix://${silentSocket}` },
      }),
    ).rejects.toThrow(
      `container:moto: no container runtime is reachable (DOCKER_HOST=unix://${silentSocket}): no answer to GET /_ping within 300 ms`,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports a refused TCP engine address', async () => {
    // Port 9 on loopback (discard) is closed on these machines, so the connection is refused at once.
    await expect(
      assertContainerRuntimeReachable('container:moto', {
        timeoutMs: 1_000,
        env: { DOCKER_HOST: 'tcp://127.0.0.1:9' },
      }),
    ).rejects.toThrow(
      /container:moto: no container runtime is reachable \(DOCKER_HOST=tcp:\/\/127\.0\.0\.1:9\): ECONNREFUSED/,
    );
  });
});
