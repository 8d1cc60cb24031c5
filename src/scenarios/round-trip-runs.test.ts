import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakePoolTarget, type FakeFaults } from '../checks/test-support/fake-pool-target.ts';
import type { CheckRecorder } from '../engine/index.ts';
import {
  probeClientLastModified,
  probePoolLastModified,
  runCreateClientRoundTrip,
  runCreatePoolRoundTrip,
  runUpdateClientRoundTrip,
  runUpdatePoolRoundTrip,
} from './round-trip-runs.ts';
import { scenarioForTests } from './test-support/scenario-for-tests.ts';
import { untimed } from '../../test/support/untimed.ts';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:migrate';
function contextFor(target: FakePoolTarget, operation: string, shrinkBudget?: number) {
  const owned = new Set<string>();
  const recorders = new Map<string, CheckRecorder>();
  // 25 runs per property make the round trips' fifth: 5 per exploration.
  const context = scenarioForTests({
    wire: target,
    resources: { adoptPool: (id) => void owned.add(id), forgetPool: (id) => void owned.delete(id) },
    seed: 7,
    runsPerProperty: 25,
    recorders,
    pause: async () => undefined,
    ...(shrinkBudget !== undefined ? { shrinkBudget } : {}),
  });
  const recorder = context.recorderFor(operation);
  return { context, recorder, owned };
}

/** Create requests whose shrinking ends at the smallest one that still sets LambdaConfig.UserMigration. */
const createRequests = fc.record(
  {
    PoolName: fc.constant('cc-t-pool'),
    LambdaConfig: fc.constant({ UserMigration: ARN }),
    MfaConfiguration: fc.constant('OFF'),
    AutoVerifiedAttributes: fc.subarray(['email', 'phone_number']),
  },
  { requiredKeys: ['PoolName'] },
);

async function poolId(target: FakePoolTarget, settings: Record<string, unknown> = {}): Promise<string> {
  const created = await target.send('CreateUserPool', { PoolName: 'cc-t-shared', ...settings });
  return (created.output?.['UserPool'] as { Id: string }).Id;
}

async function clientOf(target: FakePoolTarget): Promise<{ UserPoolId: string; ClientId: string }> {
  const UserPoolId = await poolId(target);
  const created = await target.send('CreateUserPoolClient', { UserPoolId, ClientName: 'cc-t-client' });
  return { UserPoolId, ClientId: (created.output?.['UserPoolClient'] as { ClientId: string }).ClientId };
}

const kinds = (recorder: CheckRecorder) =>
  recorder.toRecord().deviations.map((d) => `${d.check} ${d.kind} ${d.path}`);

