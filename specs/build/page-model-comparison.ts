import type { JsonSchema, OperationSpec } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import { modelShape, type ModelShape, type ServiceModel } from './service-model.ts';

/** What differs: a whole operation, a member on one side only, a type, enum values or a required flag. */
export type DisagreementKind =
  | 'operation-missing-in-model'
  | 'member-missing-in-model'
  | 'member-missing-on-page'
  | 'type'
  | 'enum'
  | 'required';

/**
 * A place where the document and the model say different things about an operation. Data, not an
 * error: the build keeps the document's version, and reviewed ones are listed in `known-disagreements.json`.
 */
export interface Disagreement {
  readonly operation: string;
  readonly direction: 'request' | 'response' | 'operation';
  /** JSON pointer of the member (`*`: any item or map value). */
  readonly path: string;
  readonly kind: DisagreementKind;
  /**
   * The page's side: its type (`type`, `member-missing-in-model`), its enum values the model lacks
   * (`enum`; `null` if it has no enum), whether it requires the member (`required`); `null` if absent.
   */
  readonly page: unknown;
  /** The model's side, in the same terms. */
  readonly model: unknown;
}

/**
 * Compares a spec's schemas (members, types, enums, required flags) with the model's shapes. The response enum values
 * the spec takes from the current reference (its drift record's `added` values that apply) are not the page's, so
 * they are left out of the page's side.
 */
export function comparePageWithModel(spec: OperationSpec, model: ServiceModel): Disagreement[] {
  const operation = model.operations[spec.operation];
  if (!operation)
    return [
      {
        operation: spec.operation,
        direction: 'operation',
        path: '',
        kind: 'operation-missing-in-model',
        page: null,
        model: null,
      },
    ];
  const later = new Set(
    (spec.drift?.enumValues ?? [])
      .filter((entry) => entry.change === 'added' && entry.applies === 'model')
      .map((entry) => `${entry.direction} ${entry.path} ${entry.value}`),
  );
  return [
    ...new Comparison(model, spec.operation, 'request', later).compare(
      spec.request,
      operation.input?.shape,
      '',
    ),
    ...new Comparison(model, spec.operation, 'response', later).compare(
      spec.response,
      operation.output?.shape,
      '',
    ),
  ];
}

const EMPTY_STRUCTURE: ModelShape = { type: 'structure', members: {} };

class Comparison {
  private readonly found: Disagreement[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly operation: string,
    private readonly direction: 'request' | 'response',
    /** `<direction> <path> <value>` of each enum value the spec takes from the current reference. */
    private readonly later: ReadonlySet<string> = new Set(),
  ) {}

  compare(schema: JsonSchema, shapeName: string | undefined, path: string): Disagreement[] {
    this.node(schema, shapeName === undefined ? EMPTY_STRUCTURE : modelShape(this.model, shapeName), path);
    return this.found;
  }

  private node(schema: JsonSchema, shape: ModelShape, path: string): void {
    const pageType = schemaType(schema);
    const modelType = shapeType(shape);
    if (pageType !== modelType) return this.add(path, 'type', pageType, modelType);
    if (pageType === 'string') this.enums(schema, shape, path);
    if (pageType === 'structure') this.structure(schema, shape, path);
    if (pageType === 'map')
      this.node(
        schema['additionalProperties'] as JsonSchema,
        this.ref(shape.value),
        childPointer(path, ANY_ITEM),
      );
    if (pageType === 'list')
      this.node(schema['items'] as JsonSchema, this.ref(shape.member), childPointer(path, ANY_ITEM));
  }

  private structure(schema: JsonSchema, shape: ModelShape, path: string): void {
    const properties = schema['properties'] as Record<string, JsonSchema>;
    const members = shape.members ?? {};
    const pageRequired = (schema['required'] as string[] | undefined) ?? [];
    const modelRequired = shape.required ?? [];
    for (const [name, property] of Object.entries(properties)) {
      const member = members[name];
      const memberPath = childPointer(path, name);
      if (!member) {
        this.add(memberPath, 'member-missing-in-model', schemaType(property), null);
        continue;
      }
      if (pageRequired.includes(name) !== modelRequired.includes(name)) {
        this.add(memberPath, 'required', pageRequired.includes(name), modelRequired.includes(name));
      }
      this.node(property, modelShape(this.model, member.shape), memberPath);
    }
    for (const [name, member] of Object.entries(members)) {
      if (!(name in properties))
        this.add(
          childPointer(path, name),
          'member-missing-on-page',
          null,
          shapeType(modelShape(this.model, member.shape)),
        );
    }
  }

  private enums(schema: JsonSchema, shape: ModelShape, path: string): void {
    const pageValues = (schema['enum'] as string[] | undefined)?.filter(
      (value) => !this.later.has(`${this.direction} ${path} ${value}`),
    );
    const modelValues = shape.enum;
    if (pageValues === undefined && modelValues === undefined) return;
    const pageOnly =
      pageValues === undefined ? null : pageValues.filter((value) => !modelValues?.includes(value));
    const modelOnly =
      modelValues === undefined ? null : modelValues.filter((value) => !pageValues?.includes(value));
    if (pageOnly === null || modelOnly === null || pageOnly.length > 0 || modelOnly.length > 0)
      this.add(path, 'enum', pageOnly, modelOnly);
  }

  private ref(reference: { readonly shape: string } | undefined): ModelShape {
    if (!reference)
      throw new Error(
        `${this.model.name}: expected a member/key/value reference in a list or map shape of ${this.operation}`,
      );
    return modelShape(this.model, reference.shape);
  }

  private add(path: string, kind: DisagreementKind, page: unknown, model: unknown): void {
    this.found.push({ operation: this.operation, direction: this.direction, path, kind, page, model });
  }
}

/** The page's type of a schema built by `to-json-schema.ts`, in the model's vocabulary. */
function schemaType(schema: JsonSchema): string {
  switch (schema['type']) {
    case 'object':
      return 'properties' in schema ? 'structure' : 'map';
    case 'array':
      return 'list';
    case 'number':
      return schema['format'] === 'epoch-seconds' ? 'timestamp' : 'float';
    default:
      return String(schema['type']);
  }
}

function shapeType(shape: ModelShape): string {
  if (shape.type === 'long') return 'integer';
  if (shape.type === 'double') return 'float';
  return shape.type;
}
