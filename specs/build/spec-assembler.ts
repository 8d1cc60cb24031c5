import { type OperationSpec, TARGET_PREFIX } from '../format/index.ts';
import { NEW_OPERATION_CHANGE, resolveChanges } from './changes.ts';
import { modeledErrors, type OmittedPattern, overlayModel } from './model-overlay.ts';
import { requestNarrowings } from './narrowings.ts';
import type { OperationSection } from './operation-section.ts';
import { requestMarkers, responseRequired } from './page-markers.ts';
import { type PageStructure, requestShapeFromCall, shapeOf } from './page-shape.ts';
import type { ServiceModel } from './service-model.ts';
import { documentError, type SourceDocument } from './source-document.ts';
import { toRootSchema } from './to-json-schema.ts';

/** A model pattern left out of one operation's schemas. */
export interface OperationOmittedPattern extends OmittedPattern {
  readonly operation: string;
  readonly direction: 'request' | 'response';
}

/** One operation's spec, and the model patterns it had to leave out (reported, not written). */
export interface AssembledSpec {
  readonly spec: OperationSpec;
  readonly omittedPatterns: readonly OperationOmittedPattern[];
}

/**
 * Builds one operation's spec from its page section: schemas from the syntax blocks and the prose's
 * markers, changes, narrowings, then the model's constraints and errors on top.
 */
export function assembleSpec(
  document: SourceDocument,
  section: OperationSection,
  model: ServiceModel,
): AssembledSpec {
  const { operation } = section;
  const requestShape = requestShapeFromCall(document, section.requestCall);
  const responseShape = responseShapeOf(document, section);
  const markers = requestMarkers(document, requestShape, section.params);
  const changes = resolveChanges(document, section.changes, {
    request: requestShape,
    response: responseShape,
  });
  const { narrowings, excluded } = requestNarrowings(document, markers.exclusions);
  const modeled = model.operations[operation];
  const request = overlayModel(
    toRootSchema(requestShape, operation, 'request', { required: markers.required, excluded }),
    model,
    modeled?.input?.shape,
  );
  const responseMarks = {
    required: responseRequired(document, responseShape, section.responseStructure),
    excluded: new Map(),
  };
  const response = overlayModel(
    toRootSchema(responseShape, operation, 'response', responseMarks),
    model,
    modeled?.output?.shape,
  );
  const spec: OperationSpec = {
    specVersion: 1,
    operation,
    target: `${TARGET_PREFIX}.${operation}`,
    status: section.status,
    source: { document: document.name, section: section.heading, line: section.line },
    request: request.schema,
    response: response.schema,
    changes: section.status === 'new' ? [NEW_OPERATION_CHANGE, ...changes] : changes,
    narrowings,
    errors: modeledErrors(model, operation),
  };
  const omittedPatterns = [
    ...request.omittedPatterns.map((omitted) => ({ operation, direction: 'request' as const, ...omitted })),
    ...response.omittedPatterns.map((omitted) => ({ operation, direction: 'response' as const, ...omitted })),
  ];
  return { spec, omittedPatterns };
}

function responseShapeOf(document: SourceDocument, section: OperationSection): PageStructure {
  const shape = shapeOf(document, section.responseSyntax);
  if (shape.kind !== 'structure') {
    throw documentError(
      document,
      section.responseSyntax.line,
      `expected named members in the Response Syntax of ${section.operation}, found a ${shape.kind}`,
    );
  }
  return shape;
}
