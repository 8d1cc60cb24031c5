import type { CheckName, Finding } from '../deviations/index.ts';
import { answersNotImplemented, errorTypeOf, PROTOCOL_VALIDATION_ERRORS } from '../protocol/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
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
 *   belongs, or a member the SDK does not model);
 * - a member the SDK converted to another value: `converted`, warning, with the wire value as `expected` and the
 *   SDK's value as `actual`. Epoch seconds read as the same instant (awsJson1.1 timestamps) are not a conversion;
 * - a string the SDK passed on for an enum member whose value it does not know (the enum shape's name comes from
 *   the current reference, `OperationSpec.responseEnums`; the values from the SDK): `enum-value`, warning;
 * - an error answer whose `__type` the SDK did not map to one of its modeled exception classes: `wrong-error`,
 *   warning, at `/__type`. The protocol's own validation errors (`PROTOCOL_VALIDATION_ERRORS`, which no operation
 *   models) and a "not implemented" answer (judged as `unsupported`) are not findings.
 * A transport failure, or a request the SDK never sent, gives nothing to judge.
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
          actual: `${result.error.name}: ${result.error.message ?? ''}`.trim(),
          message: `the SDK could not read the HTTP ${exchange.status} answer (${result.error.name})`,
        },
      ];
    }
    if (exchange.body === undefined || result.output === undefined) return [];
    const { $metadata: _metadata, ...output } = result.output;
    return [
      ...compareMembers(exchange.body, output, ''),
      ...unknownEnumValues(output, '', '', spec?.responseEnums ?? {}, sdk),
    ];
  }
  return errorFindings(spec, result);
}

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
          : { oneOf: [...spec.errors, ...PROTOCOL_VALIDATION_ERRORS] },
      actual: { __type: (exchange.body as { __type: string }).__type, sdkError: error.name },
      message: `the SDK did not map __type ${type} to a modeled exception (it threw a generic ${error.name})`,
    },
  ];
}

/** Every wire member the SDK's value lacks or holds as another value, depth first, in wire order. */
function compareMembers(wire: unknown, parsed: unknown, pointer: string): Finding[] {
  if (parsed === undefined)
    return wire === undefined
      ? []
      : [
          {
            kind: 'missing-member',
            severity: 'warning',
            path: pointer,
            expected: wire,
            actual: null,
            message: `the SDK's output lacks ${pointer} (${describeWire(wire)} on the wire)`,
          },
        ];
  if (isPlainObject(wire) && isPlainObject(parsed))
    return Object.entries(wire).flatMap(([name, value]) =>
      compareMembers(value, parsed[name], `${pointer}/${escapePointer(name)}`),
    );
  if (Array.isArray(wire) && Array.isArray(parsed) && wire.length === parsed.length)
    return wire.flatMap((item, index) => compareMembers(item, parsed[index], `${pointer}/${index}`));
  if (sameValue(wire, parsed)) return [];
  return [
    {
      kind: 'converted',
      severity: 'warning',
      path: pointer,
      expected: wire,
      actual: describeParsed(parsed),
      message: `the SDK converted ${pointer} from ${describeWire(wire)} to ${describeSdkValue(parsed)}`,
    },
  ];
}

/** Equal as the protocol reads them: the same JSON value, epoch seconds as the same `Date`, base64 as its bytes. */
function sameValue(wire: unknown, parsed: unknown): boolean {
  if (parsed instanceof Date) return typeof wire === 'number' && Math.abs(parsed.getTime() - wire * 1000) < 1;
  if (parsed instanceof Uint8Array)
    return typeof wire === 'string' && Buffer.from(parsed).toString('base64') === wire;
  if (typeof wire !== 'object' || wire === null || typeof parsed !== 'object' || parsed === null)
    return Object.is(wire, parsed) || (typeof wire === 'number' && wire === parsed);
  return false;
}

/** Strings in the SDK's output at enum members whose value the SDK does not know. */
function unknownEnumValues(
  parsed: unknown,
  pointer: string,
  rulePointer: string,
  enums: Readonly<Record<string, string>>,
  sdk: SdkKnowledge,
): Finding[] {
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
        message: `the SDK passed on ${JSON.stringify(parsed)} at ${pointer}, a value its ${shape} does not know`,
      },
    ];
  }
  if (Array.isArray(parsed))
    return parsed.flatMap((item, index) =>
      unknownEnumValues(item, `${pointer}/${index}`, `${rulePointer}/*`, enums, sdk),
    );
  if (!isPlainObject(parsed)) return [];
  return Object.entries(parsed).flatMap(([name, value]) => {
    const segment = escapePointer(name);
    const member = `${rulePointer}/${segment}`;
    // A map's keys are data, so its values sit at `*` (see responseEnums); a structure's members by name.
    const rule = hasRuleUnder(enums, member) ? member : `${rulePointer}/*`;
    return unknownEnumValues(value, `${pointer}/${segment}`, rule, enums, sdk);
  });
}

function hasRuleUnder(enums: Readonly<Record<string, string>>, pointer: string): boolean {
  return Object.keys(enums).some((key) => key === pointer || key.startsWith(`${pointer}/`));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

function describeParsed(value: unknown): unknown {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Date(Invalid Date)' : `Date(${value.toISOString()})`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length} bytes)`;
  return value;
}

/** The SDK's value for people: a `Date` or bytes by what they are, anything else as {@link describeWire} does. */
function describeSdkValue(value: unknown): string {
  const described = describeParsed(value);
  return described === value ? describeWire(value) : String(described);
}

function describeWire(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    const text = JSON.stringify(value);
    return text.length > 60 ? `an object ${text.slice(0, 57)}...` : `an object ${text}`;
  }
  return `${typeof value} ${JSON.stringify(value)}`;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
