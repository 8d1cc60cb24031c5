import fc from 'fast-check';
import type { JsonSchema } from '../../specs/format/index.ts';
import { type Break, preview } from './_internals/break.ts';
import { mapKeyArbitrary, subArbitrary } from './_internals/build-arbitrary.ts';
import { codePointLength } from './_internals/generation-regex.ts';
import { declaredNumberBounds } from './_internals/number-arbitrary.ts';
import { formatTemplate, type PathStep } from './_internals/path-template.ts';
import {
  enumValues,
  isMap,
  type NodeType,
  nodeType,
  numberKeyword,
  propertyEntries,
  requiredNames,
  resolveRef,
  schemaKeyword,
  stringKeyword,
} from './_internals/schema-node.ts';
import {
  boundedStringArbitrary,
  declaredLengthBounds,
  type LengthBounds,
} from './_internals/string-arbitrary.ts';
import { smallestValue } from './_internals/smallest-value.ts';
import {
  exactLengthString,
  patternBreakers,
  type Search,
  tooLongStrings,
  tooShortStrings,
} from './_internals/string-breakers.ts';
import { outOfEnumValues, wrongTypeValues } from './_internals/value-breakers.ts';
import { DEFAULT_SCHEMA_ARBITRARY_OPTIONS, type SchemaArbitraryOptions } from './schema-arbitrary.ts';
import type { ViolationRule } from './violation.ts';

/** A rule of the schema that can be broken on its own, and how. */
export interface BreakableRule {
  readonly rule: ViolationRule;
  /** Where, as a pointer template with `*` for any array item or map entry: `/Schema/*\/Name`. */
  readonly template: string;
  /** The schema keyword broken; `propertyNames/<keyword>` for map keys. */
  readonly keyword: string;
  /** The template as steps (for forcing the path present in generated requests). */
  readonly steps: readonly PathStep[];
  /** The edits that break it; each leaves every other rule satisfied. */
  readonly breaker: fc.Arbitrary<Break>;
  /**
   * Every edit {@link breaker} draws from, when they are few and fixed (the wrong JSON types, the values outside
   * an enum): the coverage phase sends each, since a target may answer one wrong value and not another.
   */
  readonly edits?: readonly Break[];
  /** Words for the violation, given the concrete pointer and the edit made. */
  readonly describe: (pointer: string, edit: Break) => string;
  /**
   * The valid side of the rule, for the coverage phase's positive cases: edits that put the member exactly on
   * the boundary (the shortest or longest allowed string, the smallest or largest number, the fewest or most
   * items) or, for an enum, to each allowed value. Absent for rules with no valid edge (required, type, pattern).
   */
  readonly validSide?: readonly Break[];
}

/** A rule that exists in the schema but cannot be broken alone; recorded so reports can say why. */
export interface SkippedRule {
  readonly rule: ViolationRule;
  readonly template: string;
  readonly keyword: string;
  readonly reason: string;
}

export interface BreakableRuleOptions extends SchemaArbitraryOptions {
  /**
   * Enum values the document narrows out, by template (`/AuthFlow`): tried first by `enum-value`, since
   * "listed in the syntax but not valid here" is the likeliest value to be wrongly accepted.
   */
  readonly narrowedOut?: ReadonlyMap<string, readonly string[]>;
}

/** Nesting beyond which the walk stops (guards recursive `$ref`s; real request shapes are far shallower). */
const MAX_WALK_DEPTH = 12;

interface Walk {
  readonly root: JsonSchema;
  readonly options: Required<SchemaArbitraryOptions>;
  readonly narrowedOut: ReadonlyMap<string, readonly string[]>;
  readonly rules: BreakableRule[];
  readonly skipped: SkippedRule[];
}

/**
 * Every rule of a request schema that an otherwise valid request can break alone: each required member
 * (where its parent is present), each typed member, each enum, bound, length, item count and pattern,
 * including those of array items and map entries. Rules that cannot be broken without breaking another
 * (a `minLength: 1` whose pattern rejects the empty string, say) are returned in `skipped` with why.
 */
export function breakableRules(
  schema: JsonSchema,
  options: BreakableRuleOptions = {},
): { rules: BreakableRule[]; skipped: SkippedRule[] } {
  const { narrowedOut, ...generation } = options;
  const walk: Walk = {
    root: schema,
    options: { ...DEFAULT_SCHEMA_ARBITRARY_OPTIONS, ...generation },
    narrowedOut: narrowedOut ?? new Map(),
    rules: [],
    skipped: [],
  };
  visit(walk, schema, []);
  return { rules: walk.rules, skipped: walk.skipped };
}

