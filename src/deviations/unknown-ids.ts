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

/**
 * An unknown value for each identifier kind of the resource graph the error-shape check sends (the kind's name →
 * the value), each of its member's pattern and length in the current reference. A user name or access token is a
 * secret member in the model; these made-up ones hide nothing, so redaction leaves exactly these values be.
 */
export const UNKNOWN_IDENTIFIERS: Readonly<Record<string, string>> = {
  UserPoolId: UNKNOWN_USER_POOL_ID,
  ClientId: UNKNOWN_CLIENT_ID,
  Username: 'unknown-user-000',
  GroupName: 'unknown-group-000',
  ProviderName: 'UnknownProvider000',
  Identifier: 'https://unknown-000.example.com',
  JobId: 'import-Unknown0000',
  ManagedLoginBrandingId: '00000000-0000-4000-8000-000000000000',
  AccessToken: 'unknown.access.token.000',
};

/** Every unknown id; what a report shows as they are. */
export const UNKNOWN_IDS: ReadonlySet<string> = new Set(Object.values(UNKNOWN_IDENTIFIERS));

/** Whether `value` is one of the suite's unknown ids ({@link UNKNOWN_IDS}). */
export function isUnknownId(value: unknown): boolean {
  return typeof value === 'string' && UNKNOWN_IDS.has(value);
}
