import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAllPools } from '../resources/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { WireClient } from '../wire/index.ts';
import { describeResult, runCli } from './test-support/run-cli.ts';

/**
 * `cleanup` through the real bin against a cognito-local this test starts: the AWS code path (opt-in guard,
 * SDK default credential chain) with cognito-local standing in for AWS via --endpoint, and the plain endpoint
 * path. Pools of other prefixes, and names that only nearly match, must survive. More pools than one
 * ListUserPools page holds, so the listing is followed across pages.
 */
const DUMMY_AWS = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'dummy-secret-for-tests',
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
};
const DOOMED = Array.from({ length: 62 }, (_, i) => `cc-x-${i}`);
const KEPT = ['cc-x', 'cc-xy-1', 'cc-y-1', 'keep-me', 'CC-X-upper'];

let target: StartedTarget;
let wire: WireClient;

async function poolNames(): Promise<string[]> {
  return (await listAllPools(wire)).map((pool) => pool.name).sort();
}

beforeAll(async () => {
  target = await startEmbeddedTarget();
  wire = new WireClient(target.descriptor);
  for (const name of [...DOOMED, ...KEPT]) {
    const created = await wire.send('CreateUserPool', { PoolName: name });
    if (created.error) throw new Error(`CreateUserPool ${name}: ${created.error.name}`);
  }
}, 120_000);

afterAll(async () => {
  wire?.destroy();
  await target?.stop();
});

describe('cleanup', { timeout: 120_000 }, () => {
  it('--target aws --endpoint … --allow-aws deletes exactly the pools with the prefix', async () => {
    expect(await poolNames()).toHaveLength(DOOMED.length + KEPT.length);
    const result = await runCli(
      [
        'cleanup',
        '--target',
        'aws',
        '--endpoint',
        target.descriptor.endpoint,
        '--allow-aws',
        '--prefix',
        'cc-x-',
      ],
      { env: DUMMY_AWS },
    );
    expect(result.code, describeResult(result)).toBe(0);
    expect(result.stdout).toBe(
      `cleanup: deleted ${DOOMED.length} user pool(s) with prefix cc-x- on aws (${target.descriptor.endpoint})\n`,
    );
    expect(result.stderr).toContain(
      'aws target: account unknown (endpoint override: not real AWS), region us-east-1, prefix cc-x-',
    );
    expect(await poolNames()).toEqual([...KEPT].sort());
  });

  it('--target endpoint deletes another prefix, and a second run finds nothing left', async () => {
    const first = await runCli([
      'cleanup',
      '--target',
      'endpoint',
      '--endpoint',
      target.descriptor.endpoint,
      '--prefix',
      'cc-y-',
    ]);
    expect(first.code, describeResult(first)).toBe(0);
    expect(first.stdout).toContain('cleanup: deleted 1 user pool(s) with prefix cc-y-');
    const again = await runCli([
      'cleanup',
      '--target',
      'endpoint',
      '--endpoint',
      target.descriptor.endpoint,
      '--prefix',
      'cc-y-',
    ]);
    expect(again.stdout).toContain('cleanup: deleted 0 user pool(s)');
    expect(await poolNames()).toEqual(KEPT.filter((name) => name !== 'cc-y-1').sort());
  });

  it('--target aws without --allow-aws is exit 2 with the opt-in message and deletes nothing', async () => {
    const before = await poolNames();
    const result = await runCli(
      ['cleanup', '--target', 'aws', '--endpoint', target.descriptor.endpoint, '--prefix', 'keep-'],
      {
        env: { ...DUMMY_AWS, COGNITO_CONFORMANCE_ALLOW_AWS: undefined },
      },
    );
    expect(result.code, describeResult(result)).toBe(2);
    expect(result.stderr).toContain(
      'aws target: refusing to run against real AWS without an explicit opt-in. Pass --allow-aws',
    );
    expect(await poolNames()).toEqual(before);
  });
});
