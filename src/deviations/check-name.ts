/**
 * Every check the suite runs, one name each; reports, baselines, JUnit test cases and the HTML matrix name
 * checks by these. The README's "What it checks" table describes each.
 */
export const CHECK_NAMES = [
  'response-schema',
  'wire-format',
  'positive',
  'negative',
  'error-shape',
  'round-trip',
  'stateful',
  'auth',
  'signing-certificate',
  'changes',
  'sdk-parse',
  'behaviour',
] as const;

/** One of {@link CHECK_NAMES}. */
export type CheckName = (typeof CHECK_NAMES)[number];

/**
 * What the engine tallies and groups findings by while it explores: a check name, or, for stateful command
 * sequences, `stateful:<Operation>` (and `behaviour:<Operation>` for the behaviour model's) so that one sequence's findings about two operations never merge. The
 * scenario maps each key back to its {@link CheckName} before recording.
 */
export type CheckKey = CheckName | `stateful:${string}` | `behaviour:${string}`;

/**
 * The check a {@link CheckKey} belongs to: `stateful:<Operation>` is the `stateful` check, `behaviour:<Operation>` the
 * `behaviour` check.
 */
export function checkNameOf(key: CheckKey): CheckName {
  if (key.startsWith('stateful:')) return 'stateful';
  if (key.startsWith('behaviour:')) return 'behaviour';
  return key as CheckName;
}

/** Whether `name` is one of {@link CHECK_NAMES} (for data read from files). */
export function isCheckName(name: string): name is CheckName {
  return (CHECK_NAMES as readonly string[]).includes(name);
}
