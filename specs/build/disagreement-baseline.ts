import { readFileSync } from 'node:fs';
import type { Disagreement } from './page-model-comparison.ts';

/** A reviewed disagreement between document and model, with why it is accepted. */
export interface KnownDisagreement extends Disagreement {
  readonly reason: string;
}

/** What a comparison found that the baseline does not list, and what the baseline lists that is gone. */
export interface BaselineDiff {
  readonly unexpected: readonly Disagreement[];
  readonly stale: readonly KnownDisagreement[];
}

/** Reads `known-disagreements.json`: an array of disagreements, each with a non-empty `reason`. */
export function loadKnownDisagreements(path: string | URL): KnownDisagreement[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${String(path)}: expected an array of known disagreements`);
  parsed.forEach((entry: Partial<KnownDisagreement>, index) => {
    if (typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      throw new Error(`${String(path)}: expected a non-empty 'reason' in entry ${index}`);
    }
  });
  return parsed as KnownDisagreement[];
}

/**
 * Matches found disagreements against the baseline on everything but the reason, so a disagreement that
 * changes (other values, other path) shows up both as unexpected and as stale.
 */
export function diffAgainstBaseline(
  found: readonly Disagreement[],
  known: readonly KnownDisagreement[],
): BaselineDiff {
  const knownKeys = new Set(known.map(keyOf));
  const foundKeys = new Set(found.map(keyOf));
  return {
    unexpected: found.filter((disagreement) => !knownKeys.has(keyOf(disagreement))),
    stale: known.filter((entry) => !foundKeys.has(keyOf(entry))),
  };
}

function keyOf(disagreement: Disagreement): string {
  const { operation, direction, path, kind, page, model } = disagreement;
  return JSON.stringify([operation, direction, path, kind, page, model]);
}
