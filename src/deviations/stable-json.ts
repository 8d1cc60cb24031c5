/**
 * JSON text with object keys sorted at every depth, so two structurally equal values always produce the same
 * string. Used as a comparison key (deviation fingerprints, de-duplication), never as output for people.
 * `undefined` members are dropped and a top-level `undefined` becomes `null`, as JSON would have it.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted = new Map<string, unknown>();
  for (const key of Object.keys(value).sort())
    sorted.set(key, sortKeys((value as Record<string, unknown>)[key]));
  return Object.fromEntries(sorted);
}
