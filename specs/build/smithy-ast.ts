import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** A shape's or member's traits: trait shape id → value. */
export type SmithyTraits = Readonly<Record<string, unknown>>;

/** A member, or any other reference to a shape (an operation's input, an error). */
export interface SmithyMember {
  readonly target: string;
  readonly traits?: SmithyTraits;
}

/** One shape of a Smithy JSON AST, as far as the model specs read it. */
export interface SmithyShape {
  readonly type: string;
  readonly traits?: SmithyTraits;
  readonly members?: Readonly<Record<string, SmithyMember>>;
  readonly member?: SmithyMember;
  readonly key?: SmithyMember;
  readonly value?: SmithyMember;
  readonly input?: SmithyMember;
  readonly output?: SmithyMember;
  readonly errors?: readonly SmithyMember[];
  readonly operations?: readonly SmithyMember[];
  readonly resources?: readonly SmithyMember[];
}

/** A Smithy 2.0 JSON AST that passed {@link parseSmithyModel}'s checks, with its one service. */
export interface SmithyModel {
  /** The file's name: every error about the model starts with it. */
  readonly file: string;
  readonly shapes: Readonly<Record<string, SmithyShape>>;
  readonly serviceId: string;
  readonly service: SmithyShape;
}

/** Prelude shapes a model may target without defining them. */
const PRELUDE: Readonly<Record<string, SmithyShape>> = {
  'smithy.api#Unit': { type: 'structure', members: {} },
  'smithy.api#String': { type: 'string' },
  'smithy.api#Blob': { type: 'blob' },
  'smithy.api#Boolean': { type: 'boolean' },
  'smithy.api#Timestamp': { type: 'timestamp' },
  'smithy.api#Document': { type: 'document' },
  'smithy.api#Byte': { type: 'byte' },
  'smithy.api#Short': { type: 'short' },
  'smithy.api#Integer': { type: 'integer' },
  'smithy.api#Long': { type: 'long' },
  'smithy.api#Float': { type: 'float' },
  'smithy.api#Double': { type: 'double' },
  'smithy.api#BigInteger': { type: 'bigInteger' },
  'smithy.api#BigDecimal': { type: 'bigDecimal' },
};

/**
 * Reads a Smithy JSON AST for the model specs.
 * @throws Error naming the file (and the shape) when it is not JSON or not a Smithy 2 AST with one service.
 */
export function loadSmithyModel(path: string): SmithyModel {
  return parseSmithyModel(basename(path), readFileSync(path, 'utf8'));
}

/**
 * Parses and checks a Smithy JSON AST: `"smithy": "2.x"`, a `shapes` object, exactly one service, and every
 * shape's `type`, traits and targets of the right JSON types, so later stages can trust its structure.
 * @throws Error `<file>: [<shape id>: ]expected …, found …`.
 */
export function parseSmithyModel(file: string, text: string): SmithyModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file}: expected a Smithy JSON AST (JSON), JSON.parse says: ${(error as Error).message}`,
    );
  }
  if (!isObject(parsed))
    throw new Error(`${file}: expected a Smithy JSON AST (an object), found ${kind(parsed)}`);
  const version = parsed['smithy'];
  if (typeof version !== 'string' || !/^2(\.|$)/.test(version))
    throw new Error(`${file}: expected "smithy": "2.0", found ${JSON.stringify(version) ?? 'none'}`);
  const shapes = parsed['shapes'];
  if (!isObject(shapes)) throw new Error(`${file}: expected 'shapes' to be an object, found ${kind(shapes)}`);
  for (const [id, shape] of Object.entries(shapes)) checkShape(file, id, shape);
  const checked = shapes as Record<string, SmithyShape>;
  const services = Object.keys(checked).filter((id) => checked[id]!.type === 'service');
  if (services.length !== 1)
    throw new Error(`${file}: expected exactly one service shape, found ${services.length}`);
  const serviceId = services[0]!;
  return { file, shapes: checked, serviceId, service: checked[serviceId]! };
}

/**
 * The shape `id` refers to (a prelude shape included).
 * @throws Error `<file>: <where>: expected a shape <id>, found none`, where `where` names the referring shape.
 */
export function shapeOf(model: SmithyModel, id: string, where: string): SmithyShape {
  const shape = model.shapes[id] ?? PRELUDE[id];
  if (shape === undefined) throw modelError(model, where, `expected a shape ${id}, found none`);
  return shape;
}

/** An error about the model at `where` (a shape id or member id `Shape$member`). */
export function modelError(model: Pick<SmithyModel, 'file'>, where: string, message: string): Error {
  return new Error(`${model.file}: ${where}: ${message}`);
}

/** The name of a shape id, without its namespace (`ns#Name` → `Name`). */
export function shapeName(id: string): string {
  return id.slice(id.indexOf('#') + 1);
}

const REFERENCE_KEYS = ['member', 'key', 'value', 'input', 'output'] as const;
const REFERENCE_LISTS = ['errors', 'operations', 'resources'] as const;

function checkShape(file: string, id: string, shape: unknown): void {
  const fail = (where: string, message: string) => new Error(`${file}: ${where}: ${message}`);
  if (!isObject(shape)) throw fail(id, `expected a shape (an object), found ${kind(shape)}`);
  if (typeof shape['type'] !== 'string')
    throw fail(id, `expected a shape with a string 'type', found ${kind(shape['type'])}`);
  checkTraits(shape['traits'], id, fail);
  const members = shape['members'];
  if (members !== undefined && !isObject(members)) throw fail(id, `expected 'members' to be an object`);
  for (const [name, member] of Object.entries(members ?? {})) checkReference(member, `${id}$${name}`, fail);
  for (const key of REFERENCE_KEYS)
    if (shape[key] !== undefined) checkReference(shape[key], `${id}$${key}`, fail);
  for (const key of REFERENCE_LISTS) {
    const list = shape[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw fail(id, `expected '${key}' to be an array, found ${kind(list)}`);
    list.forEach((item, index) => checkReference(item, `${id} ${key}[${index}]`, fail));
  }
}

function checkReference(reference: unknown, where: string, fail: (where: string, message: string) => Error) {
  if (!isObject(reference) || typeof reference['target'] !== 'string')
    throw fail(where, `expected an object with a string 'target', found ${kind(reference)}`);
  checkTraits(reference['traits'], where, fail);
}

function checkTraits(traits: unknown, where: string, fail: (where: string, message: string) => Error) {
  if (traits !== undefined && !isObject(traits))
    throw fail(where, `expected 'traits' to be an object, found ${kind(traits)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === undefined) return 'none';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
