import type {
  DriftConstraint,
  DriftEnumValue,
  DriftError,
  DriftMember,
  DriftRequired,
  DriftSide,
  JsonSchema,
  ModelOperationSpec,
  OperationSpec,
  SpecDrift,
  SpecNarrowing,
} from '../format/index.ts';
import { RESPONSE_NOTE_KEYWORDS } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import { wholeMatchPattern } from './later-constraints.ts';

type Direction = 'request' | 'response';

/** What {@link specDrift} compares. */
export interface DriftInputs {
  /** The spec before the current reference's overlay (`laterOptionalMembers`, `laterConstraints`): the page side. */
  readonly page: Omit<OperationSpec, 'drift'>;
  /** The spec as written, `drift` aside: what the suite judges by. */
  readonly judged: Omit<OperationSpec, 'drift'>;
  /** The model spec of the same operation; undefined when the current reference lacks the operation. */
  readonly model: ModelOperationSpec | undefined;
  /** The current reference's file name, for when `model` is undefined. */
  readonly modelDocument: string;
}

/** Keywords compared on every schema node both sides have (enums apart). */
const CONSTRAINT_KEYWORDS = [...RESPONSE_NOTE_KEYWORDS, 'minProperties', 'maxProperties'] as const;

/** Keywords compared on a map's keys (`propertyNames`). */
const KEY_KEYWORDS = ['minLength', 'maxLength', 'pattern'] as const;

/** Lower bounds whose 0 allows what no bound allows. */
const LOWER_BOUNDS: ReadonlySet<string> = new Set(['minLength', 'minItems', 'minProperties']);

/** What an operation the reference lacks is compared with: structures without members, no errors. */
const NO_MEMBERS: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

/**
 * The drift record of one operation (see {@link SpecDrift}): what the current reference adds, removes or changes
 * against the spec's document, and for each difference a verdict depends on, which side the suite judges by
 * and the spec field that records it. Deterministic: every list sorted by code units.
 */
export function specDrift(inputs: DriftInputs): SpecDrift {
  const comparison = new DriftComparison(inputs);
  for (const direction of ['request', 'response'] as const)
    comparison.visit(direction, inputs.page[direction], inputs.model?.[direction] ?? NO_MEMBERS, '');
  return {
    model: inputs.model?.source.document ?? inputs.modelDocument,
    members: sortBy(comparison.members, (e) => [e.direction, e.path, e.change]),
    required: sortBy(comparison.required, (e) => [e.direction, e.path]),
    constraints: sortBy(comparison.constraints, (e) => [e.direction, e.path, e.keyword]),
    enumValues: sortBy(comparison.enumValues, (e) => [e.direction, e.path, e.value, e.change]),
    errors: sortBy(errorDrift(inputs), (e) => [e.error, e.change]),
  };
}

class DriftComparison {
  readonly members: DriftMember[] = [];
  readonly required: DriftRequired[] = [];
  readonly constraints: DriftConstraint[] = [];
  readonly enumValues: DriftEnumValue[] = [];

  constructor(private readonly inputs: DriftInputs) {}

  visit(direction: Direction, page: JsonSchema, modelNode: JsonSchema, path: string): void {
    const model = this.resolve(direction, modelNode);
    const pageType = typeOf(page);
    const modelType = typeOf(model);
    if (pageType !== modelType) {
      this.constraint(direction, path, 'type', pageType, modelType);
      return;
    }
    for (const keyword of CONSTRAINT_KEYWORDS)
      this.constraint(
        direction,
        path,
        keyword,
        page[keyword],
        model[keyword] ?? (keyword === 'pattern' ? this.relaxedPattern(direction, path) : undefined),
      );
    if (pageType === 'map') {
      const pageKeys = (page['propertyNames'] ?? {}) as JsonSchema;
      const modelKeys = (model['propertyNames'] ?? {}) as JsonSchema;
      for (const keyword of KEY_KEYWORDS)
        this.constraint(direction, path, `propertyNames/${keyword}`, pageKeys[keyword], modelKeys[keyword]);
    }
    this.enums(direction, path, page['enum'], model['enum']);
    if (pageType === 'structure') this.structure(direction, page, model, path);
    if (pageType === 'list')
      this.visit(
        direction,
        page['items'] as JsonSchema,
        model['items'] as JsonSchema,
        childPointer(path, ANY_ITEM),
      );
    if (pageType === 'map')
      this.visit(
        direction,
        page['additionalProperties'] as JsonSchema,
        model['additionalProperties'] as JsonSchema,
        childPointer(path, ANY_ITEM),
      );
  }

