import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../deviations/index.ts';
import { formatBaseline, writeBaseline } from '../report/index.ts';
import { type CliResult, describeResult, runCli, VITEST_BIN } from './test-support/run-cli.ts';

/**
 * Plain `vitest run --project conformance`, as a user runs it with the project's config: red when the target
 * deviates (not report-only), with a short summary and the report's path, and the report still written; green
 * against a target whose deviations a baseline accepts all of. ListUserPools on cognito-local has error
 * deviations (pages longer than MaxResults, invalid requests accepted), so it stands for a deviating target.
 */
let dir: string;
let red: CliResult;
let green: CliResult;

function vitest(label: string, env: Record<string, string>): Promise<CliResult> {
  return runCli(['run', '--project', 'conformance'], {
    entry: VITEST_BIN,
    env: {
      COGNITO_CONFORMANCE_OPS: 'ListUserPools',
      COGNITO_CONFORMANCE_SEED: '5',
      COGNITO_CONFORMANCE_REPORT_DIR: join(dir, label),
      // npm test runs its own conformance project report-only; a user's plain vitest is not.
      COGNITO_CONFORMANCE_REPORT_ONLY: '0',
      ...env,
    },
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-plain-vitest-'));
  red = await vitest('red', {});
  const report = JSON.parse(await readFile(join(dir, 'red', 'report.json'), 'utf8')) as Report;
  await writeFile(join(dir, 'baseline.json'), formatBaseline(writeBaseline(report, 'accepted in a test')));
  green = await vitest('green', { COGNITO_CONFORMANCE_BASELINE: join(dir, 'baseline.json') });
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('plain vitest run --project conformance', () => {
  it('fails on a deviating target, with a short summary and where the report is', async () => {
    expect(red.code, describeResult(red)).toBe(1);
    const output = red.stdout + red.stderr;
    expect(output).toMatch(/cognito-local deviates: \d+ deviations? \(no baseline given\):/);
    expect(output).toContain('ListUserPools stateful constraint /UserPools [error]');
    expect(output).toContain(`Details in ${join(dir, 'red', 'report.md')}`);
    const report = JSON.parse(await readFile(join(dir, 'red', 'report.json'), 'utf8')) as Report;
    expect(report.operations.map((op) => op.operation)).toEqual(['ListUserPools']);
    expect(report.summary.deviating).toBe(1);
  });

  it('passes when a baseline accepts every deviation, and still writes the report', async () => {
    expect(green.code, describeResult(green)).toBe(0);
    const markdown = await readFile(join(dir, 'green', 'report.md'), 'utf8');
    expect(markdown).toContain('**The gate passes:** no deviation is new since the baseline.');
  });
});
