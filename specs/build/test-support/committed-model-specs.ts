import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelOperationSpec } from '../../format/index.ts';
import { DEFAULT_OUT_DIR } from '../default-paths.ts';
import { generateModelSpecs } from '../model-specs.ts';
import { SOURCE_DOCUMENTS } from './source-documents.ts';

/** `specs/operations/`, where every spec is committed: model specs (version 2) and page specs (version 1). */
export const SPECS_DIR = DEFAULT_OUT_DIR;

/** The committed specs' file names (`<Operation>.json`), sorted. Read when called, at collection too. */
export function specFiles(): string[] {
  return readdirSync(SPECS_DIR)
    .filter((name) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name))
    .sort();
}

/** The committed spec files that are model specs (spec version 2): the operations no page describes. */
export function modelSpecFiles(): string[] {
  return specFiles().filter((name) => committedSpecVersion(name) === 2);
}

function committedSpecVersion(name: string): unknown {
  return (JSON.parse(readFileSync(join(SPECS_DIR, name), 'utf8')) as { specVersion?: unknown }).specVersion;
}

let generated: Map<string, ModelOperationSpec> | undefined;

/**
 * The model spec of `operation`: its committed file where that is a model spec, else (an operation a page describes,
 * whose committed spec is the page's) the one `npm run specs` generates from the current reference.
 */
export function committedModelSpec(operation: string): ModelOperationSpec {
  const name = `${operation}.json`;
  if (committedSpecVersion(name) === 2)
    return JSON.parse(readFileSync(join(SPECS_DIR, name), 'utf8')) as ModelOperationSpec;
  generated ??= new Map(
    generateModelSpecs(SOURCE_DOCUMENTS.referencePath).map((spec) => [spec.operation, spec]),
  );
  const spec = generated.get(operation);
  if (spec === undefined) throw new Error(`committedModelSpec: no operation ${operation} in the reference`);
  return spec;
}
