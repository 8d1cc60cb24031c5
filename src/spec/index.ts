/**
 * Stage 3, the spec model at run time: loading the committed specs, the current model's operations and their
 * resource groups, walking instances against their JSON Schemas, and the ajv validators compiled once per process.
 */
export { asOperationSpec, driftRecords, SPECS_DIR, loadOperationSpecs, specFor } from './load-specs.ts';
export { loadModelOperations } from './model-operations.ts';
export { loadResourceGraph, RESOURCE_GRAPH_PATH } from './load-resource-graph.ts';
export {
  GROUP_PATTERNS,
  GROUP_TABLE,
  modelResourceGroups,
  RESOURCE_GROUPS,
  resourceGroupNamed,
  resourceGroupOf,
} from './resource-groups.ts';
export type { ModelOperation, ResourceGroup } from './resource-groups.ts';
export { SpecValidators } from './spec-validators.ts';
export { isTimestampSchema, jsonTypeOf, pointerSegment, walkInstance } from './walk-instance.ts';
export { BEHAVIOUR_RULES_PATH, behaviourRule, loadBehaviourCatalogue } from './behaviour-rules.ts';
export type { BehaviourArea, BehaviourCatalogue, BehaviourRule, RuleSource } from './behaviour-rules.ts';
