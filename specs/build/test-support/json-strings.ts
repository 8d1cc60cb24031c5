/** Every [key, string value] in a JSON value, skipping the values of `pattern` (model regexes, not prose). */
export function keyedStrings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return key === 'pattern' ? [] : [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => keyedStrings(item, key));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => keyedStrings(v, k));
  return [];
}

/** Objects whose keys are names from the documents (members, shapes, JSON pointers, trait ids), not schema keywords. */
const NAMED_KEYS = new Set(['properties', '$defs', 'responseEnums', 'authTraits']);

/**
 * Every key of a JSON value but the names it holds as data (members under `properties`, `$defs` and pointers): the
 * keys a spec could carry prose under (`description`, `documentation`, `title`), without a member so named.
 */
export function keywordKeys(value: unknown, parent = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => keywordKeys(item));
  if (typeof value !== 'object' || value === null) return [];
  const named = NAMED_KEYS.has(parent);
  return Object.entries(value).flatMap(([k, v]) => [
    ...(named ? [] : [k]),
    ...keywordKeys(v, named ? '' : k),
  ]);
}
