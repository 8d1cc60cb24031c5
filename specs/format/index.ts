/**
 * Stage 1 of 20, the spec format: the contract between the document pipeline (specs/build), which writes
 * `specs/operations/<Operation>.json` (and `specs/model/<Operation>.json`, the format to come), and every later
 * stage, which reads them. Types, the awsJson1.1 target prefix the specs name, and the one Ajv configuration that
 * compiles spec schemas (their keywords and formats). Imports nothing of the project.
 */
export { createSpecAjv } from './create-ajv.ts';
export { TARGET_PREFIX } from './operation-spec.ts';
export type {
  JsonSchema,
  LaterConstraint,
  OperationSpec,
  SpecChange,
  SpecNarrowing,
} from './operation-spec.ts';
export type {
  ModelAuth,
  ModelOperationSpec,
  ModelPagination,
  ModelSpecSource,
  RelaxedConstraint,
} from './model-spec.ts';
