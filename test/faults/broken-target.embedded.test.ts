import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/deviations/index.ts';
import { describeResult, runCli, type CliResult } from '../../src/cli/test-support/run-cli.ts';
import { loadOperationSpecs } from '../../src/spec/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../../src/targets/index.ts';
import {
  type BrokenAnswer,
  type BrokenTarget,
  refusingEndpoint,
  startBrokenTarget,
} from '../support/broken-target.ts';
import { MutationProxy } from '../support/mutation-proxy.ts';
import { readReportFiles, type ReportFiles } from '../support/report-files.ts';
import { deleteRefused } from '../support/target-faults.ts';

/**
 * A target that answers HTTP, however badly, is reachable: what it answers is a finding, not a failure of the tool
 * (issue #14, point 7). Two such targets through the real bin: one that answers every request with a 200 whose
 * JSON is cut off, one that answers every request with a 500 HTML page. Each gets a complete report (every
 * operation with a verdict, and a reason where it could not be judged), the sweep that cannot list the target's
 * pools is a warning in the report naming the run's prefix, and the exit code is the gate's: 0 with
 * `--report-only`. Exit 2 stays for a target that cannot be reached at all. Nothing here needs cognito-local; the
 * broken targets are servers of this test.
 */
/** Every operation of the specs (10): the runs without `--ops` judge all of them. */
const ALL_OPERATIONS = loadOperationSpecs().map((spec) => spec.operation);
/** A few operations that go different ways (the one set-up needs, a listing, one that needs set-up) for quick runs. */
const FEW_OPERATIONS = ['CreateUserPool', 'ListUserPools', 'DescribeUserPoolClient'];
const RUNS = ['--runs', '2', '--seed', '20260714'];

let dir: string;
const targets = new Map<BrokenAnswer, BrokenTarget>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-broken-target-'));
  for (const answer of ['truncated-json', 'html-500', 'silent'] as const)
    targets.set(answer, await startBrokenTarget(answer));
});

afterAll(async () => {
  await Promise.all([...targets.values()].map((target) => target.close()));
  await rm(dir, { recursive: true, force: true });
});

function endpointOf(answer: BrokenAnswer): string {
  const target = targets.get(answer);
  if (!target) throw new Error(`no ${answer} target`);
  return target.endpoint;
}

async function runAgainst(
  answer: BrokenAnswer,
  label: string,
  args: readonly string[],
): Promise<{ result: CliResult; out: string }> {
  const out = join(dir, label);
  const result = await runCli(['run', '--endpoint', endpointOf(answer), '--out', out, ...RUNS, ...args], {
    timeoutMs: 180_000,
  });
  return { result, out };
}

/** The prefix the run printed in its header: what its pools are named with, and what the sweep looks for. */
function prefixOf(result: CliResult): string {
  const prefix = /· prefix (cc-[0-9a-f]+-)/.exec(result.stderr)?.[1];
  if (prefix === undefined) throw new Error(`no prefix in the run's header\n${describeResult(result)}`);
  return prefix;
}

/**
 * Complete: the report validates, has exactly the selected operations, each with a verdict; every operation that
 * could not be judged says why. The sweep's warning names the run's prefix and the command that removes what may
 * be left behind. The run did not fail inside the harness.
 */
function expectCompleteReport(
  files: ReportFiles,
  result: CliResult,
  answer: BrokenAnswer,
  operations: readonly string[],
): void {
  const { report } = files;
  expect(files.schemaErrors, JSON.stringify(files.schemaErrors)).toEqual([]);
  expect(report.operations.map((op) => op.operation)).toEqual([...operations].sort());
  for (const op of report.operations) {
    expect(['conformant', 'deviates', 'unsupported', 'inconclusive']).toContain(op.verdict);
    if (op.verdict === 'unsupported' || op.verdict === 'inconclusive')
      expect(op.reason, `${op.operation} is ${op.verdict} without a reason`).toMatch(/\w/);
  }
  expect(report.summary.operations).toBe(operations.length);
  const prefix = prefixOf(result);
  expect(report.warnings).toHaveLength(1);
  const [warning] = report.warnings ?? [];
  expect(warning).toContain("the clean-up sweep could not list the target's user pools");
  expect(warning).toContain(`whose name starts with ${prefix} may be left behind`);
  expect(warning).toContain(
    `cognito-conformance cleanup --target endpoint --endpoint ${endpointOf(answer)} --prefix ${prefix}`,
  );
  expect(files.markdown).toContain('## Warnings');
  expect(result.stdout).toContain("warning: the clean-up sweep could not list the target's user pools");
  expect(result.stderr).not.toContain('failed inside the harness');
  expect(result.stderr).not.toContain('listAllPools');
}

