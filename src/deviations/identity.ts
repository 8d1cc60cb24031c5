import type { JsonSchema, OperationSpec } from '../../specs/format/index.ts';
import { loadOperationSpecs } from '../spec/index.ts';
import type { CheckKey } from './check-name.ts';
import { Normaliser, normaliseDeviation } from './normalise.ts';
import type { ReportDeviation } from './deviation.ts';
import type { Report } from './report-model.ts';
import { stableStringify } from './stable-json.ts';

/** A report deviation together with the operation it belongs to: the unit baselines and diffs work on. */
export interface LocatedDeviation {
  readonly operation: string;
  readonly deviation: ReportDeviation;
}

/** Every deviation of a report, in report order, with its operation. */
export function locateDeviations(report: Report): LocatedDeviation[] {
  return report.operations.flatMap((op) =>
    op.deviations.map((deviation) => ({ operation: op.operation, deviation })),
  );
}

/** The parts that say *which* rule a deviation is about (as opposed to what was observed). */
export interface DeviationKey {
  /** The operation; `''` where every deviation compared belongs to one operation already. */
  readonly operation: string;
  /** The check (or, inside the engine, the stateful key `stateful:<Operation>`). */
  readonly check: CheckKey;
  readonly kind: string;
  /** JSON pointer into the response or request; `''` is the whole body. */
  readonly path: string;
  /** The behaviour rule a `behaviour` deviation breaks (`Finding.rule`); absent for every other check. */
  readonly rule?: { readonly name: string };
}

/**
 * The path as a rule sees it: volatile values inside it (a map key holding a pool id) become tokens, array
 * indices become `*`, and so do the keys of a map member (a JSON Schema object with `additionalProperties`, such
 * as `UserPoolTags` or `ClientMetadata`) where `operation`'s spec shows one. So the same rule broken at item 0 of
 * one response and item 3 of another, or under the generated tag key `__O_hT2` in one run and `k` in the next, is
 * one rule. Source: the request and response schemas of `specs/operations/<operation>.json`; an operation
 * without a committed spec folds indices only.
 */
export function rulePath(path: string, operation = ''): string {
  const tokens = new Normaliser().string(path).replace(/\/\d+(?=\/|$)/g, '/*');
  return foldMapKeys(specOf(operation), tokens);
}

/**
 * The one identity of a deviation: operation + check + kind + {@link rulePath}, and for a `behaviour` deviation the
 * name of the rule it breaks. The engine groups explored
 * findings by it, a run de-duplicates by it, and baselines, diffs and merged shards match deviations by it, so
 * all of them agree on what "the same deviation" is. Severity and the observed values are not part of it, and
 * neither is anything the run itself chose: the seed, generated values, ids or the endpoint's port. (Baselines
 * add the target's name, `target.name` of the report, which is never derived from a port.) Returns a string that
 * compares equal exactly when the identities are equal.
 */
export function deviationIdentity(key: DeviationKey): string {
  const parts = [key.operation, key.check, key.kind, rulePath(key.path, key.operation)];
  return stableStringify(key.rule === undefined ? parts : [...parts, key.rule.name]);
}

/**
 * A deviation's identity as people write it: `<Operation> <check> <kind> <rule path>`, e.g.
 * `CreateUserPool negative accepted-invalid /UserPoolTags/*\/$maxLength`, or `(whole body)` for the empty path; a
 * behaviour deviation adds its rule: `InitiateAuth behaviour token /AuthenticationResult [disabled-user-cannot-sign-in]`.
 * `reproduce` and the reports accept and print this form.
 */
export function identityText(key: DeviationKey): string {
  const path = rulePath(key.path, key.operation);
  const rule = key.rule === undefined ? '' : ` [${key.rule.name}]`;
  return `${key.operation} ${key.check} ${key.kind} ${path === '' ? '(whole body)' : path}${rule}`;
}

let specsByOperation: ReadonlyMap<string, OperationSpec> | undefined;

function specOf(operation: string): OperationSpec | undefined {
  if (operation === '') return undefined;
  specsByOperation ??= new Map(loadOperationSpecs().map((spec) => [spec.operation, spec]));
  return specsByOperation.get(operation);
}

/**
 * `path` with every segment that is a map key in the spec's response schema (tried first: most paths point into
 * a response) or request schema replaced by `*`. Stops at the first segment after which the schema says nothing
 * (a `$keyword`, a member neither schema knows); a path neither schema fits stays as it is.
 */
function foldMapKeys(spec: OperationSpec | undefined, path: string): string {
  if (spec === undefined || !path.startsWith('/') || path.startsWith('/$')) return path;
  const segments = path.slice(1).split('/');
  const folded = fold(spec.response, segments) ?? fold(spec.request, segments);
  return folded === undefined ? path : `/${folded.join('/')}`;
}

function fold(schema: JsonSchema, segments: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let node: JsonSchema | undefined = schema;
  for (const [index, segment] of segments.entries()) {
    // A rule's keyword is `$` and a word (`$maxLength`, `$type`); a generated map key may start with `$` too.
    const keyword = /^\$[A-Za-z]+$/.test(segment);
    if (node === undefined || keyword) return [...out, ...segments.slice(index)];
    const properties = (node['properties'] ?? {}) as Record<string, JsonSchema>;
    const additional = node['additionalProperties'];
    const items = node['items'];
    if (Object.hasOwn(properties, segment)) {
      out.push(segment);
      node = properties[segment];
    } else if (typeof additional === 'object' && additional !== null) {
      out.push('*');
      node = additional as JsonSchema;
    } else if (typeof items === 'object' && items !== null && (segment === '*' || /^\d+$/.test(segment))) {
      out.push(segment);
      node = items as JsonSchema;
    } else if (index === 0) {
      return undefined;
    } else {
      return [...out, ...segments.slice(index)];
    }
  }
  return out;
}

/** The identity of a located deviation (see {@link deviationIdentity}). */
export function identityOf(located: LocatedDeviation): string {
  const { check, kind, path, rule } = located.deviation;
  return deviationIdentity({ operation: located.operation, check, kind, path, ...(rule ? { rule } : {}) });
}

/**
 * What was observed, normalised (severity, expected, actual, message). Not an identity: `diff` uses it to tell
 * a deviation that changed (same identity, other observation) from one that stayed the same.
 */
export function observationFingerprint(deviation: ReportDeviation): string {
  const normalised = normaliseDeviation(deviation);
  const { severity, expected, actual, message } = normalised;
  return stableStringify({ severity, expected: expected ?? null, actual: actual ?? null, message });
}
