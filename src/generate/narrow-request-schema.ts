import type { JsonSchema, OperationSpec } from '../../specs/format/index.ts';
import { parseTemplate } from './_internals/path-template.ts';
import { resolveRef, schemaKeyword } from './_internals/schema-node.ts';

/** The request schema with the document's narrowings applied, and what each narrowing took out. */
export interface NarrowedRequestSchema {
  readonly schema: JsonSchema;
  /** Excluded enum values by `*`-pointer template, for `enum-value` violations to try first. */
  readonly narrowedOut: ReadonlyMap<string, readonly string[]>;
}

function childKeyword(
  step: ReturnType<typeof parseTemplate>[number],
  node: JsonSchema,
): [string, string?] | undefined {
  if (step.kind === 'property')
    return schemaKeyword(node, 'properties') === undefined ? undefined : ['properties', step.name];
  if (schemaKeyword(node, 'items') !== undefined) return ['items'];
  if (schemaKeyword(node, 'additionalProperties') !== undefined) return ['additionalProperties'];
  return undefined;
}

/** A copy of `node` with the enum at `steps` stripped of `excluded`; `node` itself is untouched. */
function without(
  root: JsonSchema,
  node: JsonSchema,
  steps: ReturnType<typeof parseTemplate>,
  excluded: readonly string[],
): JsonSchema {
  const here = resolveRef('narrowedRequestSchema', node, root);
  const [step, ...rest] = steps;
  if (step === undefined) {
    if (!Array.isArray(here.enum)) return here;
    const kept = here.enum.filter((value) => !excluded.includes(value as string));
    return kept.length === here.enum.length ? here : { ...here, enum: kept };
  }
  const keyword = childKeyword(step, here);
  if (keyword === undefined) return here;
  const [name, property] = keyword;
  const container = here[name] as JsonSchema;
  if (property === undefined) {
    const narrowed = without(root, container, rest, excluded);
    return narrowed === container ? here : { ...here, [name]: narrowed };
  }
  const member = container[property];
  if (typeof member !== 'object' || member === null) return here;
  const narrowed = without(root, member as JsonSchema, rest, excluded);
  return narrowed === member ? here : { ...here, [name]: { ...container, [property]: narrowed } };
}

/**
 * Applies the spec's request narrowings (enum values the document's prose rules out, such as
 * `ADMIN_NO_SRP_AUTH` for InitiateAuth), so "valid" requests never use them. Narrowings on members
 * without an enum change nothing.
 */
export function narrowedRequestSchema(spec: OperationSpec): NarrowedRequestSchema {
  let schema = spec.request;
  const narrowedOut = new Map<string, string[]>();
  for (const narrowing of spec.narrowings) {
    if (narrowing.direction !== 'request') continue;
    schema = without(spec.request, schema, parseTemplate(narrowing.path), narrowing.excluded);
    narrowedOut.set(narrowing.path, [...(narrowedOut.get(narrowing.path) ?? []), ...narrowing.excluded]);
  }
  return { schema, narrowedOut };
}

/** One allowed value of a required top-level enum member, that every coverage request is built on. */
export interface CoverageBase {
  readonly member: string;
  readonly value: string;
}

/**
 * The bases the coverage phase may build on, in the spec's order: each allowed value (after the document's
 * narrowings) of the first required top-level member that has an enum, such as InitiateAuth's `AuthFlow`. Empty
 * when the request has no such member. Source: the request schema of `specs/operations/<Operation>.json`.
 */
export function coverageBases(spec: OperationSpec): CoverageBase[] {
  const { schema } = narrowedRequestSchema(spec);
  const root = resolveRef('coverageBases', schema, spec.request);
  const properties = (schemaKeyword(root, 'properties') ?? {}) as Record<string, JsonSchema>;
  const required = Array.isArray(root['required']) ? (root['required'] as string[]) : [];
  for (const member of required) {
    const node = properties[member];
    if (node === undefined) continue;
    const values = resolveRef('coverageBases', node, spec.request)['enum'];
    if (Array.isArray(values) && values.length > 1 && values.every((value) => typeof value === 'string'))
      return values.map((value) => ({ member, value: value as string }));
  }
  return [];
}