describe('round-trip runs on a fake target', () => {
  it('find nothing on a correct target, and delete the pools they create', async () => {
    const target = new FakePoolTarget();
    const { context, recorder, owned } = contextFor(target, 'CreateUserPool');
    await runCreatePoolRoundTrip(context, createRequests);
    expect(recorder.toRecord().deviations).toEqual([]);
    expect(untimed(recorder.toRecord().checks)).toEqual([
      { check: 'round-trip', runs: 5, failed: 0 },
      { check: 'sdk-parse', runs: 5, failed: 0 },
    ]);
    expect(owned.size).toBe(0);
  });

  it('report a member Describe drops as missing-member, shrunk to a minimal request with seed and path', async () => {
    const { context, recorder } = contextFor(
      new FakePoolTarget({ dropFromDescribe: '/LambdaConfig/UserMigration' }),
      'CreateUserPool',
    );
    await runCreatePoolRoundTrip(context, createRequests);
    const [deviation] = recorder.toRecord().deviations;
    expect(kinds(recorder)).toEqual(['round-trip missing-member /UserPool/LambdaConfig/UserMigration']);
    expect(deviation?.request).toEqual({ PoolName: 'cc-t-pool', LambdaConfig: { UserMigration: ARN } });
    expect(deviation?.reproduce).toMatchObject({ seed: 7, path: expect.any(String) });
  });

  it("keep a round trip's shrink within the profile's budget", async () => {
    const { context, recorder } = contextFor(
      new FakePoolTarget({ dropFromDescribe: '/LambdaConfig/UserMigration' }),
      'CreateUserPool',
      2,
    );
    await runCreatePoolRoundTrip(context, createRequests);
    const [deviation] = recorder.toRecord().deviations;
    expect(deviation?.reproduce.shrink?.requests).toBeLessThanOrEqual(2);
  });

  it('report a stale Describe after UpdateUserPool as state', async () => {
    const target = new FakePoolTarget({ staleDescribe: true });
    const { context, recorder } = contextFor(target, 'UpdateUserPool');
    const UserPoolId = await poolId(target, { EmailVerificationSubject: 'Old subject' });
    await runUpdatePoolRoundTrip(
      context,
      fc.constant({ UserPoolId, EmailVerificationSubject: 'New subject' }),
    );
    const [deviation] = recorder.toRecord().deviations;
    // The listing is current, so it also disagrees with the stale Describe.
    expect(kinds(recorder)).toEqual([
      'round-trip state /UserPool/EmailVerificationSubject',
      'round-trip state /UserPools/0/LastModifiedDate',
    ]);
    expect(deviation).toMatchObject({ expected: 'New subject', actual: 'Old subject' });
  });

  it('report a stale DescribeUserPoolClient after UpdateUserPoolClient as state', async () => {
    const target = new FakePoolTarget({ staleDescribe: true });
    const { context, recorder } = contextFor(target, 'UpdateUserPoolClient');
    const client = await clientOf(target);
    await runUpdateClientRoundTrip(context, fc.constant({ ...client, ClientName: 'cc-t-renamed' }));
    expect(kinds(recorder)).toEqual(['round-trip state /UserPoolClient/ClientName']);
  });

  it('report a member DescribeUserPoolClient drops as missing-member', async () => {
    const target = new FakePoolTarget({ dropFromDescribe: '/RefreshTokenValidity' });
    const { context, recorder } = contextFor(target, 'CreateUserPoolClient');
    const UserPoolId = await poolId(target);
    await runCreateClientRoundTrip(
      context,
      fc.constant({ UserPoolId, ClientName: 'cc-t-c', RefreshTokenValidity: 10, GenerateSecret: true }),
    );
    expect(kinds(recorder)).toEqual(['round-trip missing-member /UserPoolClient/RefreshTokenValidity']);
  });

  it('report a LastModifiedDate that does not advance as state, and nothing when it does', async () => {
    for (const [faults, expected] of [
      [{ frozenLastModified: true }, ['round-trip state /UserPool/LastModifiedDate']],
      [{}, []],
    ] as const) {
      const target = new FakePoolTarget(faults as FakeFaults);
      const { context, recorder } = contextFor(target, 'UpdateUserPool');
      await probePoolLastModified(context, { UserPoolId: await poolId(target), MfaConfiguration: 'OFF' });
      expect(kinds(recorder)).toEqual(expected);
      expect(untimed(recorder.toRecord().checks)).toEqual([
        { check: 'round-trip', runs: 1, failed: expected.length },
        { check: 'sdk-parse', runs: 1, failed: 0 },
      ]);
    }
  });

  it('wait just over a second before the update whose LastModifiedDate it judges', async () => {
    const target = new FakePoolTarget({ frozenLastModified: true });
    const { context, recorder } = contextFor(target, 'UpdateUserPoolClient');
    const waits: number[] = [];
    await probeClientLastModified(
      { ...context, pause: async (ms) => void waits.push(ms) },
      { ...(await clientOf(target)), RefreshTokenValidity: 3 },
    );
    expect(waits).toEqual([1_100]);
    expect(kinds(recorder)).toEqual(['round-trip state /UserPoolClient/LastModifiedDate']);
  });
});
