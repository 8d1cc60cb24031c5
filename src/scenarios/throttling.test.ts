import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResourceFactory } from '../resources/index.ts';
import { EMULATOR_CREDENTIALS } from '../targets/index.ts';
import { type TargetDescriptor, WireClient } from '../wire/index.ts';
import { runValidRequests } from './operation-runs.ts';
import { scenarioForTests } from './test-support/scenario-for-tests.ts';

/** A target that throttles every call, as Cognito does past an account's request-rate quota. */
let server: Server;
let calls = 0;
let target: TargetDescriptor;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    calls += 1;
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `r${calls}` });
    res.end(JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  target = {
    kind: 'aws',
    name: 'aws',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: EMULATOR_CREDENTIALS,
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('throttling', () => {
  it('is retried with backoff, then marked throttled', async () => {
    calls = 0;
    const wire = new WireClient(target, { throttleRetries: 3, throttleBaseDelayMs: 20 });
    const started = Date.now();

    const result = await wire.send('ListUserPools', { MaxResults: 1 });
    wire.destroy();

    expect(calls).toBe(4);
    expect(result.throttled).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40 + 80);
  });

  it('makes the operation inconclusive and is never reported as a deviation', async () => {
    const wire = new WireClient(target, { throttleRetries: 1, throttleBaseDelayMs: 1 });
    const scenario = scenarioForTests({
      wire,
      resources: new ResourceFactory(wire, 'cc-t-'),
      target,
      seed: 1,
      runsPerProperty: 5,
    });
    const recorder = scenario.recorderFor('ListUserPools');

    await runValidRequests(scenario, 'ListUserPools');
    wire.destroy();

    const record = recorder.toRecord();
    expect(record.deviations).toEqual([]);
    expect(record.inconclusive).toMatch(/throttled/);
  });
});
