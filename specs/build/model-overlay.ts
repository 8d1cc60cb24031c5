import type { JsonSchema } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import { toSchemaPattern } from './model-pattern.ts';
import { modelShape, type ModelShape, type ServiceModel } from './service-model.ts';

/** A model pattern the schemas leave out, with where it applied and why. */
export interface OmittedPattern {
  readonly path: string;
  readonly pattern: string;
  readonly reason: string;
}

/** A schema with the model's constraints added, and the patterns that could not be. */
export interface OverlaidSchema {
  readonly schema: JsonSchema;
  readonly omittedPatterns: readonly OmittedPattern[];
}

/**
 * Adds the model's constraints to a schema built from the document, walking both in parallel by member
 * name: string `min`/`max`/`pattern` → `minLength`/`maxLength`/`pattern`, integer `min`/`max` →
 * `minimum`/`maximum`, list `min`/`max` → `minItems`/`maxItems`. Only what the document lacks is taken:
 * where the two disagree on members or types the document's schema is kept as it is (the page/model
 * comparison reports those places).
 */
export function overlayModel(
  schema: JsonSchema,
  model: ServiceModel,
  shapeName: string | undefined,
): OverlaidSchema {
  const omittedPatterns: OmittedPattern[] = [];
  const overlaid =
    shapeName === undefined ? schema : new Overlay(model, omittedPatterns).apply(schema, shapeName, '');
  return { schema: overlaid, omittedPatterns };
}

/** The operation's modeled error shapes, sorted; none when the model lacks the operation. */
export function modeledErrors(model: ServiceModel, operation: string): string[] {
  return (model.operations[operation]?.errors ?? []).map((error) => error.shape).sort();
}

class Overlay {
  constructor(
    private readonly model: ServiceModel,
    private readonly omitted: OmittedPattern[],
  ) {}

  apply(schema: JsonSchema, shapeName: string, pointer: string): JsonSchema {
    const constrained = this.constrain(schema, shapeName, pointer);
    return modelShape(this.model, shapeName).sensitive === true
      ? { ...constrained, sensitive: true }
      : constrained;
  }

  private constrain(schema: JsonSchema, shapeName: string, pointer: string): JsonSchema {
    const shape = modelShape(this.model, shapeName);
    const properties = schema['properties'];
    const additional = schema['additionalProperties'];
    const items = schema['items'];
    switch (schema['type']) {
      case 'object':
        if (isSchema(properties) && shape.type === 'structure')
          return { ...schema, properties: this.members(properties, shape, pointer) };
        if (isSchema(additional) && shape.type === 'map' && shape.value) {
          return {
            ...schema,
            additionalProperties: this.apply(additional, shape.value.shape, childPointer(pointer, ANY_ITEM)),
          };
        }
        return schema;
      case 'array':
        if (!isSchema(items) || shape.type !== 'list' || !shape.member) return schema;
        return {
          ...schema,
          items: this.apply(items, shape.member.shape, childPointer(pointer, ANY_ITEM)),
          ...bounds(shape, 'minItems', 'maxItems'),
        };
      case 'string':
        return shape.type === 'string'
          ? { ...schema, ...bounds(shape, 'minLength', 'maxLength'), ...this.pattern(shape, pointer) }
          : schema;
      case 'integer':
        return shape.type === 'integer' || shape.type === 'long'
          ? { ...schema, ...bounds(shape, 'minimum', 'maximum') }
          : schema;
      default:
        return schema;
    }
  }

  private members(properties: JsonSchema, shape: ModelShape, pointer: string): JsonSchema {
    return Object.fromEntries(
      Object.entries(properties).map(([name, property]) => {
        const member = shape.members?.[name];
        const child = property as JsonSchema;
        return [name, member ? this.apply(child, member.shape, childPointer(pointer, name)) : child];
      }),
    );
  }

  private pattern(shape: ModelShape, pointer: string): JsonSchema {
    if (shape.pattern === undefined) return {};
    const conversion = toSchemaPattern(shape.pattern);
    if (conversion.ok) return { pattern: conversion.pattern };
    this.omitted.push({ path: pointer, pattern: shape.pattern, reason: conversion.reason });
    return {};
  }
}

function bounds(shape: ModelShape, minKeyword: string, maxKeyword: string): JsonSchema {
  return {
    ...(shape.min !== undefined ? { [minKeyword]: shape.min } : {}),
    ...(shape.max !== undefined ? { [maxKeyword]: shape.max } : {}),
  };
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
