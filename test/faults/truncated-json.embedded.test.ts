import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviationKeys } from '../support/deviation-keys.ts';
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
import { bodyCutShort, truncatedJson } from '../support/target-faults.ts';

let bench: FaultBench;

beforeAll(async () => {
  bench = await FaultBench.start(FAULT_SCENARIO, { seed: 4243, numRuns: 3 });
});

afterAll(async () => {
  await bench?.stop();
});

describe('a target that truncates its JSON', () => {
  it(
    'closing the connection before Content-Length bytes: transport findings, the operation inconclusive, the others unchanged',
    { timeout: 60_000 },
    async () => {
      const result = await bench.run(bodyCutShort(AFFECTED_OPERATION), { requestTimeoutMs: 5_000 });

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

  it(
    'a complete response whose JSON is cut in half: the body is judged not JSON (not a transport failure), the others unchanged',
    { timeout: 60_000 },
    async () => {
      const result = await bench.run(truncatedJson(AFFECTED_OPERATION), { requestTimeoutMs: 5_000 });

      expect(result.ms).toBeLessThan(20_000);
      expect(bench.proxy.errors).toEqual([]);
      expect(result.mutatedExchanges).toBeGreaterThan(0);
      const keys = deviationKeys(recordsOf(result.records, AFFECTED_OPERATION));
      expect(keys).toContain(`${AFFECTED_OPERATION} wire-format wire-format (body)`);
      expect(keys).toContain(`${AFFECTED_OPERATION} error-shape malformed-error (body)`);
      expect(keys.filter((key) => key.includes(' transport '))).toEqual([]);
      expectNeighboursUnchanged(result.records, bench.baseline.records, [OPERATION_BEFORE, OPERATION_AFTER]);
    },
  );
});
