/** Every [key, string value] in a JSON value, skipping the values of `pattern` (model regexes, not prose). */
export function keyedStrings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return key === 'pattern' ? [] : [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => keyedStrings(item, key));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => keyedStrings(v, k));
  return [];
}
