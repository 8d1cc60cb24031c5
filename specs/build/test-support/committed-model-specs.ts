import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelOperationSpec } from '../../format/index.ts';
import { DEFAULT_MODEL_OUT_DIR } from '../default-paths.ts';

/** `specs/model/`, where the model specs are committed. */
export const MODEL_SPECS_DIR = DEFAULT_MODEL_OUT_DIR;

/** The committed model specs' file names (`<Operation>.json`), sorted. Read when called, at collection too. */
export function modelSpecFiles(): string[] {
  return readdirSync(MODEL_SPECS_DIR)
    .filter((name) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name))
    .sort();
}

/** The committed model spec of `operation`. */
export function committedModelSpec(operation: string): ModelOperationSpec {
  return JSON.parse(readFileSync(join(MODEL_SPECS_DIR, `${operation}.json`), 'utf8')) as ModelOperationSpec;
}
