import type { ChangeVerdict } from '../deviations/index.ts';

/**
 * The one-word answer to "does this target support the release's changes?": `yes` when every announced change
 * is supported, `no` when none is (and at least one is known not to be), `partly` in between, and `unknown` when
 * no change could be judged either way.
 */
export type ChangesAnswer = 'yes' | 'partly' | 'no' | 'unknown';

export interface ChangesSupport {
  readonly answer: ChangesAnswer;
  readonly supported: number;
  readonly unsupported: number;
  readonly undetermined: number;
}

export function changesSupport(changes: readonly Pick<ChangeVerdict, 'supported'>[]): ChangesSupport {
  const supported = changes.filter((c) => c.supported === true).length;
  const unsupported = changes.filter((c) => c.supported === false).length;
  const undetermined = changes.length - supported - unsupported;
  return { answer: answerFor(supported, unsupported, changes.length), supported, unsupported, undetermined };
}

function answerFor(supported: number, unsupported: number, total: number): ChangesAnswer {
  if (total > 0 && supported === total) return 'yes';
  if (supported === 0 && unsupported > 0) return 'no';
  if (supported === 0) return 'unknown';
  return 'partly';
}