  private structure(direction: Direction, page: JsonSchema, model: JsonSchema, path: string): void {
    const pageMembers = (page['properties'] ?? {}) as Record<string, JsonSchema>;
    const modelMembers = (model['properties'] ?? {}) as Record<string, JsonSchema>;
    const pageRequired = (page['required'] ?? []) as readonly string[];
    const modelRequired = (model['required'] ?? []) as readonly string[];
    const judged = this.judgedNode(direction, path);
    const judgedMembers = (judged?.['properties'] ?? {}) as Record<string, JsonSchema>;
    const judgedRequired = (judged?.['required'] ?? []) as readonly string[];
    for (const name of Object.keys(modelMembers)) {
      if (name in pageMembers) continue;
      const member = childPointer(path, name);
      const later = direction === 'response' && this.inputs.judged.laterResponseMembers.includes(member);
      this.members.push({
        direction,
        path: member,
        change: 'added',
        // No generated request carries a member its request schema lacks: no verdict depends on it.
        ...(direction === 'request'
          ? {}
          : { applies: later || name in judgedMembers ? ('model' as const) : ('page' as const) }),
        ...(later ? { recordedIn: 'laterResponseMembers' as const } : {}),
      });
    }
    for (const [name, property] of Object.entries(pageMembers)) {
      const member = childPointer(path, name);
      const modelMember = modelMembers[name];
      if (modelMember === undefined) {
        this.members.push({
          direction,
          path: member,
          change: 'removed',
          applies: name in judgedMembers ? 'page' : 'model',
        });
        continue;
      }
      const onPage = pageRequired.includes(name);
      const inModel = modelRequired.includes(name);
      if (onPage !== inModel) {
        const relaxed = direction === 'request' && this.inputs.judged.laterOptionalMembers.includes(member);
        this.required.push({
          direction,
          path: member,
          page: onPage,
          model: inModel,
          applies: judgedRequired.includes(name) === inModel ? 'model' : 'page',
          ...(relaxed ? { recordedIn: 'laterOptionalMembers' as const } : {}),
        });
      }
      this.visit(direction, property, modelMember, member);
    }
  }

  private constraint(
    direction: Direction,
    path: string,
    keyword: string,
    pageValue: unknown,
    modelValue: unknown,
  ): void {
    const page = bound(keyword, pageValue);
    const model = bound(keyword, modelValue);
    if (sameBound(keyword, page, model)) return;
    const entry: DriftConstraint = { direction, path, keyword, page, model };
    if (direction === 'response' && RESPONSE_NOTE_KEYWORDS.has(keyword)) {
      this.constraints.push(entry);
      return;
    }
    const judged = this.judgedNode(direction, path);
    const modelSchemaValue =
      keyword === 'type' ? model : bound(keyword, this.modelSchemaValue(direction, path, keyword));
    const judgedValue =
      keyword === 'type'
        ? judged === undefined
          ? null
          : typeOf(judged)
        : bound(keyword, keywordAt(judged, keyword));
    const applies: DriftSide = sameBound(keyword, judgedValue, modelSchemaValue)
      ? 'model'
      : sameBound(keyword, judgedValue, page)
        ? 'page'
        : 'neither';
    const recorded =
      direction === 'request' &&
      this.inputs.judged.laterConstraints.some((c) => c.path === path && c.keyword === keyword);
    this.constraints.push({
      ...entry,
      applies,
      ...(recorded ? { recordedIn: 'laterConstraints' as const } : {}),
    });
  }

  private enums(direction: Direction, path: string, pageValue: unknown, modelValue: unknown): void {
    if (pageValue === undefined && modelValue === undefined) return;
    if (pageValue === undefined || modelValue === undefined) {
      // Only one side has an enum: a constraint of its own, not values added to or taken from a list.
      this.constraint(direction, path, 'enum', pageValue, modelValue);
      return;
    }
    const withdrawn = direction === 'request' ? this.withdrawn(path) : [];
    const page = new Set([...(pageValue as readonly string[]), ...withdrawn]);
    const model = new Set((modelValue as readonly string[]).filter((value) => !withdrawn.includes(value)));
    const judged = new Set((keywordAt(this.judgedNode(direction, path), 'enum') ?? []) as readonly string[]);
    const entry = (value: string, change: 'added' | 'removed'): DriftEnumValue => {
      // The suite follows the model when its enum lists a value the model adds, or lacks one the model drops.
      const followsModel = judged.has(value) === (change === 'added');
      const narrowed =
        direction === 'request' && this.narrowings(path).some((n) => n.excluded.includes(value));
      return {
        direction,
        path,
        value,
        change,
        applies: followsModel ? 'model' : 'page',
        ...(narrowed ? { recordedIn: 'narrowings' as const } : {}),
      };
    };
    for (const value of model) if (!page.has(value)) this.enumValues.push(entry(value, 'added'));
    for (const value of page) if (!model.has(value)) this.enumValues.push(entry(value, 'removed'));
  }

  /** The spec's request narrowings of the enum at `path` (a member's own, or its items'). */
  private narrowings(path: string): SpecNarrowing[] {
    return this.inputs.judged.narrowings.filter(
      (n) => n.direction === 'request' && (n.path === path || childPointer(n.path, ANY_ITEM) === path),
    );
  }

  /** Values the current reference withdrew from the enum at `path`: narrowings there that name a source. */
  private withdrawn(path: string): string[] {
    return this.narrowings(path)
      .filter((n) => n.source !== undefined)
      .flatMap((n) => n.excluded);
  }

