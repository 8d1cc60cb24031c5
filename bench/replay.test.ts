import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdMap, replayStreams } from './replay.ts';

describe('IdMap', () => {
  it('learns the ids a target returned in place of the recorded ones, and puts them into later requests', () => {
    const ids = new IdMap();
    ids.learn(
      JSON.stringify({
        UserPool: { Id: 'us-east-1_recorded1', Name: 'cc-x-pool-1', MfaConfiguration: 'OFF' },
      }),
      JSON.stringify({
        UserPool: { Id: 'us-east-1_replayed9', Name: 'cc-x-pool-1', MfaConfiguration: 'ON' },
      }),
    );
    expect(ids.size).toBe(1); // "OFF" and "ON" are short values, not ids
    expect(
      JSON.parse(
        ids.rewrite(JSON.stringify({ UserPoolId: 'us-east-1_recorded1', Names: ['us-east-1_recorded1'] })),
      ),
    ).toEqual({
      UserPoolId: 'us-east-1_replayed9',
      Names: ['us-east-1_replayed9'],
    });
  });

  it('never remaps an id it knows, and pairs lists only when they are the same length', () => {
    const ids = new IdMap();
    ids.learn('{"Id":"local_REC_A"}', '{"Id":"local_NEW_A"}');
    // A replayed listing that also shows another stream's pool: positions do not pair.
    ids.learn(
      '{"UserPools":[{"Id":"local_REC_A"}]}',
      '{"UserPools":[{"Id":"local_NEW_B"},{"Id":"local_NEW_A"}]}',
    );
    ids.learn('{"Again":"local_REC_A"}', '{"Again":"local_NEW_C"}');
    expect(ids.rewrite('{"UserPoolId":"local_REC_A"}')).toBe('{"UserPoolId":"local_NEW_A"}');
  });

  it('leaves bodies that are not JSON, and answers that are not, alone', () => {
    const ids = new IdMap();
    ids.learn('<html>', '{}');
    expect(ids.rewrite('not json')).toBe('not json');
    expect(ids.size).toBe(0);
  });
});

describe('replayStreams', () => {
  let server: Server;
  const seen: { target: string; body: string }[] = [];
  beforeAll(async () => {
    let pools = 0;
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ target: String(req.headers['x-amz-target']), body });
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        if (req.headers['x-amz-target']?.toString().endsWith('CreateUserPool'))
          res.end(JSON.stringify({ UserPool: { Id: `us-east-1_fresh${++pools}xx` } }));
        else res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends every recorded request, in order within its stream, with the ids the fresh target made', async () => {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const stream = [
      {
        operation: 'CreateUserPool',
        body: '{"PoolName":"p"}',
        status: 200,
        response: '{"UserPool":{"Id":"us-east-1_old111xx"}}',
        at: 1,
      },
      {
        operation: 'DescribeUserPool',
        body: '{"UserPoolId":"us-east-1_old111xx"}',
        status: 200,
        response: '{}',
        at: 2,
      },
    ];
    const result = await replayStreams([stream, stream.slice(1)], endpoint, 2);
    expect(result.requests).toBe(3);
    expect(result.sameStatus).toBe(3);
    const describes = seen.filter((s) => s.target.endsWith('DescribeUserPool')).map((s) => s.body);
    expect(describes).toContain('{"UserPoolId":"us-east-1_fresh1xx"}');
    expect(seen[0]?.target).toBe('AWSCognitoIdentityProviderService.CreateUserPool');
  });
});
