import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityOf, locateDeviations, type Report } from '../deviations/index.ts';
import { formatBaseline, validateReport, writeBaseline } from '../report/index.ts';
import { describeResult, runCli, type CliResult } from './test-support/run-cli.ts';
import { shardComparable } from './test-support/report-comparison.ts';

/**
 * Sharding across machines: `run --shard 1/2` and `run --shard 2/2` with the same seed and operations, each
 * against its own embedded cognito-local as on separate machines, merged with `merge`, must give the report of
 * one unsharded run: the same operations, verdicts, check tallies and (normalised) deviations.
 *
 * vitest shards by suite file (hash of the path). With the suite files of today, ListUserPools' own suite,
 * the stateful and the changes suites fall in shard 1 and DescribeUserPool's suite in shard 2, while the
 * stateful suite also records DescribeUserPool: both shards report, and one operation is in both.
 */
const RUN = ['run', '--ops', 'ListUserPools,DescribeUserPool', '--runs', '3', '--seed', '1234'];

let dir: string;
let whole: CliResult;
let shards: CliResult[];
let merge: CliResult;

async function readReport(...path: string[]): Promise<Report> {
  return JSON.parse(await readFile(join(dir, ...path), 'utf8')) as Report;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-shards-'));
  // Shards default to <out>/shard-i-of-n, so both may share one --out as on one machine.
  [whole, ...shards] = await Promise.all(
    [
      runCli([...RUN, '--report-only', '--out', join(dir, 'whole')]),
      runCli([...RUN, '--report-only', '--shard', '1/2'], { cwd: dir }),
      runCli([...RUN, '--report-only', '--shard', '2/2'], { cwd: dir }),
    ].map((run, i) => (i === 0 ? run : run)),
  );
  const shardReports = [];
  for (const i of [1, 2]) {
    const path = join(dir, 'reports', `shard-${i}-of-2`, 'report.json');
    if (await exists(path)) shardReports.push(path);
  }
  merge = await runCli([
    'merge',
    ...shardReports,
    '--out',
    join(dir, 'merged'),
    '--format',
    'json,md,junit,html',
  ]);
}, 900_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('run --shard i/n, then merge', () => {
  it('runs each shard and writes its report under its own directory', async () => {
    expect(whole.code, describeResult(whole)).toBe(0);
    for (const [i, shard] of shards.entries()) {
      expect(shard.code, describeResult(shard)).toBe(0);
      expect(
        await exists(join(dir, 'reports', `shard-${i + 1}-of-2`, 'report.json')),
        `shard ${i + 1} wrote no report: the suite files were split differently; pick --ops with a suite in each shard`,
      ).toBe(true);
    }
  });

  it("says in each shard's table which selected operations it did not run, and the merge lists none of them", async () => {
    const selected = ['DescribeUserPool', 'ListUserPools'];
    const merged = await readReport('merged', 'report.json');
    for (const [i, shard] of shards.entries()) {
      const path = join(dir, 'reports', `shard-${i + 1}-of-2`, 'report.json');
      if (!(await exists(path))) continue;
      const report = await readReport('reports', `shard-${i + 1}-of-2`, 'report.json');
      const ran = report.operations.map((op) => op.operation);
      const elsewhere = selected.filter((operation) => !ran.includes(operation));
      const reason = `run by another shard (this is shard ${i + 1}/2)`;
      expect(report.run.notRun?.filter((entry) => entry.reason === reason).map((e) => e.operation)).toEqual(
        elsewhere,
      );
      if (elsewhere.length > 0)
        expect(shard.stdout).toContain(`not run here (${reason}): ${elsewhere.join(', ')}`);
      // The other operations were never selected, and say so.
      expect(report.run.notRun?.find((entry) => entry.operation === 'CreateUserPool')?.reason).toBe(
        'not selected (--ops)',
      );
    }
    expect(merged.run.notRun?.some((entry) => selected.includes(entry.operation))).toBe(false);
    expect(merged.run.notRun?.map((entry) => entry.reason)).toContain('not selected (--ops)');
  });

  it('gates the merged report with --baseline, which (unlike a shard) judges which entries are fixed', async () => {
    const wholeReport = await readReport('whole', 'report.json');
    const entries = [
      ...writeBaseline(wholeReport, 'accepted in a test').entries,
      { ...writeBaseline(wholeReport).entries[0]!, path: '/NoSuchMember', reason: 'gone' },
    ];
    const path = join(dir, 'baseline.json');
    await writeFile(path, formatBaseline({ version: 1, entries }));
    const shardReports = [1, 2].map((i) => join(dir, 'reports', `shard-${i}-of-2`, 'report.json'));
    const present = [];
    for (const report of shardReports) if (await exists(report)) present.push(report);
    const gated = await runCli(['merge', ...present, '--baseline', path, '--out', join(dir, 'merged-gated')]);
    expect(gated.code, describeResult(gated)).toBe(0);
    expect(gated.stdout).toContain('gate: passed: no deviation is new since the baseline');
    expect(gated.stdout).toMatch(/baseline: \d+ accepted, 0 new, 0 unreviewed, 0 expired, 1 fixed/);
    const markdown = await readFile(join(dir, 'merged-gated', 'report.md'), 'utf8');
    expect(markdown).toContain('## New since the baseline');
  });

  it('merges the shard reports into every format, valid against the report schema', async () => {
    expect(merge.code, describeResult(merge)).toBe(0);
    expect((await readdir(join(dir, 'merged'))).sort()).toEqual([
      'report.html',
      'report.json',
      'report.junit.xml',
      'report.md',
    ]);
    expect(validateReport(await readReport('merged', 'report.json')).errors).toEqual([]);
  });

  it('gives what one unsharded run gives: operations, verdicts, tallies and deviations', async () => {
    const [unsharded, merged] = [
      await readReport('whole', 'report.json'),
      await readReport('merged', 'report.json'),
    ];
    const parts = await Promise.all(
      [1, 2].map((i) => readReport('reports', `shard-${i}-of-2`, 'report.json')),
    );
    // Each shard really holds only part of the run.
    for (const part of parts)
      expect(part.operations.length + part.summary.deviations).toBeLessThan(
        unsharded.operations.length + unsharded.summary.deviations,
      );
    expect(shardComparable(merged)).toEqual(shardComparable(unsharded));
    // One identity serves the run and the merge: the same deviations, by identity, whichever way it ran.
    const identities = (report: Report) => locateDeviations(report).map(identityOf).sort();
    expect(identities(merged)).toEqual(identities(unsharded));
    expect(merged.summary).toEqual(unsharded.summary);
    expect(merged.run.seed).toBe(unsharded.run.seed);
  });
});
