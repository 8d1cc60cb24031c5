import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS, type StartedTarget } from '../targets/index.ts';
import { LeftoverSweep } from './leftover-sweep.ts';

/** The run's sweep against a target whose ListUserPools answers garbage: a warning, once, wherever it ends up. */
let server: Server;
let endpoint: string;
let listings = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    listings += 1;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end('{"UserPools":[{"Id":"us-');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function target(kind: 'endpoint' | 'aws' | 'embedded'): StartedTarget {
  const stop = async () => undefined;
  return {
    descriptor: { kind, name: kind, endpoint, region: 'eu-west-1', credentials: EMULATOR_CREDENTIALS },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

describe('LeftoverSweep', () => {
  it('gives the report its warning, with the command that removes the leftovers, and sweeps again at exit', async () => {
    const logged: string[] = [];
    const sweep = new LeftoverSweep(target('endpoint'), 'cc-1a2b3c4d-', (line) => logged.push(line));
    const before = listings;
    const [warning, ...rest] = await sweep.forReport();
    expect(rest).toEqual([]);
    expect(warning).toMatch(
      /^the clean-up sweep could not list the target's user pools \(ListUserPools failed: /,
    );
    expect(warning).toContain(
      `; \`cognito-conformance cleanup --target endpoint --endpoint ${endpoint} --prefix cc-1a2b3c4d-\` removes them`,
    );
    // At exit, once every worker has stopped, it sweeps again: an interrupted test's last create may land after
    // the report's sweep. The report carries the warning; the log does not repeat the same one.
    await sweep.atExit();
    expect(await sweep.forReport()).toEqual([warning]);
    expect(listings - before).toBe(2);
    expect(logged).toEqual([]);
  });

  it('logs the warning when no report took it, and names the AWS cleanup for an AWS target', async () => {
    const logged: string[] = [];
    await new LeftoverSweep(target('aws'), 'cc-1a2b3c4d-', (line) => logged.push(line)).atExit();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^cleanup: warning: the clean-up sweep could not list/);
    expect(logged[0]).toContain(
      '`cognito-conformance cleanup --target aws --region eu-west-1 --prefix cc-1a2b3c4d- --allow-aws`',
    );
  });

  it('leaves an embedded target alone: it goes with everything on it', async () => {
    const before = listings;
    expect(await new LeftoverSweep(target('embedded'), 'cc-1a2b3c4d-', () => undefined).forReport()).toEqual(
      [],
    );
    expect(listings).toBe(before);
  });
});
