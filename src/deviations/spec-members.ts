import type { JsonSchema, OperationSpec } from '../../specs/format/index.ts';
import { loadOperationSpecs } from '../spec/index.ts';

/**
 * What the specs say about members by name, for normalising and redacting what a run writes out. Names, not
 * paths: a report's values are found in requests, responses, messages and commands alike, and in the
 * Cognito model a member name is sensitive either everywhere or in a shape the suite treats alike.
 */
export interface SpecMembers {
  /** Members typed as timestamps (`format: epoch-seconds`): their numbers vary per run. */
  readonly timestamps: ReadonlySet<string>;
  /**
   * Identifier members and the token category of their values: `pool-id` for members with the user pool id
   * pattern, else the member name in kebab case (`ClientId` → `client-id`). A string member is an identifier
   * when its name ends in `Id` and it has no enum.
   */
  readonly identifiers: ReadonlyMap<string, string>;
  /**
   * The pattern (JSON Schema `pattern`, unanchored) an identifier member's values have, where the spec gives one.
   * Only a value of that shape is a generated id: a value that breaks it was made up by the suite on purpose.
   */
  readonly identifierPatterns?: ReadonlyMap<string, string>;
  /**
   * The length bounds (characters) of an identifier member's values, where the spec gives them: a value outside
   * them was made up on purpose too (a too-long id that a request breaks a rule with), and stays visible.
   */
  readonly identifierLengths?: ReadonlyMap<string, { readonly min: number; readonly max: number }>;
  /** Members whose value is a secret: the `sensitive` annotation (Smithy's trait) on the member's schema. */
  readonly sensitive: ReadonlySet<string>;
}

/** The pattern the model gives user pool ids (`UserPoolIdType`); ids of this pattern are `pool-id` tokens. */
const USER_POOL_ID_PATTERN = '[\\w-]+_[0-9a-zA-Z]+';

/**
 * Reads {@link SpecMembers} off the request and response schemas of `specs`.
 * Source: the generated specs (`specs/operations/*.json`): `format`, `pattern`, `enum` and `sensitive`.
 */
export function specMembersOf(specs: readonly OperationSpec[]): SpecMembers {
  const members = {
    timestamps: new Set<string>(),
    identifiers: new Map<string, string>(),
    identifierPatterns: new Map<string, string>(),
    identifierLengths: new Map<string, { min: number; max: number }>(),
    sensitive: new Set<string>(),
  };
  for (const spec of specs) {
    visitMembers(spec.request, undefined, members);
    visitMembers(spec.response, undefined, members);
  }
  return members;
}

let committed: SpecMembers | undefined;

/** {@link SpecMembers} of the committed specs, read once per process. @throws Error when no spec can be read. */
export function committedSpecMembers(): SpecMembers {
  committed ??= specMembersOf(loadOperationSpecs());
  return committed;
}

type Collected = {
  timestamps: Set<string>;
  identifiers: Map<string, string>;
  identifierPatterns: Map<string, string>;
  identifierLengths: Map<string, { min: number; max: number }>;
  sensitive: Set<string>;
};

function visitMembers(node: JsonSchema, member: string | undefined, into: Collected): void {
  if (member !== undefined) classify(member, node, into);
  const properties = node['properties'] as Record<string, JsonSchema> | undefined;
  for (const [name, child] of Object.entries(properties ?? {})) visitMembers(child, name, into);
  // List items and map values belong to the member that holds them.
  for (const keyword of ['items', 'additionalProperties'] as const) {
    const child = node[keyword];
    if (typeof child === 'object' && child !== null) visitMembers(child as JsonSchema, member, into);
  }
}

function classify(member: string, node: JsonSchema, into: Collected): void {
  if (node['sensitive'] === true) into.sensitive.add(member);
  if (node['format'] === 'epoch-seconds') into.timestamps.add(member);
  if (node['type'] === 'string' && node['enum'] === undefined && /Id$/.test(member)) {
    const pattern = typeof node['pattern'] === 'string' ? unanchored(node['pattern']) : undefined;
    into.identifiers.set(member, pattern === USER_POOL_ID_PATTERN ? 'pool-id' : kebabCase(member));
    if (pattern !== undefined) into.identifierPatterns.set(member, pattern);
    const min = node['minLength'];
    const max = node['maxLength'];
    if (typeof min === 'number' || typeof max === 'number')
      into.identifierLengths.set(member, {
        min: typeof min === 'number' ? min : 0,
        max: typeof max === 'number' ? max : Number.POSITIVE_INFINITY,
      });
  }
}

/** A pattern without the `^…$` the model specs write around it (the page specs write none). */
function unanchored(pattern: string): string {
  return pattern.startsWith('^') && pattern.endsWith('$') && !pattern.endsWith('\\$')
    ? pattern.slice(1, -1)
    : pattern;
}

function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