function visit(walk: Walk, raw: JsonSchema, steps: readonly PathStep[]): void {
  if (steps.length > MAX_WALK_DEPTH) return;
  const node = resolveRef('breakableRules', raw, walk.root);
  const type = nodeType(node);
  if (steps.length > 0 && type !== undefined) addWrongType(walk, node, type, steps);
  const values = enumValues(node);
  if (values !== undefined) {
    addEnum(walk, values, steps);
    return;
  }
  switch (type) {
    case 'string':
      addStringRules(walk, node, { ...MEMBER_TARGET, steps });
      return;
    case 'integer':
    case 'number':
      addNumberRules(walk, node, type === 'integer', steps);
      return;
    case 'array':
      addArrayRules(walk, node, steps);
      return;
    case 'object':
      if (isMap(node)) addMapRules(walk, node, steps);
      else addStructureRules(walk, node, steps);
      return;
    default:
      return;
  }
}

function add(walk: Walk, rule: Omit<BreakableRule, 'template'>): void {
  walk.rules.push({ ...rule, template: formatTemplate(rule.steps) });
}

function skip(
  walk: Walk,
  rule: ViolationRule,
  keyword: string,
  steps: readonly PathStep[],
  reason: string,
): void {
  walk.skipped.push({ rule, keyword, template: formatTemplate(steps), reason });
}

function setTo<T>(values: fc.Arbitrary<T>): fc.Arbitrary<Break> {
  return values.map((value): Break => ({ op: 'set', value }));
}

function edited(edit: Break): unknown {
  return edit.op === 'set' ? edit.value : edit.op === 'rename' ? edit.key : undefined;
}

function addWrongType(walk: Walk, node: JsonSchema, type: NodeType, steps: readonly PathStep[]): void {
  const values = wrongTypeValues(node, type);
  add(walk, {
    rule: 'wrong-type',
    keyword: 'type',
    steps,
    breaker: setTo(fc.constantFrom(...values)),
    edits: values.map((value): Break => ({ op: 'set', value })),
    describe: (pointer, edit) => `${pointer} is ${preview(edited(edit))}; the schema says ${type}`,
  });
}

function addEnum(walk: Walk, values: readonly unknown[], steps: readonly PathStep[]): void {
  const candidates = outOfEnumValues(values, walk.narrowedOut.get(formatTemplate(steps)));
  if (candidates.length === 0) {
    skip(walk, 'enum-value', 'enum', steps, 'every value of the type is in the enum');
    return;
  }
  add(walk, {
    rule: 'enum-value',
    keyword: 'enum',
    steps,
    breaker: setTo(fc.constantFrom(...candidates)),
    edits: candidates.map((value): Break => ({ op: 'set', value })),
    describe: (pointer, edit) =>
      `${pointer} is ${preview(edited(edit))}; allowed: ${values.map((v) => String(v)).join(', ')}`,
    validSide: values.map((value): Break => ({ op: 'set', value })),
  });
}

/** Search results are cached by the string constraints: the same shape recurs many times in a spec. */
interface StringSearches {
  readonly pattern: Search<string[]>;
  readonly short: Search<fc.Arbitrary<string>>;
  readonly long: Search<fc.Arbitrary<string>>;
  /** Valid strings exactly `minLength` and exactly `maxLength` long. */
  readonly shortest: Search<string>;
  readonly longest: Search<string>;
}

const stringSearches = new Map<string, StringSearches>();

function searchesFor(walk: Walk, node: JsonSchema): StringSearches {
  const pattern = stringKeyword(node, 'pattern');
  const declared = declaredLengthBounds(node);
  const key = JSON.stringify([pattern, declared.min, declared.max, walk.options.maxExtraLength]);
  let searches = stringSearches.get(key);
  if (searches === undefined) {
    const valid = boundedStringArbitrary(pattern, declared, walk.options.maxExtraLength, key);
    searches = {
      pattern: pattern === undefined ? { reason: 'no pattern' } : patternBreakers(pattern, declared, valid),
      short: tooShortStrings(pattern, declared, valid),
      long: tooLongStrings(pattern, declared, valid),
      shortest: exactLengthString(pattern, declared.min, valid),
      longest: Number.isFinite(declared.max)
        ? exactLengthString(pattern, declared.max, valid)
        : { reason: 'no maxLength' },
    };
    stringSearches.set(key, searches);
  }
  return searches;
}

/** Where a string rule applies and how its bad strings become edits and words. */
interface StringTarget {
  readonly steps: readonly PathStep[];
  /** A value replacement for members, a key rename for map keys (`propertyNames`). */
  readonly toEdit: (edit: Break) => Break;
  readonly keywordPrefix: string;
  readonly subject: (pointer: string, edit: Break) => string;
}

