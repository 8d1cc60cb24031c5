import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../deviations/index.ts';
import { replayableReport } from './test-support/report-comparison.ts';
import { describeResult, runCli } from './test-support/run-cli.ts';

/**
 * The findings of a seed do not depend on how many workers ran: the quick profile of four resource groups (their
 * operation suites, family round trips and related listings), once on one worker and once on three, each against
 * its own fresh embedded cognito-local. Three workers, more than the default, so files that create pools really
 * run beside each other (and beside the ones that list them, if the listing suites were not kept apart). Not all
 * 113 operations: three workers and cognito-local on this project's 2 cores let some requests of the pools
 * group's hundreds of pool creations time out, which is the machine, not the suite.
 */
const SEED = '20261129';
const OPS = 'app-clients,users,groups,sign-in-and-tokens';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-concurrency-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function reportAt(concurrency: number): Promise<Report> {
  const out = join(dir, `c${concurrency}`);
  const result = await runCli(
    [
      'run',
      '--seed',
      SEED,
      '--ops',
      OPS,
      '--concurrency',
      String(concurrency),
      '--out',
      out,
      '--format',
      'json',
    ],
    { timeoutMs: 180_000 },
  );
  expect(result.code, describeResult(result)).toBe(1);
  return JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
}

describe('run --concurrency', () => {
  it('gives the same report, deviation for deviation, on one worker and on three', async () => {
    const one = await reportAt(1);
    const three = await reportAt(3);
    expect(one.summary.deviations).toBeGreaterThan(100);
    expect(replayableReport(three)).toEqual(replayableReport(one));
  }, 400_000);
});
