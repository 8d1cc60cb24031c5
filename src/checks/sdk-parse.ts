import type { CheckName, Finding } from '../deviations/index.ts';
import { answersNotImplemented, errorTypeOf, PROTOCOL_VALIDATION_ERRORS } from '../protocol/index.ts';
import type { JsonSchema, OperationSpec } from '../../specs/format/index.ts';
import { pointerSegment } from '../spec/index.ts';
import type { CallResult } from '../wire/index.ts';

export const SDK_PARSE_CHECK: CheckName = 'sdk-parse';

/** What the SDK in use knows beyond what it returns: the values of an enum, by Smithy shape name. */
export interface SdkKnowledge {
  /** The values the SDK exports for the enum shape `shapeName`, or undefined when it exports none by that name. */
  enumValues(shapeName: string): readonly string[] | undefined;
}

/**
 * The sdk-parse check: what the SDK (`@aws-sdk/client-cognito-identity-provider`) made of one answer it read,
 * compared with the wire. Judged on every exchange the SDK made, whatever check sent it:
 * - a 2xx answer the SDK could not read (it threw an error of its own, a deserialization error): `unreadable`,
 *   severity error, at `''`;
 * - a member on the wire that the SDK's output lacks: `missing-member`, warning (a `null` where a structure
 *   belongs, or a member a document defines and the SDK does not keep). A member no document defines, which an SDK
 *   is right to drop, is no finding (the response-schema check notes it);
 * - a member the SDK converted to another value: `converted`, warning, with the wire value as `expected` and the
 *   SDK's value as `actual`. Epoch seconds read as the same instant (awsJson1.1 timestamps) are not a conversion. A
 *   wrong-typed value the SDK passes on unchanged is no finding here (the response-schema check reports it);
 * - a string the SDK passed on for an enum member whose value it does not know (the enum shape's name comes from
 *   the current reference, `OperationSpec.responseEnums`; the values from the SDK): `enum-value`, warning. An SDK
 *   that exports no enum by that name (older than the enum) is not judged there: it holds no list to judge by;
 * - an error answer whose `__type` the SDK did not map to one of its modeled exception classes: `wrong-error`,
 *   warning, at `/__type`. The protocol's own validation errors (`PROTOCOL_VALIDATION_ERRORS`, which no operation
 *   models) and a "not implemented" answer (judged as `unsupported`) are not findings.
 * A transport failure, or a request the SDK never sent, gives nothing to judge. Messages name the kind of a value,
 * never the value: values sit in `expected` and `actual`, which redaction blanks under a secret member.
 * Sources: the awsJson1.1 protocol (timestamps as epoch seconds, errors by `__type`) and the current Smithy model
 * `cognito-identity-provider-2016-04-18.smithy.json` (enum shapes, modeled errors).
 */
export function checkSdkParse(
  spec: OperationSpec | undefined,
  result: CallResult,
  sdk: SdkKnowledge,
): Finding[] {
  const { exchange } = result;
  if (exchange.status === 0 || exchange.transportError !== undefined) return [];
  if (exchange.status >= 200 && exchange.status < 300) {
    if (result.error !== undefined) {
      if (result.error.service) return [];
      return [
        {
          kind: 'unreadable',
          severity: 'error',
          path: '',
          expected: 'a response the SDK can read',
          actual: `${result.error.name}: ${upToFirstValue(result.error.message ?? '')}`.trim(),
          message: `the SDK could not read the HTTP ${exchange.status} answer (${result.error.name})`,
        },
      ];
    }
    if (exchange.body === undefined || result.output === undefined) return [];
    const { $metadata: _metadata, ...output } = result.output;
    const members = compareMembers(exchange.body, output, '', spec);
    const converted = members.filter((f) => f.kind === 'converted').map((f) => f.path);
    return [...members, ...unknownEnumValues(output, '', '', spec?.responseEnums ?? {}, sdk, converted)];
  }
  return errorFindings(spec, result);
}

