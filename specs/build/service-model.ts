import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** A shape of a botocore `service-2.json` model; only the fields the build reads. */
export interface ModelShape {
  readonly type: string;
  readonly members?: Readonly<Record<string, { readonly shape: string }>>;
  readonly required?: readonly string[];
  readonly member?: { readonly shape: string };
  readonly key?: { readonly shape: string };
  readonly value?: { readonly shape: string };
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  /** The shape holds a secret (Smithy's `sensitive` trait): redacted wherever the suite writes it out. */
  readonly sensitive?: boolean;
}

/** An operation of the model: its input/output shapes and the error shapes it may return. */
export interface ModelOperation {
  readonly input?: { readonly shape: string };
  readonly output?: { readonly shape: string };
  readonly errors?: readonly { readonly shape: string }[];
}

/**
 * The service model (botocore `service-2.json`). The build uses it only for what the document lacks:
 * member constraints and modeled errors, and to compare against.
 */
export interface ServiceModel {
  readonly name: string;
  readonly operations: Readonly<Record<string, ModelOperation>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

/** Reads and checks the top level of a `service-2.json` file. */
export function loadServiceModel(path: string): ServiceModel {
  const name = basename(path);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isRecord(parsed) || !isRecord(parsed['operations']) || !isRecord(parsed['shapes'])) {
    throw new Error(`${name}: expected a botocore service-2 model with 'operations' and 'shapes' objects`);
  }
  return {
    name,
    operations: parsed['operations'] as ServiceModel['operations'],
    shapes: parsed['shapes'] as ServiceModel['shapes'],
  };
}

/** A shape by name; a dangling reference is a broken model. */
export function modelShape(model: ServiceModel, name: string): ModelShape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`${model.name}: expected a shape named '${name}', found none`);
  return shape;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
