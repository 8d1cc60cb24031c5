import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CognitoIdentityProviderClient,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { getContainerRuntimeClient } from 'testcontainers';
import { describe, expect, it } from 'vitest';
import { CognitoLocalContainer } from './cognito-local-container.ts';
import { defaultImage } from './container-images.ts';
import { launchContainerTarget } from './launch-container-target.ts';
import { LAUNCHER_LABEL } from './launcher-labels.ts';

// Needs a container engine: run after `eval "$(bash scripts/container-engine.sh --env)"` (or with Docker).

const run = promisify(execFile);

/** Containers the engine still has with `id`, stopped ones included (`podman ps -a`, through the API). */
async function containersWithId(id: string): Promise<unknown[]> {
  const client = await getContainerRuntimeClient();
  return client.container.dockerode.listContainers({ all: true, filters: { id: [id] } });
}

/** The suite's containers still known to the engine, for checks that a failed start left nothing behind. */
async function launcherContainers(target: string): Promise<unknown[]> {
  const client = await getContainerRuntimeClient();
  return client.container.dockerode.listContainers({
    all: true,
    filters: { label: [`${LAUNCHER_LABEL}=${target}`] },
  });
}

/** Processes whose command line names the container (Podman's conmon is started with `-c <id>`). */
async function processesFor(id: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'pid=,args=']);
  return stdout.split('\n').filter((line) => line.includes(id) && !line.includes('ps -eo'));
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('CognitoLocalContainer', () => {
  it('serves ListUserPools, then stops leaving no container and no conmon behind', async () => {
    const started = await new CognitoLocalContainer().start();
    const id = started.getId();
    try {
      expect(started.getEndpoint()).toMatch(/^http:\/\/[^/]+:\d+$/);
      expect(started.getImage()).toMatch(/cognito-local:5\.3\.0$/);
      expect(typeof started[Symbol.asyncDispose]).toBe('function');
      const client = new CognitoIdentityProviderClient({
        endpoint: started.getEndpoint(),
        region: 'us-east-1',
        credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
      });
      const response = await client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
      client.destroy();
      expect(response.$metadata.httpStatusCode).toBe(200);
      expect(response.UserPools).toEqual([]);
      expect(await processesFor(id)).not.toEqual([]);
    } finally {
      await started.stop();
    }
    expect(await containersWithId(id)).toEqual([]);
    expect(
      await eventually(
        () => processesFor(id),
        (left) => left.length === 0,
      ),
    ).toEqual([]);
    await started.stop(); // idempotent
  });

  it('fails in bounded time with a clear message when the image is missing', async () => {
    const image = 'localhost/cognito-conformance/does-not-exist:0.0.0';
    const startedAt = Date.now();
    await expect(new CognitoLocalContainer(image).withPullTimeout(30_000).start()).rejects.toThrow(
      `container:cognito-local: image ${image} is not present in the container engine and could not be pulled`,
    );
    expect(Date.now() - startedAt).toBeLessThan(35_000);
  });

  it('fails in bounded time, quoting its logs, when the container exits during start-up', async () => {
    const startedAt = Date.now();
    const start = new CognitoLocalContainer()
      .withEntrypoint(['/bin/sh', '-c', 'echo loading config; echo "config is broken" >&2; exit 1'])
      .start();
    await expect(start).rejects.toThrow(
      /^container:cognito-local: the container \(image [^)]+\) exited during start-up with code 1, before logging "Cognito Local running on"/,
    );
    await expect(start).rejects.toThrow(
      /Its last log lines:\n {2}\| loading config\n {2}\| config is broken\n/,
    );
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(await launcherContainers('container:cognito-local')).toEqual([]);
  });

  it('fails at the start-up timeout, quoting its logs, when the ready line never comes', async () => {
    const startedAt = Date.now();
    const start = new CognitoLocalContainer()
      .withEntrypoint(['/bin/sh', '-c', 'echo warming up; exec sleep 120'])
      .withStartupTimeout(2_000)
      .start();
    await expect(start).rejects.toThrow(
      /^container:cognito-local: the container \(image [^)]+\) did not log "Cognito Local running on" within 2000 ms\. Its last log lines:\n {2}\| warming up\n/,
    );
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(await launcherContainers('container:cognito-local')).toEqual([]);
  });
});

describe('launchContainerTarget', () => {
  it('starts container:cognito-local from an --image override and stops it', async () => {
    const image = defaultImage('cognito-local');
    const target = await launchContainerTarget('cognito-local', { image, startupTimeoutMs: 30_000 });
    try {
      expect(target.image).toBe(image);
      const response = await fetch(target.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
        },
        body: '{"MaxResults":1}',
      });
      expect(response.status).toBe(200);
    } finally {
      await target.stop();
      await target.stop();
    }
    expect(await launcherContainers('container:cognito-local')).toEqual([]);
  });
});
