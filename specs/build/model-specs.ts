import type { ModelOperationSpec } from '../format/index.ts';
import { responseEnums } from './response-enums.ts';
import { assertSchemasCompile } from './schema-check.ts';
import { loadSmithyModel, modelError, shapeName, shapeOf, type SmithyModel } from './smithy-ast.ts';
import { operationAuth, operationErrors, operationPagination } from './smithy-operation.ts';
import { ModelSchemas } from './smithy-schema.ts';
import { serialiseSpec, specFileName, writeFilesAtomically } from './spec-writer.ts';

/**
 * One model spec per operation of the current reference (a Smithy JSON AST), ordered by operation name, each
 * schema compiled. Reads only the model's shapes and traits, never its documentation. Has no side effects.
 * @throws Error naming the file and the shape or member at the first place the model is not what the specs
 *   expect, or an operation's schema that does not compile.
 */
export function generateModelSpecs(referencePath: string): ModelOperationSpec[] {
  return modelSpecsOf(loadSmithyModel(referencePath));
}

/** {@link generateModelSpecs} for a model already loaded. */
export function modelSpecsOf(model: SmithyModel): ModelOperationSpec[] {
  if ((model.service.resources ?? []).length > 0)
    throw modelError(model, model.serviceId, 'expected operations bound to the service, found resources');
  const schemas = new ModelSchemas(model);
  const ids = (model.service.operations ?? []).map(({ target }) => target);
  const specs = ids
    .map((id) => modelSpec(model, schemas, id))
    .sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
  assertSchemasCompile(specs);
  return specs;
}

/**
 * The model specs of the named operations (by operation name), as {@link modelSpecsOf} writes them; an operation
 * the service lacks is left out. Not compiled here: the caller's own checks cover what it keeps.
 */
export function modelSpecsNamed(
  model: SmithyModel,
  operations: readonly string[],
): Map<string, ModelOperationSpec> {
  const schemas = new ModelSchemas(model);
  const wanted = new Set(operations);
  const found = new Map<string, ModelOperationSpec>();
  for (const { target } of model.service.operations ?? [])
    if (wanted.has(shapeName(target))) found.set(shapeName(target), modelSpec(model, schemas, target));
  return found;
}

/** Writes `<outDir>/<Operation>.json` for every model spec, all or none; returns the paths written. */
export function writeModelSpecs(specs: readonly ModelOperationSpec[], outDir: string): string[] {
  return writeFilesAtomically(
    outDir,
    new Map(specs.map((spec) => [specFileName(spec.operation), serialiseSpec(spec)])),
  );
}

/** What an operation without input or output has (an empty structure). */
const UNIT = 'smithy.api#Unit';

function modelSpec(model: SmithyModel, schemas: ModelSchemas, id: string): ModelOperationSpec {
  const shape = shapeOf(model, id, model.serviceId);
  if (shape.type !== 'operation')
    throw modelError(model, model.serviceId, `expected ${id} to be an operation, found a ${shape.type}`);
  const operation = shapeName(id);
  const { auth, traits } = operationAuth(model, id, shape);
  const pagination = operationPagination(model, id, shape);
  const request = schemas.root(operation, 'request', shape.input?.target ?? UNIT, `${id}$input`);
  const response = schemas.root(operation, 'response', shape.output?.target ?? UNIT, `${id}$output`);
  return {
    specVersion: 2,
    operation,
    target: `${shapeName(model.serviceId)}.${operation}`,
    source: { document: model.file, shape: id },
    auth,
    authTraits: traits,
    ...(pagination === undefined ? {} : { pagination }),
    request: request.schema,
    response: response.schema,
    errors: operationErrors(model, id, shape),
    responseEnums: responseEnums(operation, model.shapes),
    relaxedConstraints: [...request.relaxed, ...response.relaxed],
  };
}
