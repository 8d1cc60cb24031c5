/**
 * Stage 20, the command line (`cognito-conformance run | report | diff | merge | cleanup`); `bin/` calls `main`.
 */
export { main } from './main.ts';
