import type { SpecDrift } from '../../specs/format/index.ts';
import type { SpecDriftSummary } from '../deviations/index.ts';

/** One spec's drift record, as the report context carries it: the operation, its page and its `drift`. */
export interface OperationDrift {
  readonly operation: string;
  /** The file name of the page the spec comes from (the spec's `source.document`). */
  readonly document: string;
  readonly drift: SpecDrift;
}

/**
 * The report's `spec.drift`: each spec's drift record in counts, sorted by operation (code units). `judgedByPage`
 * counts the entries whose `applies` is `page`.
 * Source: the `drift` of `specs/operations/<Operation>.json`.
 */
export function driftSummaries(specs: readonly OperationDrift[]): SpecDriftSummary[] {
  return [...specs]
    .sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0))
    .map(driftSummary);
}

function driftSummary({ operation, document, drift }: OperationDrift): SpecDriftSummary {
  const count = <T extends { readonly change: string }>(entries: readonly T[], change: string) =>
    entries.filter((entry) => entry.change === change).length;
  const entries: readonly { readonly applies?: string }[] = [
    ...drift.members,
    ...drift.required,
    ...drift.constraints,
    ...drift.enumValues,
    ...drift.errors,
  ];
  return {
    operation,
    documents: { page: document, model: drift.model },
    added: count(drift.members, 'added'),
    removed: count(drift.members, 'removed'),
    requiredChanged: drift.required.length,
    constraints: drift.constraints.length,
    enumValuesAdded: count(drift.enumValues, 'added'),
    enumValuesRemoved: count(drift.enumValues, 'removed'),
    errorsAdded: count(drift.errors, 'added'),
    errorsRemoved: count(drift.errors, 'removed'),
    judgedByPage: entries.filter((entry) => entry.applies === 'page').length,
  };
}
