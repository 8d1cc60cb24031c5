import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { JsonSchema } from '../../specs/format/index.ts';
import { type Break, preview } from './_internals/break.ts';
import { buildArbitrary } from './_internals/build-arbitrary.ts';
import { instantiateTemplate, wildcardCount } from './_internals/path-template.ts';
import { getPointer, hasPointer } from './_internals/pointer.ts';
import { smallestValue } from './_internals/smallest-value.ts';
import {
  type BreakableRule,
  type BreakableRuleOptions,
  breakableRules,
  type SkippedRule,
} from './breakable-rules.ts';
import {
  apply,
  generationOptions,
  type InvalidRequest,
  type InvalidRequestOptions,
  ruleRequests,
} from './invalid-request.ts';
import type { ViolationRule } from './violation.ts';

/** Where a coverage case sits: the rule, its `*`-pointer template and the schema keyword. */
export interface CoveredRule {
  readonly rule: ViolationRule;
  readonly template: string;
  readonly keyword: string;
}

/** A coverage case of the invalid side: the smallest request that breaks one rule, and the rule. */
export interface InvalidCase extends InvalidRequest {
  readonly covers: CoveredRule;
}

/** A coverage case of the valid side: the smallest valid request with one member exactly on a boundary. */
export interface BoundaryCase {
  readonly covers: CoveredRule;
  readonly request: Record<string, unknown>;
  /** Where the boundary value sits in `request` (JSON pointer). */
  readonly path: string;
  /** In words: `/PoolName is "aaa…" (128 characters, the longest maxLength allows)`. */
  readonly description: string;
}

/** What the coverage phase sends for one request schema, in a fixed order. */
export interface CoveragePlan {
  /** One case per breakable rule: each rule broken once, on the smallest valid request. */
  readonly invalid: readonly InvalidCase[];
  /** The valid side of every bound and enum: exactly min, exactly max, each allowed enum value. */
  readonly boundary: readonly BoundaryCase[];
  /**
   * Boundary cases not sent because the operation's fix-up pins the member (a live pool or client id, a
   * setting another member requires): what the fix-up puts there is what the request must hold.
   */
  readonly pinned: readonly CoveredRule[];
  /** Rules of the schema that cannot be broken alone, with why (never sent, never counted as exercised). */
  readonly unbreakable: readonly SkippedRule[];
}

/**
 * The deterministic coverage phase of one request schema. Every rule {@link breakableRules} finds is broken
 * once, on the smallest request fast-check can make with that rule's member present (the request is already
 * minimal, so it needs no shrinking); every bound and enum is also sent on its valid side, exactly at the
 * boundary, as Schemathesis's coverage phase does. `prepare` (the operation's fix-up) runs before each break, as
 * for random invalid requests, and after each boundary value is placed, as for random valid requests. No
 * request is sent here. Source: the request schema of `specs/operations/<Operation>.json`.
 */
export function coveragePlan(
  schema: JsonSchema,
  seed: number,
  options: Omit<InvalidRequestOptions, 'include'> & {
    /** Builds only one side (the other stays empty): a test that sends one side need not build both. */
    readonly side?: 'invalid' | 'boundary';
  } = {},
): CoveragePlan {
  const { prepare, side, ...ruleOptions } = options;
  const { rules, skipped } = breakableRules(schema, ruleOptions);
  const invalid =
    side === 'boundary'
      ? []
      : ruleRequests(schema, { ...ruleOptions, ...(prepare ? { prepare } : {}) }, rules).flatMap(
          ({ rule, parts, place }) => {
            const [valid, smallestEdit] = smallestValue(parts, seed);
            const bases = [valid, ...fullSiblings(schema, rule, ruleOptions, seed, valid)];
            // Each of a fixed set of wrong values (types, values outside an enum), at each place, on each base;
            // a break that replaces what the bases differ in gives one request, sent once.
            const seen = new Set<string>();
            return bases.flatMap((base) =>
              (rule.edits ?? [smallestEdit]).flatMap((edit) =>
                everyPlace(rule, base, edit, place).flatMap((broken) => {
                  const key = JSON.stringify(broken.request);
                  if (seen.has(key)) return [];
                  seen.add(key);
                  return [{ ...broken, covers: coveredRule(rule) }];
                }),
              ),
            );
          },
        );
  const boundary: BoundaryCase[] = [];
  const pinned: CoveredRule[] = [];
  const generation = generationOptions(ruleOptions);
  for (const rule of side === 'invalid' ? [] : rules) {
    for (const edge of rule.validSide ?? []) {
      const placed = smallestValue(
        fc
          .tuple(
            buildArbitrary(schema, generation, rule.steps) as fc.Arbitrary<Record<string, unknown>>,
            fc.tuple(...Array.from({ length: wildcardCount(rule.steps) }, () => fc.nat())),
          )
          .map(([request, picks]) => placeEdge(rule, request, edge, picks, prepare)),
        seed,
      );
      if (placed.pinned) pinned.push(coveredRule(rule));
      else
        boundary.push({
          covers: coveredRule(rule),
          request: placed.request,
          path: placed.path,
          description: `${placed.path} is ${preview(edgeValue(edge))} (${edgeWords(rule)})`,
        });
    }
  }
  return { invalid, boundary, pinned, unbreakable: skipped };
}

