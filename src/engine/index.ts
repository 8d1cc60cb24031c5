/**
 * Stage 11, the run engine: explore with fast-check, then shrink each broken rule to a minimal example; and
 * the recorder that turns findings into de-duplicated, redacted deviations for one operation.
 */
export { CheckRecorder } from './check-recorder.ts';
export type { RequestPhase } from './check-recorder.ts';
export { DEFAULT_MAX_SHRUNK_RULES, explore, ruleKey } from './explore.ts';
export type { ExplorePhase, ExploreResult } from './explore.ts';