/** An error answer whose `__type` the SDK threw no modeled exception for (see {@link checkSdkParse}). */
function errorFindings(spec: OperationSpec | undefined, result: CallResult): Finding[] {
  const { exchange, error } = result;
  const type = errorTypeOf(exchange);
  if (type === undefined || error === undefined || error.modeled) return [];
  if (answersNotImplemented(exchange)) return [];
  if ((PROTOCOL_VALIDATION_ERRORS as readonly string[]).includes(type)) return [];
  return [
    {
      kind: 'wrong-error',
      severity: 'warning',
      path: '/__type',
      expected:
        spec === undefined
          ? 'an error type the SDK maps to its exception class'
          : { oneOf: [...new Set([...spec.errors, ...PROTOCOL_VALIDATION_ERRORS])] },
      actual: { __type: (exchange.body as { __type: string }).__type, sdkError: error.name },
      message: `the SDK did not map __type ${type} to a modeled exception (it threw a generic ${error.name})`,
    },
  ];
}

/** Every wire member the SDK's value lacks or holds as another value, depth first, in wire order. */
function compareMembers(
  wire: unknown,
  parsed: unknown,
  pointer: string,
  spec: OperationSpec | undefined,
): Finding[] {
  if (parsed === undefined) return wire === undefined ? [] : lackedMember(wire, pointer, spec);
  if (isSdkStructure(wire) && isSdkStructure(parsed))
    return Object.entries(wire).flatMap(([name, value]) =>
      compareMembers(value, parsed[name], `${pointer}/${pointerSegment(name)}`, spec),
    );
  if (Array.isArray(wire) && Array.isArray(parsed) && wire.length === parsed.length)
    return wire.flatMap((item, index) => compareMembers(item, parsed[index], `${pointer}/${index}`, spec));
  if (sameValue(wire, parsed)) return [];
  return [
    {
      kind: 'converted',
      severity: 'warning',
      path: pointer,
      expected: wire,
      actual: describeSdkValue(parsed),
      // Values go in `expected` and `actual`, which redaction blanks under a secret member; never in the message.
      message: `the SDK converted ${pointer} from ${kindOf(wire)} to ${sdkKindOf(parsed)}`,
    },
  ];
}

/**
 * A wire member the SDK's output does not have, when a document defines it (the response schema or the current
 * reference's later members): a warning, since the application loses it. A member no document defines is no
 * finding: an SDK is right to drop what its model lacks, and the response-schema check notes the member itself. A
 * `null` is read as absent by the protocol (the response-schema check reports it on the wire): only a `null` where
 * a structure or a list belongs is a finding here, since that is where SDKs have read it otherwise.
 */
function lackedMember(wire: unknown, pointer: string, spec: OperationSpec | undefined): Finding[] {
  const schema = spec === undefined ? 'unknown' : memberSchema(spec, pointer);
  if (schema === undefined) return [];
  if (wire === null && !(typeof schema === 'object' && ['object', 'array'].includes(String(schema['type']))))
    return [];
  return [
    {
      kind: 'missing-member',
      severity: 'warning',
      path: pointer,
      expected: wire,
      actual: null,
      message: `the SDK's output lacks ${pointer} (${kindOf(wire)} on the wire)`,
    },
  ];
}

/**
 * The response schema of the member a pointer names (list items and map values included); `later` for one at or
 * under a member the current reference added since the document (`laterResponseMembers`, which has no schema);
 * undefined for a member no document defines.
 */
function memberSchema(spec: OperationSpec, pointer: string): JsonSchema | 'later' | undefined {
  const segments = pointer.split('/').slice(1);
  const rule = segments.map((segment) => (/^\d+$/.test(segment) ? '*' : segment));
  for (let length = 1; length <= rule.length; length++)
    if (spec.laterResponseMembers.includes(`/${rule.slice(0, length).join('/')}`)) return 'later';
  let schema: JsonSchema | undefined = spec.response;
  for (const segment of segments) {
    if (schema === undefined) return undefined;
    schema = childSchema(schema, segment);
  }
  return schema;
}

