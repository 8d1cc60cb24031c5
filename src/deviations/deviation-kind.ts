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
] as const;

export type DeviationKind = (typeof DEVIATION_KINDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