/**
 * For a rule inside a structure member, list item or map value (two steps deep or more), a second base: the smallest
 * request with every optional member present. A target may refuse the smallest request for a member it wants beside
 * the broken one (a custom attribute without its `Name`) and accept the same break with its siblings there, which only
 * random requests would otherwise show, on some seeds and not others. Empty when it equals the smallest request.
 */
function fullSiblings(
  schema: JsonSchema,
  rule: BreakableRule,
  options: BreakableRuleOptions,
  seed: number,
  smallest: Record<string, unknown>,
): Record<string, unknown>[] {
  if (rule.steps.length < 2) return [];
  const full = smallestValue(
    buildArbitrary(
      schema,
      { ...generationOptions(options), optionalPresence: 1 },
      rule.steps,
    ) as fc.Arbitrary<Record<string, unknown>>,
    seed,
  );
  return isDeepStrictEqual(full, smallest) ? [] : [full];
}

/** How many places (items or entries) one rule is broken at, at most, in the coverage phase. */
export const MAX_PLACES_PER_RULE = 8;

/**
 * The rule broken at each item or entry its template's `*`s reach in the smallest request (after the fix-up),
 * one case per distinct place, in index and key order, at most {@link MAX_PLACES_PER_RULE}. A map whose entries
 * the fix-up fills (`AuthParameters`: `USERNAME`, `PASSWORD`) is broken at each entry, since a target may judge
 * them differently: a run then finds what breaking any of them shows, whatever its seed.
 */
function everyPlace(
  rule: BreakableRule,
  valid: Record<string, unknown>,
  edit: Break,
  place: (valid: Record<string, unknown>, edit: Break, picks: readonly number[]) => InvalidRequest,
): InvalidRequest[] {
  const wildcards = wildcardCount(rule.steps);
  const placed = new Map<string, InvalidRequest>();
  const first = place(
    valid,
    edit,
    Array.from({ length: wildcards }, () => 0),
  );
  placed.set(first.violation.path, first);
  if (wildcards === 0) return [first];
  // Picks count up like an odometer, the last `*` fastest; a pick past the count wraps to an earlier place,
  // which the map of places already holds.
  const picks = Array.from({ length: wildcards }, () => 0);
  for (let attempt = 1; attempt < MAX_PLACES_PER_RULE ** Math.min(wildcards, 2); attempt += 1) {
    for (let k = wildcards - 1; k >= 0; k -= 1) {
      picks[k] = (picks[k] ?? 0) + 1;
      if ((picks[k] ?? 0) < MAX_PLACES_PER_RULE) break;
      picks[k] = 0;
    }
    const broken = place(valid, edit, picks);
    if (!placed.has(broken.violation.path)) placed.set(broken.violation.path, broken);
    if (placed.size >= MAX_PLACES_PER_RULE) break;
  }
  return [...placed.values()];
}

function coveredRule(rule: BreakableRule): CoveredRule {
  return { rule: rule.rule, template: rule.template, keyword: rule.keyword };
}