  /** A pattern the model spec leaves out as not checkable: the trait's value, from `relaxedConstraints`. */
  private relaxedPattern(direction: Direction, path: string): unknown {
    return this.inputs.model?.relaxedConstraints.find(
      (c) => c.direction === direction && c.path === path && c.trait === 'smithy.api#pattern',
    )?.value;
  }

  /** What the model spec's schema itself states for `keyword` at `path` (no relaxed values). */
  private modelSchemaValue(direction: Direction, path: string, keyword: string): unknown {
    const root = this.inputs.model?.[direction] ?? NO_MEMBERS;
    const node = nodeAt(root, path, (node) => this.resolve(direction, node));
    if (keyword.startsWith('propertyNames/'))
      return ((node?.['propertyNames'] ?? {}) as JsonSchema)[keyword.slice('propertyNames/'.length)];
    return node?.[keyword];
  }

  /** The node at `path` in the schema the suite judges by; undefined where it has none. */
  private judgedNode(direction: Direction, path: string): JsonSchema | undefined {
    return nodeAt(this.inputs.judged[direction], path, (node) => node);
  }

  /** A model schema node with its `$ref` (`#/$defs/<Name>`, for shapes that contain themselves) followed. */
  private resolve(direction: Direction, node: JsonSchema): JsonSchema {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return node;
    const name = ref.replace(/^#\/\$defs\//, '');
    const defs = (this.inputs.model?.[direction]['$defs'] ?? {}) as Record<string, JsonSchema>;
    const target = defs[name];
    if (target === undefined)
      throw new Error(`specDrift: ${this.inputs.page.operation} ${direction}: no $defs entry for ${ref}`);
    return target;
  }
}

/** The modeled errors only one side lists, and whether the spec's `errors` keep the page's list. */
function errorDrift({ page, judged, model }: DriftInputs): DriftError[] {
  const modelErrors = model?.errors ?? [];
  return [
    ...modelErrors
      .filter((error) => !page.errors.includes(error))
      .map((error) => ({
        error,
        change: 'added' as const,
        applies: judged.errors.includes(error) ? ('model' as const) : ('page' as const),
      })),
    ...page.errors
      .filter((error) => !modelErrors.includes(error))
      .map((error) => ({
        error,
        change: 'removed' as const,
        applies: judged.errors.includes(error) ? ('page' as const) : ('model' as const),
      })),
  ];
}

/** A schema node's type in the model's vocabulary (`structure`, `map`, `list`, `timestamp`, `blob`, …). */
function typeOf(schema: JsonSchema): string {
  const type = schema['type'];
  if (type === undefined) return 'document';
  if (type === 'object')
    return schema['properties'] === undefined && typeof schema['additionalProperties'] === 'object'
      ? 'map'
      : 'structure';
  if (type === 'array') return 'list';
  if (type === 'number' && schema['format'] === 'epoch-seconds') return 'timestamp';
  if (type === 'string' && schema['contentEncoding'] === 'base64') return 'blob';
  return String(type);
}

/** A keyword's value as the record states it: `null` for none, and for a lower length or count bound of 0. */
function bound(keyword: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const base = keyword.replace(/^propertyNames\//, '');
  if (LOWER_BOUNDS.has(base) && value === 0) return null;
  return value;
}

/**
 * Whether `a` states what `b` does. A pattern equals a model pattern in whole-match form too (`a` is the spec's,
 * read as a whole-string match; `b` may be the model's, which only has to occur in the value); enum lists compare
 * as sets.
 */
function sameBound(keyword: string, a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (keyword.endsWith('pattern') && typeof b === 'string') return a === b || a === wholeMatchPattern(b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value: unknown) => b.includes(value));
  return a === b;
}

/** `keyword` of a node, `propertyNames/<keyword>` reading the node's key schema. */
function keywordAt(node: JsonSchema | undefined, keyword: string): unknown {
  if (node === undefined) return undefined;
  if (keyword.startsWith('propertyNames/'))
    return ((node['propertyNames'] ?? {}) as JsonSchema)[keyword.slice('propertyNames/'.length)];
  return node[keyword];
}

/** The schema node at a pointer (`*`: items or map values), each step through `resolve`; undefined if none. */
function nodeAt(
  root: JsonSchema,
  pointer: string,
  resolve: (node: JsonSchema) => JsonSchema,
): JsonSchema | undefined {
  if (pointer === '') return resolve(root);
  let node: JsonSchema | undefined = resolve(root);
  for (const raw of pointer.slice(1).split('/')) {
    if (node === undefined) return undefined;
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const next: unknown =
      raw === ANY_ITEM
        ? (node['items'] ?? node['additionalProperties'])
        : (node['properties'] as Record<string, unknown> | undefined)?.[segment];
    node = typeof next === 'object' && next !== null ? resolve(next as JsonSchema) : undefined;
  }
  return node;
}

/** `items` sorted by their keys, compared by code units (never by locale): the same order on every machine. */
function sortBy<T>(items: readonly T[], key: (item: T) => readonly string[]): T[] {
  return [...items].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    for (let i = 0; i < left.length; i++) {
      const x = left[i] ?? '';
      const y = right[i] ?? '';
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
