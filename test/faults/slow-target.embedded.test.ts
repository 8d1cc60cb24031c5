import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrder, unknownIdsOf } from '../support/engine-scenarios.ts';
import { FaultBench } from '../support/fault-bench.ts';
import { resultsOf } from '../support/fault-expectations.ts';
import { slowTarget } from '../support/target-faults.ts';

const OPERATIONS = ['DescribeUserPool', 'DescribeUserPoolClient'] as const;
const EVERY_CALL = ['CreateUserPool', 'CreateUserPoolClient', 'DescribeUserPool', 'DescribeUserPoolClient'];
const DELAY_MS = 1_500;

let bench: FaultBench;

beforeAll(async () => {
  bench = await FaultBench.start(inOrder(...OPERATIONS.map((operation) => unknownIdsOf(operation))), {
    seed: 4245,
    numRuns: 2,
  });
});

afterAll(async () => {
  await bench?.stop();
});

describe('a slow target', () => {
  it(
    `${DELAY_MS} ms per response, under a 4 s request timeout: every call completes and every result is as on a fast target`,
    { timeout: 90_000 },
    async () => {
      const result = await bench.run(slowTarget(EVERY_CALL, DELAY_MS), { requestTimeoutMs: 4_000 });

      expect(bench.proxy.errors).toEqual([]);
      expect(result.mutatedExchanges).toBeGreaterThanOrEqual(5);
      // Calls run one at a time, so the run takes the delays end to end, and not much more.
      expect(result.ms).toBeGreaterThanOrEqual(result.mutatedExchanges * DELAY_MS);
      expect(result.ms).toBeLessThan(result.mutatedExchanges * DELAY_MS + 10_000);
      expect(result.keys.filter((key) => key.includes(' transport '))).toEqual([]);
      for (const operation of OPERATIONS)
        expect(resultsOf(result.records, operation)).toEqual(resultsOf(bench.baseline.records, operation));
      for (const record of result.records) expect(record.completedExchanges).toBeGreaterThan(0);
    },
  );
});
