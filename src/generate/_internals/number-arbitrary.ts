import fc from 'fast-check';
import type { JsonSchema } from '../../../specs/format/index.ts';
import { numberKeyword } from './schema-node.ts';

/** Inclusive numeric bounds of a node, `exclusive*` folded in (for integers, to the next whole number). */
export interface NumberBounds {
  readonly min: number | undefined;
  readonly max: number | undefined;
}

/** Declared bounds; for integers exclusive bounds become the nearest allowed whole number. */
export function declaredNumberBounds(node: JsonSchema, integer: boolean): NumberBounds {
  const exclusiveMin = numberKeyword(node, 'exclusiveMinimum');
  const exclusiveMax = numberKeyword(node, 'exclusiveMaximum');
  let min = numberKeyword(node, 'minimum');
  let max = numberKeyword(node, 'maximum');
  if (exclusiveMin !== undefined) {
    const bound = integer ? Math.floor(exclusiveMin) + 1 : exclusiveMin;
    min = min === undefined ? bound : Math.max(min, bound);
  }
  if (exclusiveMax !== undefined) {
    const bound = integer ? Math.ceil(exclusiveMax) - 1 : exclusiveMax;
    max = max === undefined ? bound : Math.min(max, bound);
  }
  if (integer) {
    if (min !== undefined) min = Math.ceil(min);
    if (max !== undefined) max = Math.floor(max);
  }
  return { min, max };
}

/** Unconstrained integers stay small and non-negative; epoch seconds stay in a plausible window. */
const DEFAULT_RANGE = { min: 0, max: 100 };
const EPOCH_RANGE = { min: 1_500_000_000, max: 2_000_000_000 };

/** The declared range, completed from `preferred` on the sides the schema leaves open. */
function completedRange(
  bounds: NumberBounds,
  preferred: { min: number; max: number },
): { min: number; max: number } {
  const span = preferred.max - preferred.min;
  if (bounds.min !== undefined && bounds.max !== undefined) return { min: bounds.min, max: bounds.max };
  if (bounds.min !== undefined) return { min: bounds.min, max: Math.max(preferred.max, bounds.min + span) };
  if (bounds.max !== undefined) return { min: Math.min(preferred.min, bounds.max - span), max: bounds.max };
  return preferred;
}

/** The generator for `integer` and `number` nodes (`format: epoch-seconds` yields whole seconds). */
export function numberArbitrary(node: JsonSchema, integer: boolean, where: string): fc.Arbitrary<number> {
  const epoch = node.format === 'epoch-seconds';
  if (node.format !== undefined && !epoch) {
    throw new Error(`arbitraryFromSchema: unsupported number format "${String(node.format)}" at ${where}`);
  }
  const whole = integer || epoch;
  const bounds = declaredNumberBounds(node, whole);
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max) {
    throw new Error(`arbitraryFromSchema: empty numeric range ${bounds.min}..${bounds.max} at ${where}`);
  }
  const range = completedRange(bounds, epoch ? EPOCH_RANGE : DEFAULT_RANGE);
  if (whole) return fc.integer(range);
  const exclusive = {
    minExcluded: node.exclusiveMinimum !== undefined,
    maxExcluded: node.exclusiveMaximum !== undefined,
  };
  return fc.double({ ...range, ...exclusive, noNaN: true, noDefaultInfinity: true });
}
