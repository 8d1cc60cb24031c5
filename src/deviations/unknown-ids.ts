/**
 * The suite's own made-up ids, which the error-shape check sends so that only existence is under test: each
 * matches Cognito's id pattern but names nothing. The check sends one at a time, the request's other ids being
 * real, live ones.
 *
 * They are public (they are in this source) and the same in every run, so reports keep them verbatim: the
 * `Normaliser` does not number them and the redaction does not hide {@link UNKNOWN_CLIENT_ID} under `ClientId`.
 * That way a report says which id of a request was the unknown one, and a reproduction makes the others (see
 * `reproductionPlan`).
 */

/** A user pool id of the model's pattern (`[\w-]+_[0-9a-zA-Z]+`) that names nothing. */
export const UNKNOWN_USER_POOL_ID = 'us-east-1_Unknown000';

/** An app client id of the model's pattern (`[\w+]+`) that names nothing. */
export const UNKNOWN_CLIENT_ID = 'unknownclient000000000000';

/** Both unknown ids; what a report shows as they are. */
export const UNKNOWN_IDS: ReadonlySet<string> = new Set([UNKNOWN_USER_POOL_ID, UNKNOWN_CLIENT_ID]);

/** Whether `value` is one of the suite's unknown ids ({@link UNKNOWN_IDS}). */
export function isUnknownId(value: unknown): boolean {
  return typeof value === 'string' && UNKNOWN_IDS.has(value);
}
