import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelOperationSpec, OperationSpec, SpecDrift } from '../../specs/format/index.ts';

/** Where `npm run specs` writes the generated specs. */
export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'specs', 'operations');

/**
 * Loads every generated operation spec, sorted by operation name: the page specs (spec version 1) as written, the
 * model specs (spec version 2) as {@link asOperationSpec} reads them.
 * @throws Error naming the file when one is not an operation spec of either version, or the directory has none.
 */
export function loadOperationSpecs(dir: string = SPECS_DIR): OperationSpec[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'report.schema.json');
  if (files.length === 0) throw new Error(`loadOperationSpecs: no specs in ${dir}; run \`npm run specs\``);
  return files
    .map((name) => {
      const spec = JSON.parse(readFileSync(join(dir, name), 'utf8')) as OperationSpec | ModelOperationSpec;
      if (typeof spec.operation !== 'string' || (spec.specVersion !== 1 && spec.specVersion !== 2)) {
        throw new Error(`loadOperationSpecs: ${name} is not an operation spec (specVersion 1 or 2)`);
      }
      return spec.specVersion === 2 ? asOperationSpec(spec as ModelOperationSpec) : (spec as OperationSpec);
    })
    .sort((a, b) => a.operation.localeCompare(b.operation));
}

/**
 * A model spec (`specs/operations/<Operation>.json`, spec version 2, from the current reference alone) as the suite
 * judges by it: its schemas, errors, pagination, response enums and auth as written, with no page facts (no changes,
 * narrowings, later members or constraints, drift), since the current reference is its only document. Its source is
 * the model file and the operation's shape id.
 */
export function asOperationSpec(spec: ModelOperationSpec): OperationSpec {
  return {
    specVersion: 2,
    operation: spec.operation,
    target: spec.target,
    source: { document: spec.source.document, shape: spec.source.shape },
    auth: spec.auth,
    request: spec.request,
    response: spec.response,
    changes: [],
    narrowings: [],
    laterResponseMembers: [],
    responseEnums: spec.responseEnums,
    ...(spec.pagination === undefined ? {} : { pagination: spec.pagination }),
    laterOptionalMembers: [],
    laterConstraints: [],
    errors: spec.errors,
  };
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

/**
 * The drift records of the page specs (`spec.drift`, what the current reference changes against the page), one per
 * spec that has one, in the specs' order: what the report's `spec.drift` counts. Model specs have none.
 */
export function driftRecords(
  specs: readonly OperationSpec[],
): { operation: string; document: string; drift: SpecDrift }[] {
  return specs.flatMap((spec) =>
    spec.drift === undefined
      ? []
      : [{ operation: spec.operation, document: spec.source.document, drift: spec.drift }],
  );
}
