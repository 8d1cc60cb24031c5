/**
 * Stage 12, targets: the embedded cognito-local, any endpoint, real AWS (guarded), and emulators in
 * containers. Each takes plain options and fails clearly, in bounded time.
 */
export { ALLOW_AWS_ENV, AWS_OPT_IN_REFUSAL } from './aws-target.ts';
export type { AwsRunAnnouncement } from './aws-target.ts';
export { LAUNCHER_LABEL } from './containers/launcher-labels.ts';
export { startEmbeddedTarget } from './embedded/embedded-target.ts';
export { startTarget } from './start-target.ts';
export { parseTargetSelection } from './target-selection.ts';
export type { TargetSelection } from './target-selection.ts';
export { EMULATOR_CREDENTIALS } from './target.ts';
export type { StartedTarget } from './target.ts';
