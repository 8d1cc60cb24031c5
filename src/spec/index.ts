/**
 * Stage 3, the spec model at run time: loading the committed specs, walking instances against their JSON
 * Schemas, and the ajv validators compiled once per process.
 */
export { SPECS_DIR, loadOperationSpecs, specFor } from './load-specs.ts';
export { SpecValidators } from './spec-validators.ts';
export { isTimestampSchema, jsonTypeOf, pointerSegment, walkInstance } from './walk-instance.ts';
