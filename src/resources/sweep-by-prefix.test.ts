import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../protocol/index.ts';
import { EMULATOR_CREDENTIALS } from '../targets/index.ts';
import type { TargetDescriptor } from '../wire/index.ts';
import { cleanupByPrefix, SetupError, sweepByPrefix } from './index.ts';

/**
 * The sweep at the end of a run against targets that answer badly: what it cannot do is a warning naming what
 * may be left behind, never a thrown error (a broken target is a finding, not a tool failure).
 */
type Handler = (
  operation: string,
  body: Record<string, unknown>,
) => { status: number; type?: string; body: string };

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function targetAnswering(handler: Handler): Promise<TargetDescriptor> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const answer = handler(operation, JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      res.writeHead(answer.status, {
        'content-type': answer.type ?? 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'r',
      });
      res.end(answer.body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return descriptor(`http://127.0.0.1:${port}`);
}

function descriptor(endpoint: string): TargetDescriptor {
  return { kind: 'endpoint', name: 'test', endpoint, region: 'us-east-1', credentials: EMULATOR_CREDENTIALS };
}

const PREFIX = 'cc-1a2b3c4d-';

describe('sweepByPrefix', () => {
  it('warns, naming the prefix, when ListUserPools answers a 200 with cut-off JSON', async () => {
    const target = await targetAnswering(() => ({ status: 200, body: '{"UserPools":[{"Id":"us-east-1_a' }));
    const result = await sweepByPrefix(target, PREFIX);
    expect(result.deleted).toEqual([]);
    expect(result.warning).toBe(
      "the clean-up sweep could not list the target's user pools (ListUserPools failed: HTTP 200, SyntaxError), " +
        `so any pool this run created whose name starts with ${PREFIX} may be left behind`,
    );
  });

  it('warns when ListUserPools answers a 500 HTML page', async () => {
    const target = await targetAnswering(() => ({
      status: 500,
      type: 'text/html',
      body: '<html>500</html>',
    }));
    const result = await sweepByPrefix(target, PREFIX);
    expect(result.warning).toMatch(
      /could not list the target's user pools \(ListUserPools failed: HTTP 500, /,
    );
  });

  it('warns when nothing answers at all', async () => {
    const target = await targetAnswering(() => ({ status: 200, body: '{}' }));
    const [server] = servers.splice(0);
    await new Promise((resolve) => server?.close(resolve));
    const result = await sweepByPrefix(target, PREFIX);
    expect(result.warning).toMatch(
      /could not list the target's user pools \(ListUserPools failed: no answer: /,
    );
  });

  it('deletes what carries the prefix, and names each pool it could not delete', async () => {
    const deleted: string[] = [];
    const target = await targetAnswering((operation, body) => {
      if (operation === 'ListUserPools')
        return {
          status: 200,
          body: JSON.stringify({
            UserPools: [
              { Id: 'us-east-1_kept', Name: 'someone-else' },
              { Id: 'us-east-1_gone', Name: `${PREFIX}pool-1` },
              { Id: 'us-east-1_stuck', Name: `${PREFIX}pool-2` },
            ],
          }),
        };
      if (body['UserPoolId'] === 'us-east-1_stuck')
        return { status: 500, type: 'text/html', body: '<html/>' };
      if (operation === 'DeleteUserPool') deleted.push(String(body['UserPoolId']));
      return { status: 200, body: '{}' };
    });
    const result = await sweepByPrefix(target, PREFIX);
    expect(deleted).toEqual(['us-east-1_gone']);
    expect(result.deleted).toEqual(['us-east-1_gone']);
    expect(result.warning).toMatch(
      new RegExp(
        `could not delete 1 user pool\\(s\\) whose name starts with ${PREFIX}, which are left behind: us-east-1_stuck \\(HTTP 500, `,
      ),
    );
  });

  it("deletes a pool's domains before the pool, since Cognito keeps a pool that has one", async () => {
    const calls: string[] = [];
    const target = await targetAnswering((operation, body) => {
      calls.push(`${operation} ${String(body['Domain'] ?? body['UserPoolId'] ?? '')}`);
      if (operation === 'ListUserPools')
        return {
          status: 200,
          body: JSON.stringify({ UserPools: [{ Id: 'us-east-1_d', Name: `${PREFIX}p` }] }),
        };
      if (operation === 'DescribeUserPool')
        return {
          status: 200,
          body: JSON.stringify({
            UserPool: { Id: 'us-east-1_d', Domain: 'cc-prefix', CustomDomain: 'auth.example.com' },
          }),
        };
      return { status: 200, body: '{}' };
    });
    expect(await sweepByPrefix(target, PREFIX)).toEqual({ deleted: ['us-east-1_d'] });
    expect(calls.slice(1)).toEqual([
      'DescribeUserPool us-east-1_d',
      'DeleteUserPoolDomain cc-prefix',
      'DeleteUserPoolDomain auth.example.com',
      'DeleteUserPool us-east-1_d',
    ]);
  });

  it('gives no warning when everything went', async () => {
    const target = await targetAnswering((operation) =>
      operation === 'ListUserPools'
        ? { status: 200, body: JSON.stringify({ UserPools: [{ Id: 'us-east-1_x', Name: `${PREFIX}p` }] }) }
        : { status: 200, body: '{}' },
    );
    expect(await sweepByPrefix(target, PREFIX)).toEqual({ deleted: ['us-east-1_x'] });
  });

  it('still refuses a prefix too short to be safe', async () => {
    await expect(sweepByPrefix(descriptor('http://127.0.0.1:9'), 'cc')).rejects.toThrow(/too short/);
  });
});

describe('cleanupByPrefix (the cleanup command)', () => {
  it('fails when it cannot list the pools, saying what the target answered', async () => {
    const target = await targetAnswering(() => ({ status: 200, body: '{"UserPools":[' }));
    await expect(cleanupByPrefix(target, PREFIX)).rejects.toThrow(
      'listAllPools: ListUserPools failed: HTTP 200, SyntaxError',
    );
  });
});

describe('SetupError.answer', () => {
  const exchange = (overrides: Partial<Exchange>): Exchange => ({
    operation: 'CreateUserPool',
    request: {},
    requestHeaders: {},
    status: 200,
    headers: {},
    bodyText: '',
    ms: 1,
    ...overrides,
  });
  const answer = (overrides: Partial<Exchange>) =>
    new SetupError('CreateUserPool', exchange(overrides)).answer;

  it('says what the target answered, in a few words', () => {
    expect(answer({ bodyText: '{"UserPool":{"Id":"us-' })).toBe('HTTP 200 with a body that is not JSON');
    expect(answer({ status: 500, bodyText: '<html>500</html>' })).toBe(
      'HTTP 500 with a body that is not JSON',
    );
    expect(answer({ status: 200, bodyText: '' })).toBe('HTTP 200 with an empty body');
    expect(answer({ status: 200, bodyText: '{}', body: {} })).toBe('HTTP 200 without the expected response');
    expect(
      answer({
        status: 400,
        bodyText: '{"__type":"InvalidParameterException"}',
        body: { __type: 'InvalidParameterException' },
      }),
    ).toBe('HTTP 400 InvalidParameterException');
    expect(answer({ status: 0, transportError: 'ECONNRESET' })).toBe('no answer: ECONNRESET');
  });
});
