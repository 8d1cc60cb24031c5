import type { JsonSchema } from '../../../specs/format/index.ts';
import { declaredNumberBounds } from './number-arbitrary.ts';
import { jsonTypeOf, type NodeType, satisfiesType } from './schema-node.ts';

/**
 * Replacement values of the wrong JSON type, the most typical client mistake first (it is the shrink
 * target): a number sent as a string, a list sent as a bare string. `null` is never used: many
 * services read it as "absent", which would turn a type error into a missing member.
 */
export function wrongTypeValues(node: JsonSchema, type: NodeType): unknown[] {
  const bounds = declaredNumberBounds(node, true);
  const low = bounds.min ?? (bounds.max !== undefined ? bounds.max - 1 : 0);
  // A fraction inside the range, so only `type` fails (Ajv still applies minimum/maximum to it).
  const fractions = bounds.max === undefined || low + 0.5 <= bounds.max ? [low + 0.5] : [];
  const byType: Record<NodeType, unknown[]> = {
    string: [42, true, {}, ['x']],
    integer: [String(low), ...fractions, true],
    number: [String(low), true],
    boolean: ['true', 1],
    object: ['x', ['x'], 1],
    array: ['x', {}, 1],
    null: [0, 'null'],
  };
  return byType[type].filter((value) => !satisfiesType(value, type));
}

/**
 * Values of the enum's type that are not in it: values narrowed out by the document first, then
 * near-misses of a real value (case changed, suffixed) and a plainly unknown one.
 */
export function outOfEnumValues(values: readonly unknown[], narrowedOut: readonly string[] = []): unknown[] {
  const allowed = new Set(values.map((value) => JSON.stringify(value)));
  const first = values[0];
  let candidates: unknown[];
  switch (jsonTypeOf(first)) {
    case 'string': {
      const value = first as string;
      const flipped = value === value.toLowerCase() ? value.toUpperCase() : value.toLowerCase();
      candidates = [...narrowedOut, flipped, `${value}_X`, 'NOT_A_VALUE', ` ${value}`];
      break;
    }
    case 'integer':
    case 'number':
      candidates = [Math.max(...(values as number[])) + 1, Math.min(...(values as number[])) - 1];
      break;
    case 'boolean':
      candidates = [true, false];
      break;
    default:
      candidates = [];
  }
  return [...new Map(candidates.map((value) => [JSON.stringify(value), value])).values()].filter(
    (value) => !allowed.has(JSON.stringify(value)),
  );
}
