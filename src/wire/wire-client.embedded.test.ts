import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { WireClient } from './wire-client.ts';

let target: StartedTarget;
let wire: WireClient;

beforeAll(async () => {
  target = await startEmbeddedTarget();
  wire = new WireClient(target.descriptor);
});

afterAll(async () => {
  wire.destroy();
  await target.stop();
});

describe('WireClient against cognito-local', () => {
  it('records the exchange byte for byte while the SDK still parses it', async () => {
    const result = await wire.send('CreateUserPool', { PoolName: 'cc-wire-test' });

    expect(result.exchange).toMatchObject({
      operation: 'CreateUserPool',
      request: { PoolName: 'cc-wire-test' },
      status: 200,
    });
    expect(result.exchange.requestHeaders['x-amz-target']).toBe(
      'AWSCognitoIdentityProviderService.CreateUserPool',
    );
    expect(result.exchange.headers['content-type']).toMatch(/^application\/x-amz-json-1\.1/);
    expect(JSON.parse(result.exchange.bodyText)).toEqual(result.exchange.body);
    const wirePool = (result.exchange.body as { UserPool: { Id: string; CreationDate: unknown } }).UserPool;
    expect(typeof wirePool.CreationDate).toBe('number');
    const sdkPool = result.output?.['UserPool'] as { Id: string; CreationDate: unknown };
    expect(sdkPool.Id).toBe(wirePool.Id);
    expect(sdkPool.CreationDate).toBeInstanceOf(Date);
    await wire.send('DeleteUserPool', { UserPoolId: wirePool.Id });
  });

  it('sends a raw body exactly as written, past SDK serialisation', async () => {
    const result = await wire.sendRaw('ListUserPools', { MaxResults: 'ten', Unknown: [1, 2] });

    expect(result.exchange.request).toEqual({ MaxResults: 'ten', Unknown: [1, 2] });
    expect(result.exchange.requestHeaders['content-length']).toBe(
      String(Buffer.byteLength('{"MaxResults":"ten","Unknown":[1,2]}')),
    );
    expect(result.exchange.status).toBeGreaterThan(0);
  });

  it('summarises SDK errors by name, class, fault and status', async () => {
    const result = await wire.send('DescribeUserPool', { UserPoolId: 'us-east-1_Unknown000' });

    expect(result.error).toEqual({
      name: 'ResourceNotFoundException',
      fault: 'client',
      httpStatusCode: 400,
      modeled: true,
      service: true,
    });
    expect(result.exchange.status).toBe(400);
  });

  it('turns an unreachable target into a transport exchange instead of throwing', async () => {
    const dead = new WireClient(
      { ...target.descriptor, endpoint: 'http://127.0.0.1:9' },
      { connectionTimeoutMs: 500 },
    );
    const result = await dead.send('ListUserPools', { MaxResults: 1 });
    dead.destroy();

    expect(result.exchange.status).toBe(0);
    expect(result.exchange.transportError).toMatch(/ECONNREFUSED/);
  });
});
