import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget } from './start-target.ts';

/** An endpoint that answers every call, and moto's management route. */
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const moto = req.url === '/moto-api/data.json';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(moto ? '{"cognitoidp":{}}' : '{"UserPools":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('startTarget for an endpoint', () => {
  it('names the target after the emulator its answers show', async () => {
    const target = await startTarget({ kind: 'endpoint', endpoint, region: 'us-east-1' });
    expect(target.descriptor).toMatchObject({ kind: 'endpoint', name: 'moto', emulator: 'moto', endpoint });
    await target.stop();
  });

  it('takes the name the user gave (--target-name) over anything else', async () => {
    const target = await startTarget(
      { kind: 'endpoint', endpoint, region: 'us-east-1' },
      { targetName: 'my-emulator-2.1' },
    );
    expect(target.descriptor).toMatchObject({ name: 'my-emulator-2.1', emulator: 'moto', endpoint });
    await target.stop();
  });
});
