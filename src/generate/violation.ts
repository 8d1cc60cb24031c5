/**
 * The one schema rule an invalid request breaks. Checks use it to say what the service should have
 * rejected (`accepted-invalid`) and to tell a right rejection from a rejection for another reason.
 */
export const VIOLATION_RULES = [
  'missing-required',
  'wrong-type',
  'enum-value',
  'below-minimum',
  'above-maximum',
  'too-short',
  'too-long',
  'pattern',
] as const;

export type ViolationRule = (typeof VIOLATION_RULES)[number];

export interface Violation {
  readonly rule: ViolationRule;
  /**
   * JSON pointer into the request to the offending member (for `missing-required`, where it should be;
   * for a map key that breaks `propertyNames`, the renamed entry).
   */
  readonly path: string;
  /** What was done, in plain words: "PoolName has 129 characters; maxLength is 128". */
  readonly description: string;
  /**
   * The rule itself, the same whatever request broke it: the member's template (`*` for any array item or map
   * entry) and the JSON Schema keyword after `$`, e.g. `/MaxResults/$maximum`, `/UserPoolTags/*\/$type`,
   * `/UserPoolTags/*\/$propertyNames.pattern`. Reports name an accepted invalid request by it, so two runs that
   * broke the same rule with other values, keys or items report one rule, and two rules of one member stay two.
   */
  readonly rulePath: string;
}

/** The {@link Violation.rulePath} of a rule at `template` (a `*`-pointer) broken through `keyword`. */
export function rulePathOf(template: string, keyword: string): string {
  return `${template}/$${keyword.replaceAll('/', '.')}`;
}

/**
 * The Ajv keywords that report each rule, so a test (or a check) can confirm a validator sees exactly the
 * intended violation. `wrong-type` may also surface as `enum` on the same member: a value of the wrong
 * type is necessarily outside an enum.
 */
export const VIOLATION_KEYWORDS: Readonly<Record<ViolationRule, readonly string[]>> = {
  'missing-required': ['required'],
  'wrong-type': ['type'],
  'enum-value': ['enum', 'const'],
  'below-minimum': ['minimum', 'exclusiveMinimum'],
  'above-maximum': ['maximum', 'exclusiveMaximum'],
  'too-short': ['minLength', 'minItems', 'minProperties'],
  'too-long': ['maxLength', 'maxItems', 'maxProperties'],
  pattern: ['pattern'],
};
