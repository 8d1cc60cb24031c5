import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { getContainerRuntimeClient } from 'testcontainers';
import { describe, expect, it } from 'vitest';
import { defaultImage, pinnedVersion } from './container-images.ts';
import { launchContainerTarget } from './launch-container-target.ts';
import { MotoContainer } from './moto-container.ts';
import { LAUNCHER_LABEL } from './launcher-labels.ts';

// Needs a container engine: `npm test` uses one that answers (Docker) or sets up the project's Podman engine
// (scripts/container-engine.sh, which builds the moto image from ../shared/emulators/moto-5.0.1).

/** The suite's moto containers still known to the engine, stopped ones included. */
async function motoContainers(): Promise<unknown[]> {
  const client = await getContainerRuntimeClient();
  return client.container.dockerode.listContainers({
    all: true,
    filters: { label: [`${LAUNCHER_LABEL}=container:moto`] },
  });
}

function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
  });
}

describe('MotoContainer', () => {
  it('serves cognito-idp from the pinned moto release, then stops leaving no container behind', async () => {
    // Arrange
    const started = await new MotoContainer().start();
    const client = cognitoClient(started.getEndpoint());
    try {
      // Act
      const empty = await client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
      const created = await client.send(new CreateUserPoolCommand({ PoolName: 'cc-moto-container' }));
      const listed = await client.send(new ListUserPoolsCommand({ MaxResults: 10 }));
      await client.send(new DeleteUserPoolCommand({ UserPoolId: created.UserPool?.Id }));
      // Assert
      expect(started.getImage()).toBe(defaultImage('moto'));
      expect(pinnedVersion(started.getImage())).toBe('5.0.1');
      expect(started.getEndpoint()).toMatch(/^http:\/\/[^/]+:\d+$/);
      expect(empty.$metadata.httpStatusCode).toBe(200);
      expect(empty.UserPools).toEqual([]);
      expect(created.UserPool?.Id).toMatch(/^us-east-1_\w+$/);
      expect(listed.UserPools?.map((pool) => pool.Name)).toEqual(['cc-moto-container']);
    } finally {
      client.destroy();
      await started.stop();
    }
    expect(await motoContainers()).toEqual([]);
    await started.stop(); // idempotent
  });
});

describe('launchContainerTarget', () => {
  it('starts container:moto, which answers a raw awsJson1.1 ListUserPools with 200 and JSON, and stops it', async () => {
    // Arrange
    const target = await launchContainerTarget('moto', { startupTimeoutMs: 60_000 });
    try {
      // Act
      const response = await fetch(target.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
        },
        body: '{"MaxResults":10}',
      });
      // Assert
      expect(target.image).toBe(defaultImage('moto'));
      expect(response.status).toBe(200);
      expect(JSON.parse(await response.text())).toEqual({ UserPools: [] });
    } finally {
      await target.stop();
      await target.stop();
    }
    expect(await motoContainers()).toEqual([]);
  });
});
