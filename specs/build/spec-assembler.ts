import { type OperationSpec, type SpecChange, type SpecNarrowing, TARGET_PREFIX } from '../format/index.ts';
import { NEW_OPERATION_CHANGE, resolveChanges } from './changes.ts';
import { modeledErrors, type OmittedPattern, overlayModel } from './model-overlay.ts';
import { WITHDRAWALS, type Withdrawal } from './current-reference.ts';
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
  /** The spec before the current reference's overlay, which adds `drift` too (see build-specs.ts). */
  readonly spec: Omit<OperationSpec, 'drift'>;
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
  withdrawals: readonly Withdrawal[] = WITHDRAWALS,
): AssembledSpec {
  const { operation } = section;
  const requestShape = requestShapeFromCall(document, section.requestCall);
  const responseShape = responseShapeOf(document, section);
  const markers = requestMarkers(document, requestShape, section.params);
  const changes = resolveChanges(document, section.changes, {
    request: requestShape,
    response: responseShape,
  });
  const page = requestNarrowings(document, markers.exclusions);
  const withdrawn = withdrawals.filter((withdrawal) => withdrawal.operation === operation);
  const narrowings = [...page.narrowings, ...withdrawn.map(withdrawalNarrowing)];
  const excluded = withWithdrawn(page.excluded, withdrawn);
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
  const spec: Omit<OperationSpec, 'drift'> = {
    specVersion: 1,
    operation,
    target: `${TARGET_PREFIX}.${operation}`,
    status: section.status,
    source: { document: document.name, section: section.heading, line: section.line },
    request: request.schema,
    response: response.schema,
    changes: markWithdrawn(
      section.status === 'new' ? [NEW_OPERATION_CHANGE, ...changes] : changes,
      withdrawn,
    ),
    narrowings,
    laterResponseMembers: [],
    responseEnums: {},
    laterOptionalMembers: [],
    laterConstraints: [],
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

const WITHDRAWN_REASON =
  'The current reference no longer lists this value for this operation; where the documents disagree, the later one stands, so the request schema leaves it out.';

function withdrawalNarrowing(withdrawal: Withdrawal): SpecNarrowing {
  return {
    direction: 'request',
    path: withdrawal.path,
    excluded: [withdrawal.value],
    reason: WITHDRAWN_REASON,
    source: withdrawal.source,
  };
}

/** The page's exclusions plus the withdrawn values, keyed by the enum's pointer (the member's own, for a string enum). */
function withWithdrawn(
  excluded: ReadonlyMap<string, readonly string[]>,
  withdrawn: readonly Withdrawal[],
): Map<string, readonly string[]> {
  const merged = new Map(excluded);
  for (const { path, value } of withdrawn) merged.set(path, [...(merged.get(path) ?? []), value]);
  return merged;
}

/** Marks the announced changes the current reference withdrew. */
function markWithdrawn(changes: readonly SpecChange[], withdrawn: readonly Withdrawal[]): SpecChange[] {
  return changes.map((change) => {
    const by = withdrawn.find(
      (withdrawal) =>
        change.direction === 'request' &&
        change.kind === 'enum-value' &&
        change.path === withdrawal.path &&
        change.value === withdrawal.value,
    );
    return by === undefined ? change : { ...change, withdrawnBy: by.source };
  });
}
