import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MatrixModel, reportToJson, type ReportDiff } from '../report/index.ts';
import type { Report, ReportDeviation } from '../deviations/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { describeResult, runCli } from './test-support/run-cli.ts';

/**
 * `diff` and `report` on real reports: one run against the embedded target and one against a cognito-local
 * this test starts and hands over with --endpoint (two targets, two report columns). The "base" for the diff
 * is the embedded report with one error deviation edited out, as if a later run had found it new.
 */
const RUN = ['run', '--ops', 'ListUserPools', '--runs', '3', '--seed', '99', '--report-only'];

let dir: string;
let target: StartedTarget;
let embedded: Report;
let removed: ReportDeviation;
const paths = { embedded: '', endpoint: '', withoutOne: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-diff-report-'));
  target = await startEmbeddedTarget();
  const results = await Promise.all([
    runCli([...RUN, '--out', join(dir, 'embedded')]),
    runCli([...RUN, '--endpoint', target.descriptor.endpoint, '--out', join(dir, 'endpoint')]),
  ]);
  for (const result of results) expect(result.code, describeResult(result)).toBe(0);
  paths.embedded = join(dir, 'embedded', 'report.json');
  paths.endpoint = join(dir, 'endpoint', 'report.json');
  embedded = JSON.parse(await readFile(paths.embedded, 'utf8')) as Report;
  paths.withoutOne = join(dir, 'without-one.json');
  await writeFile(paths.withoutOne, reportToJson(withoutFirstError(embedded)));
}, 600_000);

afterAll(async () => {
  await target?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The report minus its first error deviation (kept in `removed`); the operation still deviates. */
function withoutFirstError(report: Report): Report {
  const operation = report.operations.find(
    (op) => op.deviations.some((d) => d.severity === 'error') && op.deviations.length > 1,
  );
  if (operation === undefined)
    throw new Error('the run found no operation with an error deviation and another one to keep');
  removed = operation.deviations.find((d) => d.severity === 'error') as ReportDeviation;
  const operations = report.operations.map((op) =>
    op === operation ? { ...op, deviations: op.deviations.filter((d) => d !== removed) } : op,
  );
  return { ...report, operations, summary: { ...report.summary, deviations: report.summary.deviations - 1 } };
}

describe('diff on real reports', { timeout: 120_000 }, () => {
  it('lists the new error deviation, exits 1 and writes diff.md and diff.json with --out', async () => {
    const result = await runCli(['diff', paths.withoutOne, paths.embedded, '--out', join(dir, 'diff-new')]);
    expect(result.code, describeResult(result)).toBe(1);
    expect(result.stdout).toContain('**1 new, 0 fixed, 0 changed** deviations.');
    expect(result.stdout).toMatch(
      new RegExp(`\\*\\*New\\*\\*\\n\\n- error \`${removed.check}\` ${removed.kind} at `),
    );
    expect((await readdir(join(dir, 'diff-new'))).sort()).toEqual(['diff.json', 'diff.md']);
    expect(await readFile(join(dir, 'diff-new', 'diff.md'), 'utf8')).toBe(result.stdout);
    const diff = JSON.parse(await readFile(join(dir, 'diff-new', 'diff.json'), 'utf8')) as ReportDiff & {
      exitCode: number;
    };
    expect(diff.exitCode).toBe(1);
    expect(
      diff.operations.flatMap((op) => op.new.map((d) => [op.operation, d.check, d.kind, d.path])),
    ).toEqual([[expect.any(String), removed.check, removed.kind, removed.path]]);
    expect(diff.operations.flatMap((op) => [...op.fixed, ...op.changed])).toEqual([]);
  });

  it('lists it as fixed the other way round and exits 0; --format json writes only diff.json', async () => {
    const result = await runCli([
      'diff',
      paths.embedded,
      paths.withoutOne,
      '--out',
      join(dir, 'diff-fixed'),
      '--format',
      'json',
    ]);
    expect(result.code, describeResult(result)).toBe(0);
    expect(result.stdout).toContain('**0 new, 1 fixed, 0 changed** deviations.');
    expect(await readdir(join(dir, 'diff-fixed'))).toEqual(['diff.json']);
  });

  it('finds nothing new between the embedded target and the same emulator behind --endpoint (same seed)', async () => {
    const result = await runCli(['diff', paths.embedded, paths.endpoint]);
    expect(result.code, describeResult(result)).toBe(0);
    expect(result.stdout).toContain('**0 new, 0 fixed, 0 changed** deviations.');
  });
});

describe('report on real reports', { timeout: 120_000 }, () => {
  it('writes one page (and Markdown) with a column per target', async () => {
    const [html, md] = [join(dir, 'matrix', 'compat.html'), join(dir, 'matrix', 'compat.md')];
    const result = await runCli(['report', paths.embedded, paths.endpoint, '--html', html, '--md', md]);
    expect(result.code, describeResult(result)).toBe(0);
    const page = await readFile(html, 'utf8');
    const data = /<script type="application\/json" id="matrix-data">(.*?)<\/script>/s.exec(page)?.[1];
    const model = JSON.parse(data ?? 'null') as MatrixModel;
    // The endpoint is named after the emulator its answers show, never after its port.
    expect(model.targets.map((t) => [t.name, t.kind])).toEqual([
      ['cognito-local', 'embedded'],
      ['cognito-local', 'endpoint'],
    ]);
    expect(model.operations.map((row) => row.operation)).toEqual(
      embedded.operations.map((op) => op.operation),
    );
    const markdown = await readFile(md, 'utf8');
    expect(markdown).toContain(`| Operation | cognito-local | cognito-local #2 |`);
  });
});