const MEMBER_TARGET = {
  toEdit: (edit: Break): Break => edit,
  keywordPrefix: '',
  subject: (pointer: string, edit: Break): string => `${pointer} (${preview(edited(edit))})`,
};

/** Adds the rule when its search found bad strings, else records why it is skipped. */
function addSearched(
  walk: Walk,
  target: StringTarget,
  rule: ViolationRule,
  keyword: string,
  search: Search<fc.Arbitrary<string>>,
  says: (edit: Break) => string,
  edge?: Search<string>,
): void {
  const fullKeyword = `${target.keywordPrefix}${keyword}`;
  if (!('found' in search)) {
    skip(walk, rule, fullKeyword, target.steps, search.reason);
    return;
  }
  add(walk, {
    rule,
    keyword: fullKeyword,
    steps: target.steps,
    breaker: setTo(search.found).map(target.toEdit),
    describe: (pointer, edit) => `${target.subject(pointer, edit)} ${says(edit)}`,
    ...(edge !== undefined && 'found' in edge
      ? { validSide: [target.toEdit({ op: 'set', value: edge.found })] }
      : {}),
  });
}

/** `minLength`, `maxLength` and `pattern` of a string node (a member's value or a map's keys). */
function addStringRules(walk: Walk, node: JsonSchema, target: StringTarget): void {
  const pattern = stringKeyword(node, 'pattern');
  const bounds: LengthBounds = declaredLengthBounds(node);
  const searches = searchesFor(walk, node);
  const length = (edit: Break): number => codePointLength(String(edited(edit)));
  if (bounds.min > 0) {
    addSearched(
      walk,
      target,
      'too-short',
      'minLength',
      searches.short,
      (edit) => `has ${length(edit)} characters; minLength is ${bounds.min}`,
      searches.shortest,
    );
  }
  if (Number.isFinite(bounds.max)) {
    addSearched(
      walk,
      target,
      'too-long',
      'maxLength',
      searches.long,
      (edit) => `has ${length(edit)} characters; maxLength is ${bounds.max}`,
      searches.longest,
    );
  }
  if (pattern !== undefined) {
    const bad: Search<fc.Arbitrary<string>> =
      'found' in searches.pattern ? { found: fc.constantFrom(...searches.pattern.found) } : searches.pattern;
    addSearched(walk, target, 'pattern', 'pattern', bad, () => `does not match ${pattern}`);
  }
}

function addNumberRules(walk: Walk, node: JsonSchema, integer: boolean, steps: readonly PathStep[]): void {
  const bounds = declaredNumberBounds(node, integer);
  const exclusiveMin = numberKeyword(node, 'exclusiveMinimum');
  const exclusiveMax = numberKeyword(node, 'exclusiveMaximum');
  if (bounds.min !== undefined) {
    // The largest invalid value below the range, then further away: the boundary is the shrink target.
    const edge = integer
      ? bounds.min - 1
      : exclusiveMin !== undefined && exclusiveMin >= bounds.min
        ? exclusiveMin
        : bounds.min - 1;
    const min = bounds.min;
    add(walk, {
      rule: 'below-minimum',
      keyword: exclusiveMin !== undefined ? 'exclusiveMinimum' : 'minimum',
      steps,
      breaker: setTo(fc.nat({ max: 9 }).map((k) => edge - k)),
      describe: (pointer, edit) => `${pointer} is ${preview(edited(edit))}; minimum is ${min}`,
      ...(exclusiveMin !== undefined && exclusiveMin >= min
        ? {}
        : { validSide: [{ op: 'set', value: min }] }),
    });
  }
  if (bounds.max !== undefined) {
    const edge = integer
      ? bounds.max + 1
      : exclusiveMax !== undefined && exclusiveMax <= bounds.max
        ? exclusiveMax
        : bounds.max + 1;
    const max = bounds.max;
    add(walk, {
      rule: 'above-maximum',
      keyword: exclusiveMax !== undefined ? 'exclusiveMaximum' : 'maximum',
      steps,
      breaker: setTo(fc.nat({ max: 9 }).map((k) => edge + k)),
      describe: (pointer, edit) => `${pointer} is ${preview(edited(edit))}; maximum is ${max}`,
      ...(exclusiveMax !== undefined && exclusiveMax <= max
        ? {}
        : { validSide: [{ op: 'set', value: max }] }),
    });
  }
}