function verdicts(report: Report): Record<string, string> {
  return Object.fromEntries(report.operations.map((op) => [op.operation, op.verdict]));
}

describe.concurrent('a target that answers HTTP, but garbage', { timeout: 240_000 }, () => {
  it('every answer a 200 with cut-off JSON, all 113 operations, --report-only: a complete report, exit 0', async () => {
    const { result, out } = await runAgainst('truncated-json', 'truncated-all', ['--report-only']);
    expect(result.code, describeResult(result)).toBe(0);
    const files = await readReportFiles(out);
    expect(ALL_OPERATIONS).toHaveLength(113);
    expectCompleteReport(files, result, 'truncated-json', ALL_OPERATIONS);
    // The operations judged on their own answers deviate: a 200 whose body is not JSON is a wire-format finding.
    const { report } = files;
    for (const operation of ['CreateUserPool', 'ListUserPools']) {
      const op = report.operations.find((candidate) => candidate.operation === operation);
      expect(op?.verdict).toBe('deviates');
      expect(op?.deviations.some((d) => d.check === 'wire-format' && d.path === '')).toBe(true);
    }
    // The others need a pool first, which the target never gives: inconclusive, saying why.
    for (const op of report.operations.filter((candidate) => candidate.verdict === 'inconclusive'))
      expect(op.reason).toMatch(
        /set-up needs CreateUserPool, which failed \(HTTP 200 with a body that is not JSON\)/,
      );
  });

  it('every answer a 500 HTML page, all 113 operations, --report-only: a complete report, exit 0', async () => {
    const { result, out } = await runAgainst('html-500', 'html-all', ['--report-only']);
    expect(result.code, describeResult(result)).toBe(0);
    const files = await readReportFiles(out);
    expectCompleteReport(files, result, 'html-500', ALL_OPERATIONS);
    // Every request answered with a 5xx: one verdict per operation it could call, not a cascade of findings.
    const { report } = files;
    expect(verdicts(report)).toMatchObject({ CreateUserPool: 'unsupported', ListUserPools: 'unsupported' });
    for (const op of report.operations.filter((candidate) => candidate.verdict === 'inconclusive'))
      expect(op.reason).toMatch(
        /set-up needs CreateUserPool, which failed \(HTTP 500 with a body that is not JSON\)/,
      );
    // …and that verdict is one `unsupported` deviation each, which is what fails a gate on such a target.
    const unsupported = report.operations.filter((op) => op.verdict === 'unsupported');
    expect(report.summary.deviations).toBe(unsupported.length);
    for (const op of unsupported) expect(op.deviations.map((d) => d.kind)).toEqual(['unsupported']);
  });

  it('cut-off JSON without --report-only: the same report, and exit 1 for its deviations', async () => {
    const { result, out } = await runAgainst('truncated-json', 'truncated-gate', [
      '--ops',
      FEW_OPERATIONS.join(','),
    ]);
    expect(result.code, describeResult(result)).toBe(1);
    const files = await readReportFiles(out);
    expectCompleteReport(files, result, 'truncated-json', FEW_OPERATIONS);
    expect(files.report.summary.deviations).toBeGreaterThan(0);
  });

  it('500 HTML pages, a few operations, without --report-only: the same verdicts as over all of them, and exit 1', async () => {
    const { result, out } = await runAgainst('html-500', 'html-few', ['--ops', FEW_OPERATIONS.join(',')]);
    expect(result.code, describeResult(result)).toBe(1);
    const files = await readReportFiles(out);
    expectCompleteReport(files, result, 'html-500', FEW_OPERATIONS);
    expect(verdicts(files.report)).toEqual({
      CreateUserPool: 'unsupported',
      DescribeUserPoolClient: 'inconclusive',
      ListUserPools: 'unsupported',
    });
  });
});

