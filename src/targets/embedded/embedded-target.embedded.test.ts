import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbeddedTarget } from './embedded-target.ts';

function portOpen(endpoint: string): Promise<boolean> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A temp root of the test's own, so emulators started by other tests running in parallel do not count. */
function ownTmpRoot(): string {
  return mkdtempSync(join(tmpdir(), 'embedded-target-test-'));
}

function conformanceDirs(root: string): string[] {
  return readdirSync(root).filter((name) => name.startsWith('cognito-conformance-'));
}

async function eventually(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe('embedded target (cognito-local 5.3.0)', () => {
  it('serves the API on loopback and leaves no port or directory behind after stop', async () => {
    // Arrange
    const root = ownTmpRoot();
    const target = await startEmbeddedTarget({ tmpRoot: root });
    // Act
    const response = await fetch(`${target.descriptor.endpoint}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
      },
      body: '{"MaxResults":10}',
    });
    const during = conformanceDirs(root);
    await target.stop();
    await target.stop();
    // Assert
    expect(target.descriptor.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(target.descriptor.version).toBe('5.3.0');
    expect(response.status).toBe(200);
    expect(during).toHaveLength(1);
    expect(await portOpen(target.descriptor.endpoint)).toBe(false);
    expect(conformanceDirs(root)).toEqual([]);
  });

  it('fails with a clear message and cleans up when the emulator dies during start-up', async () => {
    const root = ownTmpRoot();
    const startScript = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'exit-immediately.cjs',
    );

    await expect(startEmbeddedTarget({ startScript, tmpRoot: root })).rejects.toThrow(
      /embedded target \(cognito-local\): exited during start-up \(code 3[\s\S]*simulated start-up failure/,
    );
    expect(conformanceDirs(root)).toEqual([]);
  });

  it.each(['SIGKILL', 'SIGINT'] as const)(
    'takes the emulator, its port and its directory down when the parent gets %s',
    async (signal) => {
      const root = ownTmpRoot();
      // `node --import tsx` rather than the tsx binary, which would put a wrapper process in between.
      const parent = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'start-embedded-and-wait.ts'),
        ],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
          env: { ...process.env, TMPDIR: root },
        },
      );
      const firstLine = await new Promise<string>((resolve, reject) => {
        parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
        parent.once('exit', (code) => reject(new Error(`parent exited early with ${code}`)));
      });
      const { endpoint } = JSON.parse(firstLine) as { endpoint: string };
      expect(await portOpen(endpoint)).toBe(true);
      expect(conformanceDirs(root)).toHaveLength(1);

      parent.kill(signal);

      expect(await eventually(async () => !(await portOpen(endpoint)))).toBe(true);
      expect(await eventually(() => conformanceDirs(root).length === 0)).toBe(true);
    },
  );
});
