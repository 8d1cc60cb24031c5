import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { announcedChanges } from '../changes/index.ts';
import { CheckRecorder } from '../engine/index.ts';
import { ResourceFactory, listAllPools } from '../resources/index.ts';
import { loadOperationSpecs } from '../spec/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { WireClient } from '../wire/index.ts';
import { runChange } from './change-runs.ts';
import { runSigningCertificate } from './signing-certificate-run.ts';

const PREFIX = 'cc-change-runs-';
const specs = loadOperationSpecs();
let target: StartedTarget;
let wire: WireClient;
let resources: ResourceFactory;

beforeAll(async () => {
  target = await startEmbeddedTarget();
  wire = new WireClient(target.descriptor);
});
afterEach(() => resources.cleanup());
afterAll(async () => {
  wire.destroy();
  await target.stop();
});

function recorder(operation: string): CheckRecorder {
  resources = new ResourceFactory(wire, PREFIX);
  return new CheckRecorder(operation, target.descriptor, {
    profile: 'quick',
    seed: 1,
    startedAt: new Date(0).toISOString(),
  });
}

describe('change runs against cognito-local', () => {
  it('gives every announced change exactly one verdict, with evidence, on its own operation', async () => {
    for (const change of announcedChanges(specs)) {
      const onOperation = recorder(change.operation);
      const verdict = await runChange(
        { specs, target: target.descriptor, wire, resources, recorder: onOperation },
        change,
      );
      expect(onOperation.toRecord().changes).toEqual([verdict]);
      expect(verdict).toEqual(
        expect.objectContaining({
          operation: change.operation,
          direction: change.direction,
          path: change.path,
          evidence: expect.any(String),
        }),
      );
      await resources.cleanup();
    }
  });

  it('leaves no pool behind, including pools the check created itself', async () => {
    const pools = await listAllPools(wire);
    expect(pools.filter((pool) => pool.name.startsWith(PREFIX))).toEqual([]);
  });

  it('marks GetSigningCertificate unsupported on cognito-local 5.3.0, which does not implement it', async () => {
    const onOperation = recorder('GetSigningCertificate');
    await runSigningCertificate({ wire, resources, recorder: onOperation });
    expect(onOperation.toRecord()).toEqual(
      expect.objectContaining({ unsupported: expect.any(String), deviations: [] }),
    );
  });
});