describe('a target that makes pools but will not delete them', () => {
  let upstream: StartedTarget | undefined;
  let proxy: MutationProxy | undefined;

  afterAll(async () => {
    await proxy?.close();
    await upstream?.stop();
  });

  it(
    'DeleteUserPool deletes nothing and answers a 500 page: no test fails for it, and the report warns of what is left',
    { timeout: 240_000 },
    async () => {
      upstream = await startEmbeddedTarget();
      proxy = await MutationProxy.start(upstream.descriptor.endpoint, {
        mutation: deleteRefused(),
      });
      const out = join(dir, 'undeletable');
      const result = await runCli(
        [
          'run',
          '--endpoint',
          proxy.endpoint,
          '--out',
          out,
          ...RUNS,
          '--ops',
          'DescribeUserPool',
          '--report-only',
        ],
        { timeoutMs: 180_000 },
      );
      expect(result.code, describeResult(result)).toBe(0);
      expect(result.stderr).not.toContain('failed inside the harness');
      expect(proxy.mutatedExchanges).toBeGreaterThan(0);
      const files = await readReportFiles(out);
      expect(files.schemaErrors).toEqual([]);
      const prefix = prefixOf(result);
      const warnings = files.report.warnings ?? [];
      // The tests' own clean-up, then the sweep, which lists the pools and fails to delete them again.
      expect(warnings, JSON.stringify(warnings, null, 1)).toHaveLength(2);
      expect(warnings[0]).toMatch(
        /^the target would not delete \d+ resource\(s\) the tests made \(user pools, and what set-up made in them\), which may be left behind: \S+ \(HTTP 500, /,
      );
      expect(warnings[1]).toMatch(
        new RegExp(
          `^the clean-up sweep could not delete \\d+ user pool\\(s\\) whose name starts with ${prefix}, which are left behind: `,
        ),
      );
      // The operation is judged on its own answers all the same: neither inconclusive nor unsupported.
      const [operation] = files.report.operations;
      expect(operation?.operation).toBe('DescribeUserPool');
      expect(['conformant', 'deviates']).toContain(operation?.verdict);
    },
  );
});

describe.concurrent('a target that cannot be reached is still exit 2', { timeout: 120_000 }, () => {
  it('a refused connection: exit 2 within seconds, naming the target, and no report', async () => {
    const endpoint = await refusingEndpoint();
    const out = join(dir, 'refused');
    const result = await runCli(['run', '--endpoint', endpoint, '--out', out, '--ops', 'ListUserPools'], {
      timeoutMs: 60_000,
    });
    expect(result.code, describeResult(result)).toBe(2);
    expect(result.stderr).toContain(`endpoint target ${endpoint}: not reachable (ECONNREFUSED)`);
    expect(result.durationMs).toBeLessThan(20_000);
    await expect(readReportFiles(out)).rejects.toThrow();
  });

  it('a connection accepted and never answered: exit 2 once the probe gives up, naming the target', async () => {
    const endpoint = endpointOf('silent');
    const result = await runCli(
      ['run', '--endpoint', endpoint, '--out', join(dir, 'silent'), '--ops', 'ListUserPools'],
      {
        timeoutMs: 60_000,
      },
    );
    expect(result.code, describeResult(result)).toBe(2);
    expect(result.stderr).toContain(`endpoint target ${endpoint}: not reachable (no answer within 5000 ms)`);
    expect(result.durationMs).toBeLessThan(30_000);
  });
});
