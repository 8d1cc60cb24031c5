import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { buildSpecs } from './build-specs.ts';
import { generateModelSpecs } from './model-specs.ts';
import { documentsIn } from './default-paths.ts';
import { describeWithDocuments } from './test-support/source-documents.ts';

const COMMITTED = fileURLToPath(new URL('../operations/', import.meta.url));
/** Operation specs are `<PascalCaseOperation>.json`; other files there (report.schema.json) are not ours. */
const isOperationSpec = (name: string) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name);

describeWithDocuments('npm run specs', ({ seedsDir, modelPath, referencePath }) => {
  const outDir = mkdtempSync(join(tmpdir(), 'specs-determinism-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const build = (dir: string) =>
    buildSpecs({
      documents: documentsIn(seedsDir),
      modelPath,
      referencePath,
      outDir: dir,
      modelSpecs: generateModelSpecs(referencePath),
    });

  it('regenerates the committed specs, all 113, byte for byte', () => {
    // Act
    build(outDir);

    // Assert
    const generated = readdirSync(outDir).sort();
    expect(generated).toHaveLength(113);
    expect(generated).toEqual(readdirSync(COMMITTED).filter(isOperationSpec).sort());
    for (const name of generated) {
      expect(readFileSync(join(outDir, name), 'utf8'), name).toBe(
        readFileSync(join(COMMITTED, name), 'utf8'),
      );
    }
  });

  it('produces the same bytes on a second run', () => {
    const again = mkdtempSync(join(tmpdir(), 'specs-determinism-'));
    try {
      build(again);
      for (const name of readdirSync(outDir))
        expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(outDir, name), 'utf8'));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
