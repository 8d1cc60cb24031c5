/**
 * Stage 1 of 20, the spec format: the contract between the document pipeline (specs/build), which writes
 * `specs/operations/<Operation>.json` (page specs, version 1, and model specs, version 2) and
 * `specs/resource-graph.json`, and every later stage, which reads them. Types, the awsJson1.1 target prefix the
 * specs name, the one Ajv configuration that compiles spec schemas (their keywords and formats), and the walk of
 * the resource graph that gives an operation's prerequisites. Imports nothing of the project.
 */
export { createSpecAjv } from './create-ajv.ts';
export { RESPONSE_NOTE_KEYWORDS, TARGET_PREFIX } from './operation-spec.ts';
export type {
  DriftConstraint,
  DriftEnumValue,
  DriftError,
  DriftMember,
  DriftPlace,
  DriftRecord,
  DriftRequired,
  DriftSide,
  JsonSchema,
  LaterConstraint,
  OperationSpec,
  SpecChange,
  SpecDrift,
  SpecNarrowing,
} from './operation-spec.ts';
export type {
  ModelAuth,
  ModelOperationSpec,
  ModelPagination,
  ModelSpecSource,
  RelaxedConstraint,
} from './model-spec.ts';
export type {
  FamilyRole,
  GraphBasis,
  IdentifierKind,
  IdentifierNeed,
  IdentifierUse,
  IdLocation,
  KindCreator,
  KindDeleter,
  OperationIdentifier,
  OperationResources,
  OutOfBandChannel,
  OutOfBandInput,
  OutOfBandValue,
  ResourceFamily,
  ResourceGraph,
  ResourceGraphSource,
} from './resource-graph.ts';
export { walkPrerequisites } from './resource-graph-walk.ts';
export type { CreationStep, DeletionStep, PrerequisiteWalk, WalkOutOfBand } from './resource-graph-walk.ts';
