import type { ChangeVerdict } from '../deviations/index.ts';

/**
 * The one-word answer to "does this target support the release's changes?": `yes` when every announced change
 * is supported, `no` when none is (and at least one is known not to be), `partly` in between, and `unknown` when
 * no change could be judged either way.
 */
export type ChangesAnswer = 'yes' | 'partly' | 'no' | 'unknown';

/** How many announced changes are supported, not, undetermined, and withdrawn by the current reference. */
export interface ChangesSupport {
  readonly answer: ChangesAnswer;
  readonly supported: number;
  readonly unsupported: number;
  readonly undetermined: number;
  /** Changes the current reference withdrew: left out of the answer. */
  readonly withdrawn: number;
}

/** The answer over the changes that still stand (withdrawn ones are counted apart). */
export function changesSupport(
  changes: readonly Pick<ChangeVerdict, 'supported' | 'withdrawn'>[],
): ChangesSupport {
  const standing = changes.filter((c) => c.withdrawn === undefined);
  const supported = standing.filter((c) => c.supported === true).length;
  const unsupported = standing.filter((c) => c.supported === false).length;
  const undetermined = standing.length - supported - unsupported;
  const withdrawn = changes.length - standing.length;
  return {
    answer: answerFor(supported, unsupported, standing.length),
    supported,
    unsupported,
    undetermined,
    withdrawn,
  };
}

function answerFor(supported: number, unsupported: number, total: number): ChangesAnswer {
  if (total > 0 && supported === total) return 'yes';
  if (supported === 0 && unsupported > 0) return 'no';
  if (supported === 0) return 'unknown';
  return 'partly';
}
