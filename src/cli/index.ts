/**
 * Stage 20, the command line (`cognito-conformance run | report | diff | sdk-diff | merge | reproduce | cleanup`).
 */
export { main } from './main.ts';
export { DEFAULT_CONCURRENCY } from './run-command.ts';
