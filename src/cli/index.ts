/**
 * Stage 20, the command line (`cognito-conformance run | report | diff | merge | cleanup`).
 */
export { main } from './main.ts';
export { DEFAULT_CONCURRENCY } from './run-command.ts';
