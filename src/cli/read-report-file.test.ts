import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMixedReport } from '../../test/support/report-fixture.ts';
import { reportToJson } from '../report/index.ts';
import { UsageError } from './exit-codes.ts';
import { readReportFile, readReportFiles } from './read-report-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-read-report-'));
  await writeFile(join(dir, 'good.json'), reportToJson(aMixedReport()));
  await writeFile(join(dir, 'truncated.json'), reportToJson(aMixedReport()).slice(0, 200));
  await writeFile(join(dir, 'foreign.json'), '{"name": "some other tool"}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readReportFile', () => {
  it('reads a valid report', async () => {
    expect((await readReportFile('diff', join(dir, 'good.json'))).operations).toHaveLength(3);
  });

  it('names the file and the problem in a usage error: missing, a directory, not JSON, not a report', async () => {
    await expect(readReportFile('diff', join(dir, 'nope.json'))).rejects.toThrow(
      new UsageError(`diff: cannot read report ${join(dir, 'nope.json')}: no such file`),
    );
    await expect(readReportFile('diff', dir)).rejects.toThrow(
      `diff: cannot read report ${dir}: is a directory, not a file`,
    );
    await expect(readReportFile('merge', join(dir, 'truncated.json'))).rejects.toThrow(
      `merge: ${join(dir, 'truncated.json')} is not JSON`,
    );
    const foreign = readReportFile('report', join(dir, 'foreign.json'));
    await expect(foreign).rejects.toThrow(UsageError);
    await expect(foreign).rejects.toThrow(
      /report: .*foreign\.json is not a valid cognito-conformance report[\s\S]*\/: must have required property 'schemaVersion'/,
    );
  });
});

describe('readReportFiles', () => {
  it('reads every file in order, and wants at least the minimum', async () => {
    const good = join(dir, 'good.json');
    expect(await readReportFiles('merge', [good, good])).toHaveLength(2);
    await expect(readReportFiles('merge', [])).rejects.toThrow('merge: give at least 1 report file');
    await expect(readReportFiles('diff', [good], 2)).rejects.toThrow('diff: give at least 2 report files');
  });
});
