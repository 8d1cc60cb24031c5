import type { RequestFixup } from '../request-fixup.ts';
import { STANDARD_ATTRIBUTE_NAMES } from './_internals/aws-values.ts';
import { arrayAt, copyRequest, isPresent, type JsonObject, objectAt } from './_internals/edit.ts';
import { fixPoolSettings } from './_internals/pool-settings.ts';

/** Custom attribute names Cognito accepts without surprises: letters, digits, underscore, ≤ 20. */
const PLAIN_ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,19}$/u;

/**
 * Custom attributes: a unique plain name and a data type on every entry (the model leaves both
 * optional, Cognito does not), never required (Cognito refuses required custom attributes), sane bounds.
 */
function fixSchemaAttributes(request: JsonObject): void {
  const attributes = arrayAt(request, 'Schema');
  if (attributes === undefined) return;
  const used = new Set<string>();
  attributes.forEach((entry, index) => {
    const attribute = entry as JsonObject;
    const name = String(attribute.Name ?? '');
    const keep = PLAIN_ATTRIBUTE_NAME.test(name) && !STANDARD_ATTRIBUTE_NAMES.has(name) && !used.has(name);
    attribute.Name = keep ? name : `attr${index}`;
    used.add(String(attribute.Name));
    attribute.AttributeDataType ??= 'String';
    if (attribute.Required === true) attribute.Required = false;
    fixBounds(objectAt(attribute, 'NumberAttributeConstraints'), 'MinValue', 'MaxValue', 0, 1_000_000);
    fixBounds(objectAt(attribute, 'StringAttributeConstraints'), 'MinLength', 'MaxLength', 0, 2048);
  });
}

/**
 * Attribute constraints are numbers sent as strings: make them numeric, within Cognito's range, and
 * ordered (min < max). The generated text's length picks the numbers, so variety survives.
 */
function fixBounds(
  constraints: JsonObject | undefined,
  minKey: string,
  maxKey: string,
  floor: number,
  ceiling: number,
): void {
  if (constraints === undefined) return;
  const seed = (value: unknown): number => (typeof value === 'string' ? value.length : 0);
  const clamp = (value: number, low: number): number => Math.min(ceiling, Math.max(low, value));
  const min = clamp(floor + seed(constraints[minKey]), floor);
  const max = clamp(min + 1 + seed(constraints[maxKey]) * 8, min + 1);
  if (isPresent(constraints, minKey)) constraints[minKey] = String(min);
  if (isPresent(constraints, maxKey)) constraints[maxKey] = String(max);
}

/**
 * CreateUserPool: a run-prefixed pool name; `UsernameAttributes` and `AliasAttributes` are mutually
 * exclusive (AliasAttributes is dropped when both are given); custom attribute definitions Cognito
 * accepts; and the settings shared with UpdateUserPool (Lambda/SES/SNS ARNs, message placeholders,
 * MFA only with SMS configuration, password length 6..99, account validity 0..365, tag keys).
 */
export const createUserPoolFixup: RequestFixup = {
  operation: 'CreateUserPool',
  apply(input, context) {
    const request = copyRequest(input);
    if (isPresent(request, 'PoolName')) request.PoolName = context.uniqueName('pool');
    if (isPresent(request, 'UsernameAttributes') && isPresent(request, 'AliasAttributes'))
      delete request.AliasAttributes;
    fixSchemaAttributes(request);
    fixPoolSettings(request, context);
    return request;
  },
};
