import type { ErrorObject } from 'ajv';
import type { CheckName, Finding } from '../deviations/index.ts';
import { type SpecValidators, isTimestampSchema, jsonTypeOf, pointerSegment } from '../spec/index.ts';
import { type JsonSchema, RESPONSE_NOTE_KEYWORDS } from '../../specs/format/index.ts';
import type { Exchange } from '../protocol/index.ts';

export const RESPONSE_SCHEMA_CHECK: CheckName = 'response-schema';

/**
 * Validates the wire body of a successful response against the operation's response schema. Non-JSON
 * bodies and timestamp encodings are left to the wire-format check so one fault yields one finding.
 * `laterMembers` are the members the current reference added since the spec's document
 * (`OperationSpec.laterResponseMembers`): a response that carries one is up to date, not unexpected.
 */
export function checkResponseSchema(
  validators: SpecValidators,
  exchange: Exchange,
  laterMembers: readonly string[] = [],
): Finding[] {
  if (exchange.status < 200 || exchange.status >= 300 || exchange.body === undefined) return [];
  const later = new Set(laterMembers);
  const errors = validators.responseErrors(exchange.operation, exchange.body);
  const nulls = [
    ...new Set(errors.filter((error) => error.data === null).map((error) => error.instancePath)),
  ];
  return [
    ...nulls.map(nullFinding),
    ...oneCausePerValue(
      errors
        .filter((error) => !nulls.includes(error.instancePath))
        .map(toFinding)
        .filter((finding): finding is Finding => finding !== undefined)
        .filter((finding) => finding.kind !== 'unexpected-member' || !later.has(anyItem(finding.path))),
    ),
  ];
}

/**
 * A member sent as `null`: awsJson1.1 servers leave an absent member out, and clients read `null` as absent, so
 * this is a difference on the wire, not a value of the wrong type; one finding per member, whatever its type
 * or constraints.
 */
function nullFinding(path: string): Finding {
  const member = path.slice(path.lastIndexOf('/') + 1);
  return {
    kind: 'wire-format',
    severity: 'warning',
    path,
    expected: 'the member left out when it has no value',
    actual: null,
    message: `response sends null for ${member}; awsJson1.1 leaves an absent member out`,
  };
}

/** A response pointer with list indices as `*`, as the spec's pointers have them. */
function anyItem(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * One cause, one finding: a value of the wrong JSON type (`null` where an enum string belongs, say) breaks its
 * type and, with it, every constraint on its value; only the wrong type is reported for that value.
 */
function oneCausePerValue(findings: readonly Finding[]): Finding[] {
  const wrongType = new Set(findings.filter((f) => f.kind === 'wrong-type').map((f) => f.path));
  return findings.filter((f) => f.kind === 'wrong-type' || !wrongType.has(f.path));
}

function toFinding(error: ErrorObject): Finding | undefined {
  const parent = error.parentSchema as JsonSchema | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const member = String((error.params as { additionalProperty: string }).additionalProperty);
      return {
        kind: 'unexpected-member',
        severity: 'info',
        path: `${error.instancePath}/${pointerSegment(member)}`,
        expected: 'no such member in the spec',
        actual: member,
        message: `response has member ${member}, which the spec does not describe`,
      };
    }
    case 'required': {
      const member = String((error.params as { missingProperty: string }).missingProperty);
      return {
        kind: 'missing-member',
        severity: 'error',
        path: `${error.instancePath}/${pointerSegment(member)}`,
        expected: 'present',
        actual: 'absent',
        message: `response lacks required member ${member}`,
      };
    }
    case 'type':
      if (isTimestampSchema(parent)) return undefined;
      return {
        kind: 'wrong-type',
        severity: 'error',
        path: error.instancePath,
        expected: (error.params as { type: string | string[] }).type,
        actual: jsonTypeOf(error.data),
        message: `expected ${String((error.params as { type: unknown }).type)}, got ${jsonTypeOf(error.data)}`,
      };
    case 'enum':
      return {
        kind: 'enum-value',
        severity: 'error',
        path: error.instancePath,
        expected: (error.params as { allowedValues: unknown[] }).allowedValues,
        actual: error.data,
        message: `value ${JSON.stringify(error.data)} is not one of the spec's enum values`,
      };
    default:
      if (error.keyword === 'format' && isTimestampSchema(parent)) return undefined;
      return {
        kind: 'constraint',
        // Input constraints are notes on the response side (see RESPONSE_NOTE_KEYWORDS); types, enums and members
        // stay errors: those come from the document itself.
        severity: RESPONSE_NOTE_KEYWORDS.has(error.keyword) ? 'info' : 'error',
        path: error.instancePath,
        expected: { [error.keyword]: error.schema },
        actual: error.data,
        message: `value breaks ${error.keyword} ${JSON.stringify(error.schema)}`,
      };
  }
}
