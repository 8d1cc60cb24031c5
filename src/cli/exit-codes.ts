/** 0: conformant, or every deviation within the baseline. */
export const EXIT_OK = 0;
/** 1: deviations (with a baseline: deviations not in it). */
export const EXIT_DEVIATIONS = 1;
/** 2: a usage error, or the target or the tool failed. */
export const EXIT_FAILURE = 2;
/** 130: interrupted (Ctrl-C), after cleaning up. */
export const EXIT_INTERRUPTED = 130;

/** An error whose message is for the user as it stands (bad flag, unreachable target): no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