/** The schema of one member, item or map value of `schema` (the segment unescaped from the pointer). */
function childSchema(schema: JsonSchema, segment: string): JsonSchema | undefined {
  const name = segment.replaceAll('~1', '/').replaceAll('~0', '~');
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  if (properties?.[name] !== undefined) return properties[name];
  const additional = schema['additionalProperties'];
  if (typeof additional === 'object' && additional !== null) return additional as JsonSchema;
  const items = schema['items'];
  if (/^\d+$/.test(segment) && typeof items === 'object' && items !== null) return items as JsonSchema;
  return undefined;
}

/** Equal as the protocol reads them: the same JSON value, epoch seconds as the same `Date`, base64 as its bytes. */
function sameValue(wire: unknown, parsed: unknown): boolean {
  if (parsed instanceof Date) return typeof wire === 'number' && Math.abs(parsed.getTime() - wire * 1000) < 1;
  if (parsed instanceof Uint8Array)
    return typeof wire === 'string' && Buffer.from(parsed).toString('base64') === wire;
  if (typeof wire === 'object' && wire !== null) return false;
  return Object.is(wire, parsed);
}

/**
 * Strings in the SDK's output at enum members whose value the SDK does not know, walking the output (`pointer`)
 * and the enum table's pointer (`rulePointer`, `*` for items and map values) in step. Nothing under `skip` (members
 * already reported as converted: their value is the conversion's, not the target's).
 */
function unknownEnumValues(
  parsed: unknown,
  pointer: string,
  rulePointer: string,
  enums: Readonly<Record<string, string>>,
  sdk: SdkKnowledge,
  skip: readonly string[],
): Finding[] {
  if (skip.some((converted) => pointer === converted || pointer.startsWith(`${converted}/`))) return [];
  if (typeof parsed === 'string') {
    const shape = enums[rulePointer];
    const known = shape === undefined ? undefined : sdk.enumValues(shape);
    if (known === undefined || known.includes(parsed)) return [];
    return [
      {
        kind: 'enum-value',
        severity: 'warning',
        path: pointer,
        expected: { enum: [...known] },
        actual: parsed,
        message: `the SDK passed on a value at ${pointer} that its ${shape} does not know`,
      },
    ];
  }
  if (Array.isArray(parsed))
    return parsed.flatMap((item, index) =>
      unknownEnumValues(item, `${pointer}/${index}`, `${rulePointer}/*`, enums, sdk, skip),
    );
  if (!isSdkStructure(parsed)) return [];
  return Object.entries(parsed).flatMap(([name, value]) => {
    const segment = pointerSegment(name);
    const member = `${rulePointer}/${segment}`;
    // A map's keys are data, so its values sit at `*` (see responseEnums); a structure's members by name.
    const rule = hasRuleUnder(enums, member) ? member : `${rulePointer}/*`;
    return unknownEnumValues(value, `${pointer}/${segment}`, rule, enums, sdk, skip);
  });
}

/** Whether the enum table has an entry at `pointer` or below it (so `pointer` is a structure member, not a map key). */
function hasRuleUnder(enums: Readonly<Record<string, string>>, pointer: string): boolean {
  return Object.keys(enums).some((key) => key === pointer || key.startsWith(`${pointer}/`));
}

/** A structure (or map) in a wire body or the SDK's output: an object, but not a `Date`, bytes or an array. */
function isSdkStructure(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** The SDK's value as report data: a `Date` as `Date(<ISO 8601>)`, bytes as their count, anything else as it is. */
function describeSdkValue(value: unknown): unknown {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Date(Invalid Date)' : `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length} bytes)`;
  return value;
}

/** What a wire value is, without its content (which may be a secret): `a string`, `an array of 2`, `null`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : 'a string';
}

/** What an SDK value is: {@link kindOf}, or a `Date` or bytes. */
function sdkKindOf(value: unknown): string {
  if (value instanceof Date) return 'a Date';
  if (value instanceof Uint8Array) return 'bytes';
  return kindOf(value);
}

/**
 * An error message up to the first value it shows: JSON.parse quotes the body it choked on (`…"shToken": opaq"…`)
 * and the SDK names the value it could not read (`Expected number, got string: …`); either may be a secret.
 */
function upToFirstValue(message: string): string {
  const cut = message.search(/["'`]|\.\.\.|: /);
  return cut < 0 ? message : `${message.slice(0, cut).trim()} …`;
}