function placeEdge(
  rule: BreakableRule,
  valid: Record<string, unknown>,
  edge: Break,
  picks: readonly number[],
  prepare: ((request: Record<string, unknown>) => Record<string, unknown>) | undefined,
): { request: Record<string, unknown>; path: string; pinned: boolean } {
  const request = structuredClone(valid);
  const pointer = instantiateTemplate(request, rule.steps, picks);
  if (pointer === undefined) throw new Error(`coveragePlan: generated request lacks ${rule.template}`);
  const path = apply(request, pointer, edge);
  // The fix-up runs last, as for every valid request; if it changed the boundary member, the case is pinned.
  const fixed = prepare === undefined ? request : prepare(request);
  const kept =
    hasPointer(fixed, path) && (edge.op !== 'set' || sameEdge(getPointer(fixed, path), edge.value));
  return { request: fixed, path, pinned: !kept };
}

/**
 * Whether the fix-up left the boundary in place: the same value, or for a container edge (the fewest or most
 * items or entries) the same count, since a fix-up may make the items themselves consistent.
 */
function sameEdge(actual: unknown, edge: unknown): boolean {
  if (Array.isArray(edge)) return Array.isArray(actual) && actual.length === edge.length;
  if (typeof edge === 'object' && edge !== null)
    return (
      typeof actual === 'object' &&
      actual !== null &&
      !Array.isArray(actual) &&
      Object.keys(actual).length === Object.keys(edge).length
    );
  return isDeepStrictEqual(actual, edge);
}

function edgeValue(edge: Break): unknown {
  return edge.op === 'set' ? edge.value : edge.op === 'rename' ? edge.key : undefined;
}

/** What the boundary is, by the keyword whose valid side it sits on. */
function edgeWords(rule: BreakableRule): string {
  const keyword = rule.keyword.replace(/^propertyNames\//, '');
  const words: Record<string, string> = {
    minLength: 'the shortest minLength allows',
    maxLength: 'the longest maxLength allows',
    minimum: 'the minimum',
    exclusiveMinimum: 'the smallest allowed',
    maximum: 'the maximum',
    exclusiveMaximum: 'the largest allowed',
    minItems: 'the fewest items minItems allows',
    maxItems: 'the most items maxItems allows',
    minProperties: 'the fewest entries minProperties allows',
    maxProperties: 'the most entries maxProperties allows',
    enum: 'an allowed enum value',
  };
  return words[keyword] ?? `the valid side of ${rule.keyword}`;
}

/**
 * The valid requests a deterministic write-then-read phase sends (round trips): for each member the schema's
 * rules name, the smallest valid request with that member present (an optional array at its fewest items, a
 * string at its shortest), then every valid-side boundary case of {@link coveragePlan}, in the plan's order and
 * without duplicates. `prepare` (the operation's fix-up) runs on each. Like the coverage phase, the cases do not
 * depend on a random draw, so every run writes the same members the same way. No request is sent here.
 * Source: the request schema of `specs/operations/<Operation>.json`.
 */
export function presenceAndBoundaryRequests(
  schema: JsonSchema,
  seed: number,
  options: Omit<InvalidRequestOptions, 'include'> = {},
): Record<string, unknown>[] {
  const { prepare, ...ruleOptions } = options;
  const { rules } = breakableRules(schema, ruleOptions);
  const generation = generationOptions(ruleOptions);
  const seen = new Set<string>();
  const requests: Record<string, unknown>[] = [];
  const add = (request: Record<string, unknown>): void => {
    const key = JSON.stringify(request);
    if (seen.has(key)) return;
    seen.add(key);
    requests.push(request);
  };
  const templates = new Set<string>();
  for (const rule of rules) {
    if (templates.has(rule.template)) continue;
    templates.add(rule.template);
    const present = smallestValue(
      buildArbitrary(schema, generation, rule.steps) as fc.Arbitrary<Record<string, unknown>>,
      seed,
    );
    add(prepare === undefined ? present : prepare(present));
  }
  for (const { request } of coveragePlan(schema, seed, { ...options, side: 'boundary' }).boundary)
    add(request);
  return requests;
}
