import type { ErrorObject, ValidateFunction } from 'ajv';
import { createSpecAjv, type JsonSchema } from '../../../specs/format/index.ts';
import { escapePointerToken } from '../_internals/pointer.ts';
import { type Violation, VIOLATION_KEYWORDS } from '../violation.ts';

/** Where an Ajv error is about: the missing member for `required`, the key for `propertyNames`. */
function errorPath(error: ErrorObject): string {
  if (error.keyword === 'required')
    return `${error.instancePath}/${escapePointerToken(String(error.params.missingProperty))}`;
  const key = error.propertyName ?? (error.params as { propertyName?: unknown }).propertyName;
  if (typeof key === 'string') return `${error.instancePath}/${escapePointerToken(key)}`;
  return error.instancePath;
}

/**
 * Why Ajv's errors (allErrors) do not say exactly "this violation and nothing else", or `undefined` when
 * they do. Accepted extras: `enum` beside `type` on the same member (a wrongly typed value cannot be in
 * an enum), and Ajv's umbrella `propertyNames` error on the map when one of its keys is bad.
 */
export function mismatch(violation: Violation, errors: readonly ErrorObject[]): string | undefined {
  if (errors.length === 0) return 'Ajv accepted the request';
  const wanted = VIOLATION_KEYWORDS[violation.rule];
  let hits = 0;
  for (const error of errors) {
    const path = errorPath(error);
    if (error.keyword === 'propertyNames' && path === violation.path) continue;
    if (violation.rule === 'wrong-type' && error.keyword === 'enum' && path === violation.path) continue;
    if (path !== violation.path || !wanted.includes(error.keyword)) {
      return `unexpected ${error.keyword} at ${path} (${error.message ?? ''}) for ${violation.rule} at ${violation.path}`;
    }
    hits++;
  }
  return hits === 1 ? undefined : `${hits} errors for ${violation.rule} at ${violation.path}`;
}

/**
 * A validator with the suite's Ajv settings, on its own Ajv instance: a narrowed copy of a request
 * schema keeps its `$id`, which one shared instance would refuse to compile twice.
 */
export function requestValidator(schema: JsonSchema): ValidateFunction {
  return createSpecAjv().compile(schema as object);
}
