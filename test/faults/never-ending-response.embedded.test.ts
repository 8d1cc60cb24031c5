import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeResult, runCli } from '../../src/cli/test-support/run-cli.ts';
import { startEmbeddedTarget, type StartedTarget } from '../../src/targets/index.ts';
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
import { MutationProxy } from '../support/mutation-proxy.ts';
import { readReportFiles } from '../support/report-files.ts';
import { namesUnknownPool, neverEndingResponse, silentTarget } from '../support/target-faults.ts';

const REQUEST_TIMEOUT_MS = 1_000;
/**
 * Nine runs make ten hanging calls (the probe plus nine), more than the client's eight pooled sockets:
 * a socket still held by a hung call after its deadline would starve every later call.
 */
const SETTINGS = { seed: 4246, numRuns: 9 };

describe('a target that never finishes a response', () => {
  let bench: FaultBench;

  beforeAll(async () => {
    bench = await FaultBench.start(FAULT_SCENARIO, SETTINGS);
  });

  afterAll(async () => {
    await bench?.stop();
  });

  for (const fault of [neverEndingResponse(AFFECTED_OPERATION), silentTarget(AFFECTED_OPERATION)]) {
    it(
      `${fault.description}: each call gives up at the request timeout, the operation is inconclusive, the others keep their results`,
      { timeout: 90_000 },
      async () => {
        const result = await bench.run(fault, { requestTimeoutMs: REQUEST_TIMEOUT_MS });

        expect(bench.proxy.errors).toEqual([]);
        expect(result.mutatedExchanges).toBeGreaterThanOrEqual(SETTINGS.numRuns + 2);
        // Every hanging call costs one timeout; nothing else waits.
        expect(result.ms).toBeLessThan(result.mutatedExchanges * REQUEST_TIMEOUT_MS + 10_000);
        const affected = recordsOf(result.records, AFFECTED_OPERATION);
        expect(affected).toHaveLength(2);
        for (const record of affected)
          expect(transportAffected(record, bench.baseline.records), describeRecords([record])).toBe(true);
        expect(
          affected.flatMap((record) => record.deviations.map((deviation) => String(deviation.actual))),
        ).toEqual(expect.arrayContaining([expect.stringMatching(/TimeoutError/)]));
        expect(verdictsOf(result.records)[AFFECTED_OPERATION]).toBe('inconclusive');
        expectNeighboursUnchanged(result.records, bench.baseline.records, [
          OPERATION_BEFORE,
          OPERATION_AFTER,
        ]);
      },
    );
  }
});

describe('a target that never finishes a response, under the CLI', () => {
  const OPERATIONS = ['ListUserPools', 'DescribeUserPool'];
  let target: StartedTarget;
  let proxy: MutationProxy;
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'cc-fault-never-ending-'));
    target = await startEmbeddedTarget();
    // Only the call for an unknown pool hangs: one per run, always judged (error-shape), the rest of the
    // run unaffected. --request-timeout keeps the wait short.
    proxy = await MutationProxy.start(target.descriptor.endpoint, {
      mutation: neverEndingResponse('DescribeUserPool', namesUnknownPool),
    });
  });

  afterAll(async () => {
    await proxy?.close();
    await target?.stop();
    await rm(out, { recursive: true, force: true });
  });

  it(
    'exits in bounded time, the hung call reported as transport, the reports complete and valid',
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
          '12',
          '--request-timeout',
          '3000',
          '--out',
          out,
          '--format',
          'json,md',
        ],
        { timeoutMs: 240_000 },
      );

      expect(result.signal, describeResult(result)).toBeNull();
      expect(result.durationMs).toBeLessThan(180_000);
      expect([0, 1], describeResult(result)).toContain(result.code);
      expect(proxy.errors).toEqual([]);
      expect(proxy.mutatedExchanges).toBe(1);
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
      const transport = describeUserPool?.deviations.filter((deviation) => deviation.kind === 'transport');
      expect(transport?.map((deviation) => [deviation.check, String(deviation.actual)])).toEqual([
        ['error-shape', expect.stringMatching(/^TimeoutError: no complete response within 3000 ms/)],
      ]);
      for (const operation of OPERATIONS) expect(files.markdown).toContain(`| ${operation} |`);
      process.stdout.write(
        `CLI run with a never-ending answer: exit ${result.code} after ${result.durationMs} ms\n`,
      );
    },
  );
});