/** `minItems`/`maxItems` (arrays) or `minProperties`/`maxProperties` (maps): a whole container of valid content. */
function addCountRules(
  walk: Walk,
  node: JsonSchema,
  steps: readonly PathStep[],
  kind: 'items' | 'entries',
  ofCount: (count: number) => fc.Arbitrary<unknown> | string,
): void {
  const [minKeyword, maxKeyword] =
    kind === 'items' ? ['minItems', 'maxItems'] : ['minProperties', 'maxProperties'];
  const count = (edit: Break): number => {
    const value = edited(edit);
    return Array.isArray(value) ? value.length : Object.keys(value as object).length;
  };
  const min = numberKeyword(node, minKeyword);
  if (min !== undefined && min > 0) {
    const arb = ofCount(min - 1);
    if (typeof arb === 'string') {
      skip(walk, 'too-short', minKeyword, steps, arb);
    } else {
      add(walk, {
        rule: 'too-short',
        keyword: minKeyword,
        steps,
        breaker: setTo(arb),
        describe: (pointer, edit) => `${pointer} has ${count(edit)} ${kind}; ${minKeyword} is ${min}`,
        ...edgeOf(ofCount(min)),
      });
    }
  }
  const max = numberKeyword(node, maxKeyword);
  if (max !== undefined) {
    const arb = ofCount(max + 1);
    if (typeof arb === 'string') {
      skip(walk, 'too-long', maxKeyword, steps, arb);
    } else {
      add(walk, {
        rule: 'too-long',
        keyword: maxKeyword,
        steps,
        breaker: setTo(arb),
        describe: (pointer, edit) => `${pointer} has ${count(edit)} ${kind}; ${maxKeyword} is ${max}`,
        ...edgeOf(ofCount(max)),
      });
    }
  }
}

/** Seed of the valid-side containers: fixed, so the coverage phase sends the same request in every run. */
const EDGE_SEED = 20180212;

/** The smallest container of exactly the boundary count, as the rule's valid side (none if it cannot exist). */
function edgeOf(containers: fc.Arbitrary<unknown> | string): Pick<BreakableRule, 'validSide'> {
  if (typeof containers === 'string') return {};
  return { validSide: [{ op: 'set', value: smallestValue(containers, EDGE_SEED) }] };
}

function addArrayRules(walk: Walk, node: JsonSchema, steps: readonly PathStep[]): void {
  const itemSchema = schemaKeyword(node, 'items');
  if (itemSchema === undefined) return;
  const depth = steps.length + 1;
  const item = subArbitrary(walk.root, walk.options, itemSchema, depth, []);
  const itemEnum = enumValues(resolveRef('breakableRules', itemSchema, walk.root));
  addCountRules(walk, node, steps, 'items', (count) => {
    if (node.uniqueItems !== true)
      return count === 0 ? fc.constant([]) : fc.array(item, { minLength: count, maxLength: count });
    if (itemEnum !== undefined && itemEnum.length < count)
      return `only ${itemEnum.length} distinct items exist, ${count} needed`;
    return fc.uniqueArray(item, {
      minLength: count,
      maxLength: count,
      selector: (value) => JSON.stringify(value),
    });
  });
  visit(walk, itemSchema, [...steps, { kind: 'item' }]);
}

function addMapRules(walk: Walk, node: JsonSchema, steps: readonly PathStep[]): void {
  const valueSchema = schemaKeyword(node, 'additionalProperties') as JsonSchema;
  const depth = steps.length + 1;
  const values = subArbitrary(walk.root, walk.options, valueSchema, depth, []);
  const keys = mapKeyArbitrary(walk, node, formatTemplate(steps));
  addCountRules(walk, node, steps, 'entries', (count) =>
    fc.dictionary(keys, values, { minKeys: count, maxKeys: count, noNullPrototype: true }),
  );
  const entry: PathStep[] = [...steps, { kind: 'entry' }];
  const names = schemaKeyword(node, 'propertyNames');
  if (names !== undefined) {
    addStringRules(walk, names, {
      steps: entry,
      toEdit: (edit) => ({ op: 'rename', key: String(edited(edit)) }),
      keywordPrefix: 'propertyNames/',
      subject: (pointer, edit) => `key ${preview(edited(edit))} at ${pointer}`,
    });
  }
  visit(walk, valueSchema, entry);
}

function addStructureRules(walk: Walk, node: JsonSchema, steps: readonly PathStep[]): void {
  for (const name of requiredNames(node)) {
    add(walk, {
      rule: 'missing-required',
      keyword: 'required',
      steps: [...steps, { kind: 'property', name }],
      breaker: fc.constant<Break>({ op: 'remove' }),
      describe: (pointer) => `${pointer} is missing; it is required`,
    });
  }
  for (const [name, member] of propertyEntries(node))
    visit(walk, member, [...steps, { kind: 'property', name }]);
}
