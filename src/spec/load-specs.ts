import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationSpec } from '../../specs/format/index.ts';

/** Where `npm run specs` writes the generated specs. */
export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'specs', 'operations');

/** Loads every generated operation spec, sorted by operation name. */
export function loadOperationSpecs(dir: string = SPECS_DIR): OperationSpec[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'report.schema.json');
  if (files.length === 0) throw new Error(`loadOperationSpecs: no specs in ${dir}; run \`npm run specs\``);
  return files
    .map((name) => {
      const spec = JSON.parse(readFileSync(join(dir, name), 'utf8')) as OperationSpec;
      if (spec.specVersion !== 1 || typeof spec.operation !== 'string') {
        throw new Error(`loadOperationSpecs: ${name} is not an operation spec (specVersion 1)`);
      }
      return spec;
    })
    .sort((a, b) => a.operation.localeCompare(b.operation));
}

/** Looks one operation up, failing loudly on a name the specs do not know (a typo in `--ops`, say). */
export function specFor(specs: readonly OperationSpec[], operation: string): OperationSpec {
  const spec = specs.find((candidate) => candidate.operation === operation);
  if (!spec) {
    throw new Error(
      `specFor: unknown operation ${operation}; known: ${specs.map((s) => s.operation).join(', ')}`,
    );
  }
  return spec;
}
