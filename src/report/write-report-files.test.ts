import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDeviation, aMixedReport, anOperation, aReport } from '../../test/support/report-fixture.ts';
import { parseReportJson } from './report-json.ts';
import { writeFileAtomic, writeReportFiles } from './write-report-files.ts';

describe('writeReportFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'report-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each chosen format and returns the paths, leaving no temp file', async () => {
    const outDir = join(dir, 'out', 'nested');
    const paths = await writeReportFiles(aMixedReport(), {
      outDir,
      formats: ['json', 'md', 'junit', 'html'],
      html: (report) => `<title>${report.target.name}</title>`,
    });
    expect(paths).toEqual(
      ['report.json', 'report.md', 'report.junit.xml', 'report.html'].map((f) => join(outDir, f)),
    );
    expect((await readdir(outDir)).sort()).toEqual([
      'report.html',
      'report.json',
      'report.junit.xml',
      'report.md',
    ]);
    expect(parseReportJson(await readFile(paths[0] ?? '', 'utf8')).operations).toHaveLength(3);
    expect(await readFile(paths[1] ?? '', 'utf8')).toMatch(/^# Conformance of cognito-local/);
    expect(await readFile(paths[2] ?? '', 'utf8')).toContain('<testsuites');
    expect(await readFile(paths[3] ?? '', 'utf8')).toBe('<title>cognito-local</title>');
  });

  it("keeps a change verdict's announced enum value, which shares its name with the model's sensitive Value", async () => {
    const report = aReport([anOperation('AdminInitiateAuth')], {
      changes: [
        {
          operation: 'AdminInitiateAuth',
          direction: 'request',
          path: '/AuthFlow',
          value: 'USER_PASSWORD_AUTH',
          supported: true,
          evidence: 'accepted',
        },
      ],
    });
    const [path] = await writeReportFiles(report, { outDir: dir, formats: ['json'] });
    expect(parseReportJson(await readFile(path ?? '', 'utf8')).changes?.[0]?.value).toBe(
      'USER_PASSWORD_AUTH',
    );
  });

  it('writes only what was asked, under the given stem', async () => {
    const paths = await writeReportFiles(aReport(), {
      outDir: dir,
      formats: ['md'],
      baseName: 'cognito-local',
    });
    expect(paths).toEqual([join(dir, 'cognito-local.md')]);
    expect(await readdir(dir)).toEqual(['cognito-local.md']);
  });

  it('redacts secrets structurally and by known value', async () => {
    const report = aReport([
      anOperation('InitiateAuth', {
        verdict: 'deviates',
        deviations: [
          aDeviation({
            request: {
              AuthFlow: 'USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: 'u', PASSWORD: 'Pa55word!' },
            },
            message: 'echoed the client secret s3cretvalue',
          }),
        ],
      }),
    ]);
    const [json, md] = await writeReportFiles(report, {
      outDir: dir,
      formats: ['json', 'md'],
      knownSecrets: ['s3cretvalue'],
    });
    for (const path of [json, md]) {
      const text = await readFile(path ?? '', 'utf8');
      expect(text).not.toContain('Pa55word!');
      expect(text).not.toContain('s3cretvalue');
      expect(text).toContain('<redacted:PASSWORD>');
      expect(text).toContain('<redacted:known-secret>');
    }
  });

  it('rejects bad options before writing anything', async () => {
    await expect(writeReportFiles(aReport(), { outDir: dir, formats: ['json', 'html'] })).rejects.toThrow(
      "report format 'html' needs an html renderer",
    );
    await expect(writeReportFiles(aReport(), { outDir: dir, formats: ['pdf' as 'json'] })).rejects.toThrow(
      "unknown report format 'pdf'",
    );
    await expect(
      writeReportFiles(aReport(), { outDir: dir, formats: ['json'], baseName: '../x' }),
    ).rejects.toThrow(/baseName/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the previous files when rendering fails', async () => {
    await writeFile(join(dir, 'report.json'), 'previous');
    const failing = () => {
      throw new Error('renderer broke');
    };
    await expect(
      writeReportFiles(aReport(), { outDir: dir, formats: ['json', 'html'], html: failing }),
    ).rejects.toThrow('renderer broke');
    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['report.json']);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and removes its temp file when the write fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    try {
      const path = join(dir, 'a.txt');
      await writeFileAtomic(path, 'one');
      await writeFileAtomic(path, 'two');
      expect(await readFile(path, 'utf8')).toBe('two');
      await expect(writeFileAtomic(join(dir, 'missing', 'b.txt'), 'x')).rejects.toThrow(/ENOENT/);
      expect(await readdir(dir)).toEqual(['a.txt']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
