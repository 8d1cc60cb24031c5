/**
 * Serialises data for an inline `<script type="application/json">` element. The HTML parser ends a script
 * element at the first `</script`, whatever its type, and `<!--` can switch it into an escaped state, so
 * report-derived strings (which come from targets under test and may be hostile) must never put a raw `<`
 * there. `<`, `>` and `&` become JSON `\u` escapes, which `JSON.parse` reads back unchanged; U+2028/U+2029
 * are escaped too so the text stays valid should it ever be pasted into JavaScript source.
 */
export function jsonForScriptElement(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonForScriptElement: value is not JSON-serialisable');
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
