import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBaseline, parseBaseline, type Baseline } from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import { describeResult, runCli, type CliResult, type RunCliOptions } from './test-support/run-cli.ts';
import { replayableReport } from './test-support/report-comparison.ts';

/**
 * Exit codes and seed replay through the real bin, each run against its own fresh embedded cognito-local.
 * ListUserPools is cheap and, on cognito-local, reliably has error deviations; one seed throughout, so
 * every run meets the same deviations and the first run's baseline fits the others.
 */
const SEED = '20240501';
const RUN = ['run', '--ops', 'ListUserPools', '--runs', '3', '--seed', SEED];

let dir: string;
let first: CliResult;
let baseline: Baseline;
const runs = new Map<string, Promise<CliResult>>();

/** One run per label, shared by the tests that look at it. */
function runOnce(label: string, args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  let run = runs.get(label);
  if (run === undefined) {
    run = runCli([...RUN, '--out', join(dir, label), ...args], options);
    runs.set(label, run);
  }
  return run;
}

async function reportOf(label: string): Promise<Report> {
  return JSON.parse(await readFile(join(dir, label, 'report.json'), 'utf8')) as Report;
}

async function writeVariant(name: string, edit: (baseline: Baseline) => Baseline): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, formatBaseline(edit(baseline)));
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-exit-codes-'));
  first = await runCli([...RUN, '--out', join(dir, 'first'), '--write-baseline', join(dir, 'baseline.json')]);
  baseline = parseBaseline(JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8')) as unknown);
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('run exit codes', () => {
  it('is 1 with deviations and no baseline, and --write-baseline writes one entry per blocking deviation', async () => {
    expect(first.code, describeResult(first)).toBe(1);
    expect(first.stderr).toContain(`wrote baseline ${join(dir, 'baseline.json')}`);
    expect(baseline.entries.length).toBeGreaterThan(1);
    const report = await reportOf('first');
    expect(report.summary.deviations).toBeGreaterThanOrEqual(baseline.entries.length);
    expect(new Set(baseline.entries.map((entry) => entry.target))).toEqual(new Set([report.target.name]));
  });
});

describe.concurrent('run exit codes after the first run', { timeout: 600_000 }, () => {
  it('is 0 with --report-only whatever the run found; on a terminal outside CI it shows progress', async () => {
    const result = await runOnce('report-only', ['--report-only'], {
      onTerminal: true,
      env: { CI: undefined },
    });
    expect(result.code, describeResult(result)).toBe(0);
    expect((await reportOf('report-only')).summary.deviations).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/^ListUserPools +\S.* runs +\d+ {2}deviations so far \d+$/m);
  });

  it('is 0 with the baseline the first run wrote (same seed)', async () => {
    const result = await runOnce('baseline', ['--baseline', join(dir, 'baseline.json')]);
    expect(result.code, describeResult(result)).toBe(0);
    // The gate's outcome is printed with the table (stdout); the entries were never reviewed.
    expect(result.stdout).toContain(
      `baseline: ${baseline.entries.length} accepted, 0 new, ${baseline.entries.length} unreviewed, 0 expired, 0 fixed`,
    );
  });

  it('replays a run: the same --seed against a fresh target gives the same report, timing and port aside', async () => {
    await runOnce('baseline', ['--baseline', join(dir, 'baseline.json')]);
    const [before, after] = [await reportOf('first'), await reportOf('baseline')];
    expect(after.target.endpoint).not.toBe(before.target.endpoint);
    expect(replayableReport(after)).toEqual(replayableReport(before));
  });

  it('is 1 when an entry is removed from the baseline: its deviation is new again', async () => {
    const path = await writeVariant('baseline-minus-one.json', (b) => ({
      ...b,
      entries: b.entries.slice(1),
    }));
    const result = await runOnce('minus-one', ['--baseline', path]);
    expect(result.code, describeResult(result)).toBe(1);
    expect(result.stdout).toMatch(/baseline: \d+ accepted, [1-9]\d* new, \d+ unreviewed, 0 expired, 0 fixed/);
  });

  it('stops counting an expired entry (exit 1) and reports it by name', async () => {
    const [expiring] = baseline.entries;
    const path = await writeVariant('baseline-expired.json', (b) => ({
      ...b,
      entries: b.entries.map((e, i) => (i === 0 ? { ...e, expires: '2020-01-31' } : e)),
    }));
    const result = await runOnce('expired', ['--baseline', path]);
    expect(result.code, describeResult(result)).toBe(1);
    expect(result.stdout).toMatch(/baseline: \d+ accepted, [1-9]\d* new, \d+ unreviewed, 1 expired, 0 fixed/);
    expect(result.stdout).toContain('expired baseline entries');
    expect(result.stdout).toContain(
      `  ${expiring?.operation} ${expiring?.check} ${expiring?.kind} ${expiring?.path || '(whole body)'} (expires 2020-01-31)`,
    );
  });
});
