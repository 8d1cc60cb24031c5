/**
 * Stage 13, resources on a target: pools, app clients and users created under the run prefix and deleted
 * in reverse order, also by prefix after an interrupted run.
 */
export { cleanupByPrefix, listAllPools, sweepByPrefix } from './cleanup-by-prefix.ts';
export type { SweepOptions, SweepResult } from './cleanup-by-prefix.ts';
export { ResourceFactory } from './resource-factory.ts';
export type { AppClientResource, PoolResource, UserResource } from './resource-factory.ts';
export { SetupError } from './setup-error.ts';
