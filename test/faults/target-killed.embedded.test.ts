import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeResult, runCli } from '../../src/cli/test-support/run-cli.ts';
import { startEmbeddedTarget, type StartedTarget } from '../../src/targets/index.ts';
import { FaultBench } from '../support/fault-bench.ts';
import { describeRecords, recordsOf, resultsOf, transportAffected } from '../support/fault-expectations.ts';
import {
  AFFECTED_OPERATION,
  FAULT_SCENARIO,
  OPERATION_AFTER,
  OPERATION_BEFORE,
} from '../support/fault-scenario.ts';
import { killTargetOnRequest } from '../support/kill-target.ts';
import { MutationProxy } from '../support/mutation-proxy.ts';
import { readReportFiles } from '../support/report-files.ts';
import { namesUnknownPool } from '../support/target-faults.ts';

describe('the target killed in the middle of a run', () => {
  let bench: FaultBench;

  beforeAll(async () => {
    bench = await FaultBench.start(FAULT_SCENARIO, { seed: 4247, numRuns: 3 });
  });

  afterAll(async () => {
    await bench?.stop();
  });

  it(
    'engine: what ran before keeps its results, the rest is transport or inconclusive, nothing throws or hangs',
    { timeout: 60_000 },
    async () => {
      const kill = killTargetOnRequest({ operation: AFFECTED_OPERATION, nth: 2 }, () => bench.target.stop());
      const result = await bench.run(kill, { requestTimeoutMs: 5_000 });

      expect(result.ms).toBeLessThan(20_000);
      expect(bench.proxy.errors).toEqual([]);
      expect(resultsOf(result.records, OPERATION_BEFORE)).toEqual(
        resultsOf(bench.baseline.records, OPERATION_BEFORE),
      );
      const afterKill = [
        ...recordsOf(result.records, AFFECTED_OPERATION),
        ...recordsOf(result.records, OPERATION_AFTER),
      ];
      expect(afterKill).toHaveLength(3);
      for (const record of afterKill)
        expect(transportAffected(record, bench.baseline.records), describeRecords([record])).toBe(true);
      expect(recordsOf(result.records, OPERATION_AFTER)[0]?.inconclusive).toMatch(
        /set-up needs CreateUserPool/,
      );
      // The pools the run made cannot be deleted from a dead target: said, not thrown.
      expect(result.cleanupError).toMatch(/could not delete/);
    },
  );
});

describe('the target killed in the middle of a CLI run', () => {
  const OPERATIONS = ['ListUserPools', 'DescribeUserPool'];
  let target: StartedTarget;
  let proxy: MutationProxy;
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'cc-fault-killed-'));
    target = await startEmbeddedTarget();
    // Killed at the one request of the run that names no pool: mid-run, and always in a judged call.
    proxy = await MutationProxy.start(target.descriptor.endpoint, {
      mutation: killTargetOnRequest({ operation: 'DescribeUserPool', when: namesUnknownPool }, () =>
        target.stop(),
      ),
    });
  });

  afterAll(async () => {
    await proxy?.close();
    await target?.stop();
    await rm(out, { recursive: true, force: true });
  });

  it(
    'exits in bounded time and still writes complete, valid reports (no temporary files left)',
    { timeout: 300_000 },
    async () => {
      const result = await runCli(
        [
          'run',
          '--endpoint',
          proxy.endpoint,
          '--ops',
          OPERATIONS.join(','),
          '--runs',
          '2',
          '--seed',
          '11',
          '--out',
          out,
          '--format',
          'json,md',
        ],
        { timeoutMs: 240_000 },
      );

      expect(result.signal, describeResult(result)).toBeNull();
      expect(result.durationMs).toBeLessThan(180_000);
      // A target that dies is a failure of the target: exit 2, or 1 for the deviations found before it died.
      expect([1, 2], describeResult(result)).toContain(result.code);
      expect(proxy.errors).toEqual([]);
      const files = await readReportFiles(out);
      expect(files.schemaErrors).toEqual([]);
      expect(files.temporaries).toEqual([]);
      expect(files.files).toEqual(['report.json', 'report.md']);
      expect(files.report.operations.map((operation) => operation.operation)).toEqual(
        OPERATIONS.slice().sort(),
      );
      const describeUserPool = files.report.operations.find(
        (operation) => operation.operation === 'DescribeUserPool',
      );
      expect(
        describeUserPool?.deviations
          .filter((deviation) => deviation.kind === 'transport')
          .map((deviation) => deviation.check),
      ).toContain('error-shape');
      for (const operation of OPERATIONS) expect(files.markdown).toContain(`| ${operation} |`);
      process.stdout.write(
        `CLI run with the target killed: exit ${result.code} after ${result.durationMs} ms\n`,
      );
    },
  );
});
