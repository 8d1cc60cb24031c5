import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendStepSummary } from './github-step-summary.ts';

describe('appendStepSummary', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'step-summary-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends to the file GITHUB_STEP_SUMMARY names', async () => {
    const file = join(dir, 'summary.md');
    await writeFile(file, '# earlier step\n');
    expect(await appendStepSummary('# conformance\n', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(await appendStepSummary('no newline', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('# earlier step\n# conformance\n\nno newline\n\n');
  });

  it('does nothing outside GitHub Actions', async () => {
    expect(await appendStepSummary('# x', {})).toBe(false);
    expect(await appendStepSummary('# x', { GITHUB_STEP_SUMMARY: '' })).toBe(false);
  });
});
