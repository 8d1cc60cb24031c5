/**
 * Small in-place edits for fix-ups. Fix-ups work on a deep copy of the request and only touch members
 * that are present (or that consistency requires), so optional members stay optional.
 */

/** A JSON object in a request. */
export type JsonObject = Record<string, unknown>;

/** A deep copy of the request, for a fix-up to edit. */
export function copyRequest(request: Readonly<JsonObject>): JsonObject {
  return structuredClone(request) as JsonObject;
}

/** The value when it is a plain JSON object. */
export function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The value when it is an array. */
export function arrayAt(parent: JsonObject | undefined, key: string): unknown[] | undefined {
  const value = parent?.[key];
  return Array.isArray(value) ? value : undefined;
}

/** Whether the member is present (an `undefined` value counts as absent). */
export function isPresent(parent: JsonObject | undefined, key: string): boolean {
  return parent !== undefined && Object.hasOwn(parent, key) && parent[key] !== undefined;
}

/** Replaces a member only when it is present. */
export function replaceIfPresent(parent: JsonObject | undefined, key: string, value: unknown): void {
  if (parent !== undefined && isPresent(parent, key)) parent[key] = value;
}

/** Sets a member to a live value when the value is known; otherwise leaves the generated one. */
export function substitute(parent: JsonObject, key: string, value: string | undefined): void {
  if (value !== undefined && isPresent(parent, key)) parent[key] = value;
}

/** Moves a present number into `[min, max]`. */
export function clampIfPresent(parent: JsonObject | undefined, key: string, min: number, max: number): void {
  const value = parent?.[key];
  if (parent !== undefined && typeof value === 'number') parent[key] = Math.min(max, Math.max(min, value));
}

/** Distinct values, first occurrence kept. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** A small stable hash of a string, for deterministic but input-dependent choices. */
export function stableHash(text: string): number {
  let hash = 0;
  for (const c of text) hash = (hash * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}
