import type { JsonSchema, RelaxedConstraint } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import {
  modelError,
  shapeName,
  shapeOf,
  type SmithyMember,
  type SmithyModel,
  type SmithyShape,
} from './smithy-ast.ts';
import { constraintKeywords, type SchemaPlace, type TraitHolder } from './smithy-constraints.ts';
import { recursiveShapes } from './smithy-recursion.ts';
import { SCHEMA_DIALECT } from './to-json-schema.ts';

/** A request or response schema and the model constraints it states loosely. */
export interface ModelSchema {
  readonly schema: JsonSchema;
  readonly relaxed: readonly RelaxedConstraint[];
}

/** What one root schema is being built with. */
interface Build {
  readonly direction: 'request' | 'response';
  readonly relaxed: RelaxedConstraint[];
  /** `$defs` of the root: recursive shapes by name, filled as they are first met. */
  readonly defs: Map<string, JsonSchema>;
}

const SIMPLE: Readonly<Record<string, JsonSchema>> = {
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  byte: { type: 'integer' },
  short: { type: 'integer' },
  integer: { type: 'integer' },
  long: { type: 'integer' },
  bigInteger: { type: 'integer' },
  float: { type: 'number' },
  double: { type: 'number' },
  bigDecimal: { type: 'number' },
  timestamp: { type: 'number', format: 'epoch-seconds' },
  blob: { type: 'string', contentEncoding: 'base64' },
  document: {},
};

/**
 * Turns the shapes of a Smithy model into the JSON Schemas of the model specs (the conventions are in
 * specs/format/model-spec.ts). One instance per model: it finds the recursive shapes once.
 */
export class ModelSchemas {
  private readonly recursive: ReadonlySet<string>;

  constructor(private readonly model: SmithyModel) {
    this.recursive = recursiveShapes(model);
  }

  /**
   * The root schema of an operation's input or output shape, with `$schema`, `$id` and (for recursive shapes)
   * `$defs`; `from` names the reference to the shape (`ns#Op$input`) for errors.
   * @throws Error naming the file and the shape or member the model is wrong at.
   */
  root(operation: string, direction: 'request' | 'response', shapeId: string, from: string): ModelSchema {
    const build: Build = { direction, relaxed: [], defs: new Map() };
    shapeOf(this.model, shapeId, from);
    const body = this.shape(shapeId, [], '', build);
    const defs = [...build.defs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const schema = {
      $schema: SCHEMA_DIALECT,
      $id: `urn:cognito-conformance:${operation}:${direction}`,
      ...body,
      ...(defs.length > 0 ? { $defs: Object.fromEntries(defs) } : {}),
    };
    return { schema, relaxed: build.relaxed };
  }

  /** A member's schema: its target's, with the member's own traits over the target's. */
  private member(id: string, member: SmithyMember, pointer: string, build: Build): JsonSchema {
    const holder = { id, traits: member.traits };
    if (!this.recursive.has(member.target)) return this.shape(member.target, [holder], pointer, build);
    const name = shapeName(member.target);
    if (!build.defs.has(name)) {
      build.defs.set(name, {});
      build.defs.set(name, this.shape(member.target, [], pointer, build));
    }
    const type = shapeOf(this.model, member.target, id).type;
    return { $ref: `#/$defs/${name}`, ...this.keywords(type, [holder], pointer, build) };
  }

  /** The schema of shape `id`, with the traits of `holders` (a referring member) over its own. */
  private shape(id: string, holders: readonly TraitHolder[], pointer: string, build: Build): JsonSchema {
    const where = holders[0]?.id ?? id;
    const shape = shapeOf(this.model, id, where);
    const keywords = this.keywords(shape.type, [...holders, { id, traits: shape.traits }], pointer, build);
    return { ...this.body(id, shape, pointer, build), ...keywords };
  }

  private keywords(type: string, holders: readonly TraitHolder[], path: string, build: Build) {
    const place: SchemaPlace = { direction: build.direction, path };
    return constraintKeywords(this.model, type, holders, place, build.relaxed);
  }

  private body(id: string, shape: SmithyShape, pointer: string, build: Build): JsonSchema {
    const simple = SIMPLE[shape.type];
    if (simple !== undefined) return simple;
    switch (shape.type) {
      case 'structure':
        return this.structure(id, shape, pointer, build);
      case 'union':
        return { ...this.structure(id, shape, pointer, build), minProperties: 1, maxProperties: 1 };
      case 'list':
      case 'set':
        return {
          type: 'array',
          items: this.member(
            `${id}$member`,
            this.part(id, shape, 'member'),
            childPointer(pointer, ANY_ITEM),
            build,
          ),
          ...(shape.type === 'set' ? { uniqueItems: true } : {}),
        };
      case 'map':
        return this.map(id, shape, pointer, build);
      case 'enum':
        return { type: 'string', enum: this.enumValues(id, shape, 'string') };
      case 'intEnum':
        return { type: 'integer', enum: this.enumValues(id, shape, 'number') };
      default:
        throw modelError(
          this.model,
          id,
          `expected a shape a request or response can hold, found a ${shape.type}`,
        );
    }
  }

  private structure(id: string, shape: SmithyShape, pointer: string, build: Build): JsonSchema {
    const members = Object.entries(shape.members ?? {});
    const properties = Object.fromEntries(
      members.map(([name, member]) => [
        name,
        this.member(`${id}$${name}`, member, childPointer(pointer, name), build),
      ]),
    );
    const required = members
      .filter(([, member]) => member.traits?.['smithy.api#required'] !== undefined)
      .map(([name]) => name);
    return {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
    };
  }

  private map(id: string, shape: SmithyShape, pointer: string, build: Build): JsonSchema {
    const key = this.member(`${id}$key`, this.part(id, shape, 'key'), pointer, build);
    const value = this.member(
      `${id}$value`,
      this.part(id, shape, 'value'),
      childPointer(pointer, ANY_ITEM),
      build,
    );
    if (key['type'] !== 'string')
      throw modelError(this.model, `${id}$key`, `expected a string key, found ${JSON.stringify(key)}`);
    const constrained = Object.keys(key).some((keyword) => keyword !== 'type');
    return { type: 'object', ...(constrained ? { propertyNames: key } : {}), additionalProperties: value };
  }

  private part(id: string, shape: SmithyShape, part: 'member' | 'key' | 'value'): SmithyMember {
    const found = shape[part];
    if (found === undefined)
      throw modelError(this.model, id, `expected a ${shape.type} with a '${part}', found none`);
    return found;
  }

  private enumValues(id: string, shape: SmithyShape, type: 'string' | 'number'): unknown[] {
    return Object.entries(shape.members ?? {}).map(([name, member]) => {
      const value = member.traits?.['smithy.api#enumValue'] ?? (type === 'string' ? name : undefined);
      if (typeof value !== type)
        throw modelError(
          this.model,
          `${id}$${name}`,
          `expected a ${type} smithy.api#enumValue, found ${JSON.stringify(value)}`,
        );
      return value;
    });
  }
}
