import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpecAjv } from '../format/index.ts';
import { generateModelSpecs } from './model-specs.ts';
import { serialiseSpec, specFileName } from './spec-writer.ts';
import { committedModelSpec, MODEL_SPECS_DIR, modelSpecFiles } from './test-support/committed-model-specs.ts';
import { describeWithDocuments } from './test-support/source-documents.ts';

describe('specs/model', () => {
  it('holds one spec per operation of cognito-idp, 113, each named after its operation', () => {
    const files = modelSpecFiles();

    expect(files).toHaveLength(113);
    for (const name of files) {
      const spec = committedModelSpec(name.replace(/\.json$/, ''));
      expect({ name, specVersion: spec.specVersion }).toEqual({
        name: specFileName(spec.operation),
        specVersion: 2,
      });
    }
  });

  it.each(modelSpecFiles())('%s: both schemas compile with the spec Ajv', (name) => {
    const spec = committedModelSpec(name.replace(/\.json$/, ''));
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
    expect(generated.map((spec) => specFileName(spec.operation))).toEqual(modelSpecFiles());
    for (const spec of generated) {
      const name = specFileName(spec.operation);
      expect(serialiseSpec(spec), name).toBe(readFileSync(join(MODEL_SPECS_DIR, name), 'utf8'));
    }
  });

  it('produces the same bytes on a second run', () => {
    const first = generateModelSpecs(referencePath).map(serialiseSpec);
    const second = generateModelSpecs(referencePath).map(serialiseSpec);

    expect(second).toEqual(first);
  });
});
