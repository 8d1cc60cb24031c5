import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultBench, verdictsOf } from '../support/fault-bench.ts';
import {
  describeRecords,
  expectNeighboursUnchanged,
  recordsOf,
  transportAffected,
} from '../support/fault-expectations.ts';
import {
  AFFECTED_OPERATION,
  FAULT_SCENARIO,
  OPERATION_AFTER,
  OPERATION_BEFORE,
} from '../support/fault-scenario.ts';
import { connectionResetMidResponse } from '../support/target-faults.ts';

let bench: FaultBench;

beforeAll(async () => {
  bench = await FaultBench.start(FAULT_SCENARIO, { seed: 4242, numRuns: 3 });
});

afterAll(async () => {
  await bench?.stop();
});

describe('a target that resets the connection mid-response', () => {
  it(
    'makes the affected operation inconclusive with transport findings; the others keep their results',
    { timeout: 60_000 },
    async () => {
      const result = await bench.run(connectionResetMidResponse(AFFECTED_OPERATION), {
        requestTimeoutMs: 5_000,
      });

      expect(result.ms).toBeLessThan(20_000);
      expect(bench.proxy.errors).toEqual([]);
      expect(result.mutatedExchanges).toBeGreaterThan(0);
      const affected = recordsOf(result.records, AFFECTED_OPERATION);
      expect(affected).toHaveLength(2);
      for (const record of affected)
        expect(transportAffected(record, bench.baseline.records), describeRecords([record])).toBe(true);
      expect(verdictsOf(result.records)[AFFECTED_OPERATION]).toBe('inconclusive');
      expectNeighboursUnchanged(result.records, bench.baseline.records, [OPERATION_BEFORE, OPERATION_AFTER]);
    },
  );
});
