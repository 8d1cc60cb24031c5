/**
 * Stage 9, the changes a document announces (2018-02-12), planned as requests and observations.
 */
export { announcedChanges, changeLabel, planChange } from './change-plan.ts';
export type { AnnouncedChange, ChangePlan, ExpectedValue, Observation } from './change-plan.ts';
export { valueAt, withMember } from './change-pointer.ts';
export type { ChangeResource } from './change-resources.ts';
