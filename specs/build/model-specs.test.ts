import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpecAjv, type ModelOperationSpec } from '../format/index.ts';
import { generateModelSpecs } from './model-specs.ts';
import { serialiseSpec, specFileName } from './spec-writer.ts';
import { modelSpecFiles, SPECS_DIR, specFiles } from './test-support/committed-model-specs.ts';
import { describeWithDocuments } from './test-support/source-documents.ts';

describe('specs/operations', () => {
  it('holds one spec per operation of cognito-idp, 113, each named after its operation: 103 from the model alone', () => {
    const files = specFiles();
    const operation = (name: string) =>
      (JSON.parse(readFileSync(join(SPECS_DIR, name), 'utf8')) as { operation: string }).operation;

    expect(files).toHaveLength(113);
    expect(modelSpecFiles()).toHaveLength(103);
    for (const name of files) expect(specFileName(operation(name))).toBe(name);
  });

  it.each(modelSpecFiles())('%s: both schemas compile with the spec Ajv', (name) => {
    const spec = JSON.parse(readFileSync(join(SPECS_DIR, name), 'utf8')) as ModelOperationSpec;
    const ajv = createSpecAjv();

    expect(() => ajv.compile(spec.request)).not.toThrow();
    expect(() => ajv.compile(spec.response)).not.toThrow();
  });
});

describeWithDocuments('npm run specs, model specs', ({ referencePath }) => {
  it('regenerates the committed model specs byte for byte', () => {
    // Act
    const generated = generateModelSpecs(referencePath);

    // Assert
    expect(generated.map((spec) => specFileName(spec.operation))).toEqual(specFiles());
    for (const spec of generated) {
      const name = specFileName(spec.operation);
      if (!modelSpecFiles().includes(name)) continue; // a page spec: determinism.test.ts
      expect(serialiseSpec(spec), name).toBe(readFileSync(join(SPECS_DIR, name), 'utf8'));
    }
  });

  it('produces the same bytes on a second run', () => {
    const first = generateModelSpecs(referencePath).map(serialiseSpec);
    const second = generateModelSpecs(referencePath).map(serialiseSpec);

    expect(second).toEqual(first);
  });
});
