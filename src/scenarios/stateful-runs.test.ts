import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statefulSequences, emptyModel, newWorld, statefulPlans } from '../checks/index.ts';
import { FakePoolTarget, type FakeFaults } from '../checks/test-support/fake-pool-target.ts';
import type { CheckRecorder } from '../engine/index.ts';
import { loadOperationSpecs } from '../spec/index.ts';
import { maxResultsToSweep, runStateful, sweepMaxResults } from './stateful-runs.ts';
import { scenarioForTests } from './test-support/scenario-for-tests.ts';
import { untimed } from '../../test/support/untimed.ts';

const plans = statefulPlans(loadOperationSpecs());
function contextFor(faults: FakeFaults, numRuns = 60, maxCommands = 20, seed = 11) {
  const recorders = new Map<string, CheckRecorder>();
  const owned = new Set<string>();
  const lifecycle = {
    adoptPool: (id: string) => void owned.add(id),
    forgetPool: (id: string) => void owned.delete(id),
  };
  const context = scenarioForTests({
    wire: new FakePoolTarget(faults),
    resources: lifecycle,
    seed,
    statefulRuns: numRuns,
    statefulMaxCommands: maxCommands,
    recorders,
  });
  const deviations = () => [...recorders.values()].flatMap((recorder) => recorder.toRecord().deviations);
  return { context, recorders, owned, deviations, lifecycle };
}

describe('runStateful on a fake target', () => {
  it('finds nothing on a correct target, judges every operation, and leaves no pool behind', async () => {
    const { context, recorders, owned, deviations } = contextFor({});
    await runStateful(context);
    expect(deviations()).toEqual([]);
    // Every call is judged by sdk-parse too; the stateful check judges the reads.
    const judgedBy = (check: string) =>
      [...recorders]
        .filter(([, recorder]) => recorder.toRecord().checks.some((tally) => tally.check === check))
        .map(([operation]) => operation)
        .sort();
    expect(judgedBy('stateful')).toEqual(['DescribeUserPool', 'DescribeUserPoolClient', 'ListUserPools']);
    expect(judgedBy('sdk-parse')).toEqual([...recorders.keys()].sort());
    expect(judgedBy('sdk-parse')).toContain('CreateUserPool');
    for (const recorder of recorders.values())
      for (const tally of recorder.toRecord().checks) expect(tally.failed).toBe(0);
    expect(owned.size).toBe(0);
  });

  it('finds a page larger than MaxResults in the fixed lifecycles, whatever the seed, as their command sequence', async () => {
    for (const seed of [11, 12]) {
      const { context, deviations } = contextFor({ ignoreMaxResults: true }, 60, 20, seed);
      await runStateful(context);
      expect(deviations().map((d) => [d.operation, d.kind, d.path, d.request])).toEqual([
        [
          'ListUserPools',
          'constraint',
          '/UserPools',
          {
            commands: [
              'CreatePool',
              'CreatePool',
              'CreatePool',
              'DeletePool(1)',
              'List(1)',
              'DescribePool(2)',
              'List(60)',
            ],
          },
        ],
      ]);
    }
  });

  it('shrinks a page larger than MaxResults to a minimal command sequence, with seed, path and replayPath', async () => {
    const { context, deviations } = contextFor({ ignoreMaxResults: true });
    await runStateful(context, 'stateful', { lifecycles: false });
    const [deviation] = deviations();
    expect(deviations()).toHaveLength(1);
    expect(deviation).toMatchObject({
      operation: 'ListUserPools',
      check: 'stateful',
      kind: 'constraint',
      path: '/UserPools',
    });
    expect(deviation?.request).toEqual({
      commands: ['CreatePool', 'CreatePool', 'List(1)'],
      replayPath: expect.any(String),
    });
    expect(deviation?.reproduce).toMatchObject({ seed: 11, path: expect.any(String) });
  });

  it('reports what replays: seed, path and replayPath give back the same command sequence', async () => {
    const { context, deviations, lifecycle } = contextFor({ dropNextToken: true });
    await runStateful(context, 'stateful', { lifecycles: false });
    const [deviation] = deviations();
    const { commands, replayPath } = deviation?.request as { commands: string[]; replayPath: string };
    let replayed: string[] = [];
    await fc.assert(
      fc.asyncProperty(statefulSequences(20, replayPath), async (input) => {
        const world = newWorld(new FakePoolTarget({ dropNextToken: true }), 'cc-replay-', plans, lifecycle);
        const model = emptyModel();
        await fc.asyncModelRun(() => ({ model, real: world }), input.commands);
        await input.closing.run(model, world);
        replayed = world.steps;
      }),
      { seed: deviation?.reproduce.seed, path: deviation?.reproduce.path },
    );
    expect(replayed).toEqual(commands);
  });

  it('finds a missing NextToken, a pool listed twice and a deleted pool still listed', async () => {
    const rules = async (faults: FakeFaults) => {
      const { context, deviations } = contextFor(faults);
      await runStateful(context);
      return deviations().map((d) => `${d.operation} ${d.kind} ${d.path.replace(/\/\d+/g, '/*')}`);
    };
    expect(await rules({ dropNextToken: true })).toContain('ListUserPools missing-member /NextToken');
    expect(await rules({ repeatAcrossPages: true })).toContain('ListUserPools state /UserPools/*');
    expect(await rules({ listDeleted: true })).toContain('ListUserPools state /UserPools/*/Id');
  });

  it('finds a stale Describe', async () => {
    const { context, deviations } = contextFor({ staleDescribe: true });
    await runStateful(context);
    const found = deviations().map((d) => `${d.operation} ${d.kind}`);
    expect(found).toContain('DescribeUserPool state');
    expect(found).toContain('DescribeUserPoolClient state');
  });
});

describe('sweepMaxResults', () => {
  it('judges each MaxResults once and records the equivalent command sequence', async () => {
    const { context, recorders, owned } = contextFor({ ignoreMaxResults: true });
    await sweepMaxResults(context, [1, 2, 60]);
    const record = recorders.get('ListUserPools')?.toRecord();
    // Pages that hold pools are judged by the response schema too (the fake target's pages match it).
    expect(untimed(record?.checks ?? [])).toEqual([
      { check: 'response-schema', runs: expect.any(Number), failed: 0 },
      { check: 'sdk-parse', runs: 3, failed: 0 },
      { check: 'stateful', runs: 3, failed: 2 },
    ]);
    expect(record?.deviations).toEqual([
      expect.objectContaining({
        kind: 'constraint',
        occurrences: 2,
        request: { commands: ['CreatePool', 'CreatePool', 'CreatePool', 'List(1)'] },
      }),
    ]);
    expect(owned.size).toBe(0);
  });

  it('sweeps every value from 1 to 60 in the thorough profile only', () => {
    expect(maxResultsToSweep('thorough')).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(maxResultsToSweep('quick')).toEqual([1, 2, 60]);
  });
});
