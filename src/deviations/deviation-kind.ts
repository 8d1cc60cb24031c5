/** Every kind of deviation the suite reports. The report schema and the Markdown legend derive from this list. */
export const DEVIATION_KINDS = [
  'missing-member',
  'unexpected-member',
  'wrong-type',
  'enum-value',
  'constraint',
  'wire-format',
  'accepted-invalid',
  'rejected-valid',
  'wrong-error',
  'malformed-error',
  'state',
  'token',
  'unsupported',
  'transport',
  'unreadable',
  'converted',
] as const;

/** One of {@link DEVIATION_KINDS}. */
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

/** How much a deviation counts: `error` and `warning` make an operation deviate, `info` is a note. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];
