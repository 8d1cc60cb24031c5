import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviationKeys } from '../support/deviation-keys.ts';
import { FaultBench } from '../support/fault-bench.ts';
import {
  describeRecords,
  expectNeighboursUnchanged,
  recordsOf,
  resultsOf,
} from '../support/fault-expectations.ts';
import {
  AFFECTED_OPERATION,
  FAULT_SCENARIO,
  OPERATION_AFTER,
  OPERATION_BEFORE,
} from '../support/fault-scenario.ts';
import { bodyNotJson } from '../support/target-faults.ts';

let bench: FaultBench;

beforeAll(async () => {
  bench = await FaultBench.start(FAULT_SCENARIO, { seed: 4244, numRuns: 3 });
});

afterAll(async () => {
  await bench?.stop();
});

describe('a target whose body is not JSON at all', () => {
  it(
    'on the operation under test: reported where the body is judged, no crash, the others unchanged',
    { timeout: 60_000 },
    async () => {
      const result = await bench.run(bodyNotJson(AFFECTED_OPERATION), { requestTimeoutMs: 5_000 });

      expect(result.ms).toBeLessThan(20_000);
      expect(bench.proxy.errors).toEqual([]);
      expect(result.mutatedExchanges).toBeGreaterThan(0);
      const keys = deviationKeys(recordsOf(result.records, AFFECTED_OPERATION));
      expect(keys).toContain(`${AFFECTED_OPERATION} wire-format wire-format (body)`);
      expect(keys).toContain(`${AFFECTED_OPERATION} error-shape malformed-error (body)`);
      expectNeighboursUnchanged(result.records, bench.baseline.records, [OPERATION_BEFORE, OPERATION_AFTER]);
    },
  );

  it(
    'on a set-up call (CreateUserPool): the operations that need it are inconclusive, the one that does not is unchanged',
    { timeout: 60_000 },
    async () => {
      const result = await bench.run(bodyNotJson('CreateUserPool'), { requestTimeoutMs: 5_000 });

      expect(result.ms).toBeLessThan(20_000);
      expect(bench.proxy.errors).toEqual([]);
      for (const operation of [AFFECTED_OPERATION, OPERATION_AFTER]) {
        const records = recordsOf(result.records, operation);
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) {
          expect(record.inconclusive, describeRecords([record])).toMatch(/set-up needs CreateUserPool/);
          expect(record.deviations).toEqual([]);
        }
      }
      expect(resultsOf(result.records, OPERATION_BEFORE)).toEqual(
        resultsOf(bench.baseline.records, OPERATION_BEFORE),
      );
    },
  );
});
