/**
 * Stage 14, run settings: profile, seed, run id and prefix, resolved once per run and handed on; the
 * target selection and load estimate read from them.
 */
export { awsAnnouncement } from './load-estimate.ts';
export {
  ENV,
  PROFILES,
  exportRunSettings,
  knownOperations,
  resolveRunSettings,
  runSettingsFromEnv,
  seedFor,
} from './run-settings.ts';
export type { ProfileName, RunSettings } from './run-settings.ts';
export { OPS_GROUP_NAMES, expandOps } from './ops-names.ts';
export { targetSelectionFromEnv } from './target-from-env.ts';
