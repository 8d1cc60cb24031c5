import fc from 'fast-check';
import type { JsonSchema } from '../../specs/format/index.ts';
import type { Break } from './_internals/break.ts';
import { buildArbitrary } from './_internals/build-arbitrary.ts';
import { instantiateTemplate, wildcardCount } from './_internals/path-template.ts';
import {
  formatPointer,
  getPointer,
  hasPointer,
  parsePointer,
  removePointer,
  setPointer,
} from './_internals/pointer.ts';
import { type BreakableRule, type BreakableRuleOptions, breakableRules } from './breakable-rules.ts';
import { DEFAULT_SCHEMA_ARBITRARY_OPTIONS, type SchemaArbitraryOptions } from './schema-arbitrary.ts';
import { rulePathOf, type Violation } from './violation.ts';

/** A request that is valid except for one rule, and that rule. */
export interface InvalidRequest {
  readonly request: Record<string, unknown>;
  readonly violation: Violation;
}

export interface InvalidRequestOptions extends BreakableRuleOptions {
  /** Keeps only some rules (by default every breakable rule is a candidate, equally likely). */
  readonly include?: (rule: BreakableRule) => boolean;
  /**
   * Runs on the valid request before the rule is broken: the operation's fix-up, so it can never repair
   * the violation. If it removed the member the rule targets, that member is restored from the
   * pre-fix-up request before being broken (so every rule stays reachable).
   */
  readonly prepare?: (request: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Requests breaking exactly one rule of the schema, saying which (rule, JSON pointer, words). The rule
 * is chosen among {@link breakableRules}; an otherwise valid request is generated with that rule's
 * path present, then one edit breaks it. Shrinking keeps the rule and minimises the rest of the request.
 */
export function invalidRequestArbitrary(
  schema: JsonSchema,
  options: InvalidRequestOptions = {},
): fc.Arbitrary<InvalidRequest> {
  const branches = ruleRequests(schema, options).map((branch) => branch.requests);
  if (branches.length === 0)
    throw new Error('invalidRequestArbitrary: the schema has no rule that can be broken alone');
  return fc.oneof(...branches);
}

/** One breakable rule and the requests that break it alone (a branch of {@link invalidRequestArbitrary}). */
export interface RuleRequests {
  readonly rule: BreakableRule;
  readonly requests: fc.Arbitrary<InvalidRequest>;
  /**
   * The same break placed by hand: a valid request, the edit, and which item or entry each `*` of the template
   * takes (by index, modulo the count, map entries in key order). The coverage phase uses it to break a rule at
   * every item or entry of its smallest request, not only the first.
   */
  readonly place: (valid: Record<string, unknown>, edit: Break, picks: readonly number[]) => InvalidRequest;
  /** The valid requests and edits {@link requests} draws from, before any item or entry is picked. */
  readonly parts: fc.Arbitrary<[Record<string, unknown>, Break]>;
}

/**
 * Per breakable rule of the schema, the requests breaking exactly that rule; in the walk's order. `walked` are
 * the schema's rules when the caller has them already (from {@link breakableRules} with the same options).
 */
export function ruleRequests(
  schema: JsonSchema,
  options: InvalidRequestOptions = {},
  walked?: readonly BreakableRule[],
): RuleRequests[] {
  const { include, prepare, ...ruleOptions } = options;
  const generation = generationOptions(ruleOptions);
  const rules = (walked ?? breakableRules(schema, ruleOptions).rules).filter(
    (rule) => include?.(rule) ?? true,
  );
  return rules.map((rule) => {
    const parts = fc.tuple(
      buildArbitrary(schema, generation, rule.steps) as fc.Arbitrary<Record<string, unknown>>,
      rule.breaker,
    );
    return {
      rule,
      parts,
      place: (valid, edit, picks) => breakRule(rule, valid, edit, picks, prepare),
      requests: fc
        .tuple(parts, fc.tuple(...Array.from({ length: wildcardCount(rule.steps) }, () => fc.nat())))
        .map(([[request, edit], picks]) => breakRule(rule, request, edit, picks, prepare)),
    };
  });
}

/** The generation options of valid requests, from the rule options (the narrowing only steers enum breaks). */
export function generationOptions(options: BreakableRuleOptions): Required<SchemaArbitraryOptions> {
  return { ...DEFAULT_SCHEMA_ARBITRARY_OPTIONS, ...withoutNarrowing(options) };
}

function withoutNarrowing(options: BreakableRuleOptions): Omit<BreakableRuleOptions, 'narrowedOut'> {
  const { narrowedOut: _narrowedOut, ...rest } = options;
  return rest;
}

function breakRule(
  rule: BreakableRule,
  valid: Record<string, unknown>,
  edit: Break,
  picks: readonly number[],
  prepare: ((request: Record<string, unknown>) => Record<string, unknown>) | undefined,
): InvalidRequest {
  const request = prepare === undefined ? structuredClone(valid) : prepare(structuredClone(valid));
  let pointer = instantiateTemplate(request, rule.steps, picks);
  if (pointer === undefined) {
    const original = instantiateTemplate(valid, rule.steps, picks);
    if (original === undefined)
      throw new Error(`invalidRequestArbitrary: generated request lacks ${rule.template}`);
    pointer = restore(request, valid, original);
  }
  pointer = apply(request, pointer, edit);
  return {
    request,
    violation: {
      rule: rule.rule,
      path: pointer,
      description: rule.describe(pointer, edit),
      rulePath: rulePathOf(rule.template, rule.keyword),
    },
  };
}

/** Copies the members along `pointer` that `request` lacks from `source`; returns the pointer in `request`. */
function restore(request: Record<string, unknown>, source: Record<string, unknown>, pointer: string): string {
  const tokens = parsePointer(pointer);
  const placed: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const here = formatPointer([...placed, token]);
    if (!hasPointer(request, here)) {
      const parent = getPointer(request, formatPointer(placed));
      const value = structuredClone(getPointer(source, formatPointer(tokens.slice(0, i + 1))));
      if (Array.isArray(parent)) {
        parent.push(value);
        placed.push(String(parent.length - 1));
      } else {
        setPointer(request, here, value);
        placed.push(token);
      }
      // The rest of the path lies inside the copied value.
      return formatPointer([...placed, ...tokens.slice(i + 1)]);
    }
    placed.push(token);
  }
  return formatPointer(placed);
}

/** Applies the edit in place; returns where the violation now is (a renamed key moves it). */
export function apply(request: Record<string, unknown>, pointer: string, edit: Break): string {
  switch (edit.op) {
    case 'remove':
      removePointer(request, pointer);
      return pointer;
    case 'set':
      setPointer(request, pointer, structuredClone(edit.value));
      return pointer;
    case 'rename': {
      const tokens = parsePointer(pointer);
      const value = getPointer(request, pointer);
      removePointer(request, pointer);
      const renamed = formatPointer([...tokens.slice(0, -1), edit.key]);
      setPointer(request, renamed, value);
      return renamed;
    }
  }
}
