import { describe, expect, it } from 'vitest';
import { announcedChanges } from '../changes/index.ts';
import type { CheckRecorder } from '../engine/index.ts';
import { listAllPools } from '../resources/index.ts';
import { loadOperationSpecs } from '../spec/index.ts';
import { runChange } from './change-runs.ts';
import { runSigningCertificate } from './signing-certificate-run.ts';
import type { ScenarioContext } from './scenario-context.ts';
import { useEmbeddedScenarios } from './test-support/embedded-scenarios.ts';

const PREFIX = 'cc-change-runs-';
const specs = loadOperationSpecs();
const embedded = useEmbeddedScenarios(PREFIX);

/** A fresh scenario (and resources) for one operation, with that operation's recorder. */
function scenarioFor(operation: string): { scenario: ScenarioContext; recorder: CheckRecorder } {
  const scenario = embedded.scenario();
  return { scenario, recorder: scenario.recorderFor(operation) };
}

describe('change runs against cognito-local', () => {
  it('gives every announced change exactly one verdict, with evidence, on its own operation', async () => {
    for (const change of announcedChanges(specs)) {
      const { scenario, recorder: onOperation } = scenarioFor(change.operation);
      const verdict = await runChange(scenario, change);
      expect(onOperation.toRecord().changes).toEqual([verdict]);
      expect(verdict).toEqual(
        expect.objectContaining({
          operation: change.operation,
          direction: change.direction,
          path: change.path,
          evidence: expect.any(String),
        }),
      );
      await embedded.cleanup();
    }
  });

  it('gives a change the current reference withdrew its own verdict, sends nothing and finds nothing', async () => {
    const withdrawn = announcedChanges(specs).filter((change) => change.withdrawnBy !== undefined);
    expect(withdrawn.map((change) => `${change.operation} ${change.value}`)).toEqual([
      'AdminInitiateAuth USER_PASSWORD_AUTH',
    ]);
    for (const change of withdrawn) {
      const { scenario, recorder: onOperation } = scenarioFor(change.operation);
      const sent = embedded.wire().exchangeCount;
      const verdict = await runChange(scenario, change);
      expect(verdict).toMatchObject({ supported: null, withdrawn: change.withdrawnBy });
      expect(verdict.evidence).toMatch(/withdrawn by the current reference/);
      expect(onOperation.toRecord().deviations).toEqual([]);
      expect(embedded.wire().exchangeCount).toBe(sent);
    }
  });

  it('leaves no pool behind, including pools the check created itself', async () => {
    const pools = await listAllPools(embedded.wire());
    expect(pools.filter((pool) => pool.name.startsWith(PREFIX))).toEqual([]);
  });

  it('marks GetSigningCertificate unsupported on cognito-local 5.3.0, which does not implement it', async () => {
    const { scenario, recorder: onOperation } = scenarioFor('GetSigningCertificate');
    await runSigningCertificate(scenario);
    expect(onOperation.toRecord()).toEqual(
      expect.objectContaining({ unsupported: expect.any(String), deviations: [] }),
    );
  });
});
