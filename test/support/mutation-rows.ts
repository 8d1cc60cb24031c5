import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceRecord } from '../../src/deviations/index.ts';
import type { StartedTarget } from '../../src/targets/index.ts';
import { formatDetectionTable, type DetectionRow } from './detection-table.ts';
import { keyText, type DeviationKey } from './deviation-keys.ts';
import type { Scenario } from './engine-scenarios.ts';
import type { Mutation } from './mutation.ts';
import { MutationProxy } from './mutation-proxy.ts';
import { runThroughProxy } from './proxied-run.ts';

/**
 * One row of a mutation table: a mutation, the scenario that must catch it, and the deviation it must cause
 * (operation, check, kind, path).
 */
export interface MutationRow {
  readonly mutation: Mutation;
  readonly scenario: Scenario;
  readonly caughtBy: DeviationKey;
  /** Other checks that must catch it too (the SDK's view of the same answer: sdk-parse). */
  readonly alsoCaughtBy?: readonly DeviationKey[];
}

const SETTINGS = { seed: 20_180_212, numRuns: 3 };

/**
 * Proof that the suite catches deviations: each row runs the engine's own run functions twice through the mutation
 * proxy in front of a real emulator (`start`), once honest (the baseline) and once with one mutation, and the
 * mutated run must report the row's deviation where the baseline did not. `catalogue` is the mutations the rows
 * must cover, one row each. Prints the detection table at the end.
 */
export function describeMutationRows(
  title: string,
  rows: readonly MutationRow[],
  catalogue: readonly Mutation[],
  start: () => Promise<StartedTarget>,
): void {
  let target: StartedTarget;
  let proxy: MutationProxy;
  const detections = new Map<string, DetectionRow>();

  beforeAll(async () => {
    target = await start();
    proxy = await MutationProxy.start(target.descriptor.endpoint);
  }, 300_000);

  afterAll(async () => {
    const table = rows.map(
      (row) =>
        detections.get(row.mutation.name) ?? {
          mutation: row.mutation.name,
          description: row.mutation.description,
          caughtBy: keyText(row.caughtBy),
          detected: false,
        },
    );
    process.stdout.write(
      `\nMutation detection (baseline honest, then mutated):\n${formatDetectionTable(table)}\n`,
    );
    await proxy?.close();
    await target?.stop();
  });

  describe(title, () => {
    it('has one row per mutation of the catalogue', () => {
      expect(rows.map((row) => row.mutation.name).sort()).toEqual(
        catalogue.map((mutation) => mutation.name).sort(),
      );
    });

    for (const row of rows) {
      it(
        `${row.mutation.name}: ${row.mutation.description} → ${keyText(row.caughtBy)}`,
        { timeout: 180_000 },
        async () => {
          const expected = keyText(row.caughtBy);
          const baseline = await runThroughProxy(
            proxy,
            target.descriptor,
            { honest: row.mutation.honest },
            row.scenario,
            { label: `${row.mutation.name}-base`, settings: SETTINGS },
          );
          const mutated = await runThroughProxy(
            proxy,
            target.descriptor,
            { mutation: row.mutation },
            row.scenario,
            { label: `${row.mutation.name}-mut`, settings: SETTINGS },
          );
          const detected = !baseline.keys.includes(expected) && mutated.keys.includes(expected);
          detections.set(row.mutation.name, {
            mutation: row.mutation.name,
            description: row.mutation.description,
            caughtBy: expected,
            detected,
          });

          expect(proxy.errors).toEqual([]);
          // The baseline must have judged the rule, or "not reported" would prove nothing.
          expect(
            judgedRuns(baseline.records, row.caughtBy),
            'the baseline never ran the check',
          ).toBeGreaterThan(0);
          expect(mutated.mutatedExchanges, 'the mutation changed no exchange').toBeGreaterThan(0);
          expect(baseline.keys, 'the honest baseline already reports it').not.toContain(expected);
          expect(mutated.keys, 'the mutated run does not report it').toContain(expected);
          for (const also of row.alsoCaughtBy ?? []) {
            expect(
              judgedRuns(baseline.records, also),
              `the baseline never ran ${also.check}`,
            ).toBeGreaterThan(0);
            expect(baseline.keys, 'the honest baseline already reports it').not.toContain(keyText(also));
            expect(mutated.keys, 'the mutated run does not report it').toContain(keyText(also));
          }
        },
      );
    }
  });
}

/** How many runs of the row's check the records judged on the row's operation (none when set-up failed). */
function judgedRuns(records: readonly ConformanceRecord[], key: DeviationKey): number {
  return records
    .filter((record) => record.operation === key.operation && record.inconclusive === undefined)
    .flatMap((record) => record.checks)
    .filter((tally) => tally.check === key.check)
    .reduce((sum, tally) => sum + tally.runs, 0);
}
