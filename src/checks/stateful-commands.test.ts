import { describe, expect, it } from 'vitest';
import { loadOperationSpecs } from '../spec/index.ts';
import {
  CreateClient,
  CreatePool,
  DeleteClient,
  DeletePool,
  DescribeClient,
  DescribePool,
  ListPools,
  UpdateClient,
  UpdatePool,
  type StatefulCommand,
} from './stateful-commands.ts';
import { emptyModel, newWorld, statefulPlans } from './stateful-model.ts';
import { FakePoolTarget, type FakeFaults } from './test-support/fake-pool-target.ts';
import type { Sender } from '../wire/index.ts';

const plans = statefulPlans(loadOperationSpecs());

/** Runs a fixed sequence as fast-check would (skipping commands whose precondition fails). */
async function runSequence(
  faults: FakeFaults | Sender,
  commands: readonly StatefulCommand[],
  foreignPools = 0,
) {
  const target = 'send' in faults ? faults : new FakePoolTarget(faults);
  for (let i = 0; i < foreignPools; i++)
    await target.send('CreateUserPool', { PoolName: `someone-else-${i}` });
  const owned = new Set<string>();
  const world = newWorld(target, 'cc-t-r1-', plans, {
    adoptPool: (id) => owned.add(id),
    forgetPool: (id) => owned.delete(id),
  });
  const model = emptyModel();
  for (const command of commands) if (command.check(model)) await command.run(model, world);
  return { world, model, owned };
}

const rules = (findings: readonly { check: string; finding: { kind: string; path: string } }[]) =>
  findings.map(({ check, finding }) => `${check} ${finding.kind} ${finding.path}`);

describe('stateful commands on a fake target', () => {
  it('find nothing on a correct target, with other tests’ pools on it too', async () => {
    const { world, model, owned } = await runSequence(
      {},
      [
        new CreatePool(),
        new CreatePool(),
        new CreatePool(),
        new ListPools(1),
        new ListPools(2),
        new UpdatePool(1, 12),
        new DescribePool(1),
        new CreateClient(0),
        new UpdateClient(0, 5),
        new DescribeClient(0),
        new DeleteClient(0),
        new DescribeClient(0),
        new CreateClient(2),
        new DeletePool(0),
        new DescribePool(0),
        new DescribeClient(1),
        new ListPools(1),
        new ListPools(60),
      ],
      4,
    );
    expect(world.findings).toEqual([]);
    expect(world.judged).toEqual(
      new Set(['stateful:ListUserPools', 'stateful:DescribeUserPool', 'stateful:DescribeUserPoolClient']),
    );
    expect([...owned].sort()).toEqual(
      model.pools
        .filter((pool) => !pool.deleted)
        .map((pool) => pool.id)
        .sort(),
    );
    expect(world.steps).toContain('UpdatePool(1, 12)');
  });

  it('report a page larger than MaxResults as constraint', async () => {
    const { world } = await runSequence({ ignoreMaxResults: true }, [
      new CreatePool(),
      new CreatePool(),
      new ListPools(1),
    ]);
    expect(rules(world.findings)).toEqual(['stateful:ListUserPools constraint /UserPools']);
  });

  it('report a full page without NextToken while pools remain as missing-member', async () => {
    const { world } = await runSequence({ dropNextToken: true }, [
      new CreatePool(),
      new CreatePool(),
      new CreatePool(),
      new ListPools(2),
    ]);
    expect(rules(world.findings)).toEqual(['stateful:ListUserPools missing-member /NextToken']);
  });

  it('report a pool listed twice across pages as state', async () => {
    const { world } = await runSequence({ repeatAcrossPages: true }, [
      new CreatePool(),
      new CreatePool(),
      new CreatePool(),
      new ListPools(2),
    ]);
    expect(rules(world.findings)).toEqual(['stateful:ListUserPools state /UserPools/1']);
  });

  it('report a deleted pool still listed as state', async () => {
    const { world } = await runSequence({ listDeleted: true }, [
      new CreatePool(),
      new CreatePool(),
      new DeletePool(0),
      new ListPools(60),
    ]);
    expect(rules(world.findings)).toEqual(['stateful:ListUserPools state /UserPools/0/Id']);
  });

  it('report a deleted pool Describe still answers for as state', async () => {
    const { world } = await runSequence({ describeDeleted: true }, [
      new CreatePool(),
      new DeletePool(0),
      new DescribePool(0),
    ]);
    expect(rules(world.findings)).toEqual(['stateful:DescribeUserPool state /UserPool']);
  });

  it('report a client that outlives its deleted pool as state', async () => {
    const { world } = await runSequence({ clientsOutlivePool: true }, [
      new CreatePool(),
      new CreateClient(0),
      new DeletePool(0),
      new DescribeClient(0),
    ]);
    expect(rules(world.findings)).toEqual(['stateful:DescribeUserPoolClient state /UserPoolClient']);
    expect(world.findings[0]?.finding.message).toMatch(/of deleted pool/);
  });

  it('report a stale Describe after an update as state, for pools and clients', async () => {
    const pool = await runSequence({ staleDescribe: true }, [
      new CreatePool(),
      new UpdatePool(0, 12),
      new DescribePool(0),
    ]);
    expect(rules(pool.world.findings)).toEqual([
      'stateful:DescribeUserPool state /UserPool/Policies/PasswordPolicy/MinimumLength',
      'stateful:DescribeUserPool state /UserPool/UserPoolTags/conformance-revision',
    ]);
    const client = await runSequence({ staleDescribe: true }, [
      new CreatePool(),
      new CreateClient(0),
      new UpdateClient(0, 5),
      new DescribeClient(0),
    ]);
    expect(rules(client.world.findings)).toEqual([
      'stateful:DescribeUserPoolClient state /UserPoolClient/ClientName',
      'stateful:DescribeUserPoolClient state /UserPoolClient/RefreshTokenValidity',
    ]);
  });

  it('report a Describe that drops a written member as missing-member', async () => {
    const { world } = await runSequence({ dropFromDescribe: '/UserPoolTags' }, [
      new CreatePool(),
      new DescribePool(0),
    ]);
    expect(rules(world.findings)).toEqual([
      'stateful:DescribeUserPool missing-member /UserPool/UserPoolTags',
    ]);
  });

  it('do not count a listing glitch that a second listing does not show', async () => {
    const target = new FakePoolTarget();
    let glitches = 1;
    const glitchy: Sender = {
      async send(operation, input) {
        const result = await target.send(operation, input);
        if (operation !== 'ListUserPools' || glitches-- <= 0) return result;
        return { ...result, exchange: { ...result.exchange, body: { UserPools: [] } } };
      },
    };
    const { world } = await runSequence(glitchy, [new CreatePool(), new ListPools(5)]);
    expect(world.findings).toEqual([]);
    expect(target.calls.filter((call) => call === 'ListUserPools')).toHaveLength(2);
  });
});
