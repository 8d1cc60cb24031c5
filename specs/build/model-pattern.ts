/** A model pattern in the form the schemas use, or why it is left out. */
export type PatternConversion =
  { readonly ok: true; readonly pattern: string } | { readonly ok: false; readonly reason: string };

/** Java constructs with an exact equivalent in JavaScript's `u`-mode regular expressions. */
const JAVA_TO_JS: readonly (readonly [RegExp, string])[] = [
  [/\\p\{IsAlphabetic\}/g, '\\p{Alphabetic}'],
  [/\\p\{Is(L|M|N|P|S|Z|Lu|Ll|Nd)\}/g, '\\p{$1}'],
  [/(?<!\\)\\A/g, '^'],
  [/(?<!\\)\\z/g, '$'],
];

/** Java's ASCII-only POSIX classes; JavaScript reads some of these names as Unicode properties. */
const JAVA_POSIX_CLASS =
  /\\[pP]\{(?:Lower|Upper|Alpha|Digit|Alnum|Punct|Graph|Print|Blank|Cntrl|XDigit|Space)\}/;

/**
 * Makes a model pattern (a Java-flavoured regex) usable as a JSON Schema `pattern` under ajv's
 * `unicodeRegExp: true`, i.e. `new RegExp(pattern, 'u')`. Kept verbatim when it compiles; otherwise
 * Java-only property names and anchors are rewritten; if it still does not compile (e.g. possessive
 * quantifiers, POSIX classes), it is left out with the reason.
 */
export function toSchemaPattern(pattern: string): PatternConversion {
  const posix = JAVA_POSIX_CLASS.exec(pattern);
  if (posix)
    return {
      ok: false,
      reason: `uses the Java POSIX class ${posix[0]}, which is ASCII-only in Java but not in JavaScript`,
    };
  if (compiles(pattern)) return { ok: true, pattern };
  const converted = JAVA_TO_JS.reduce((text, [from, to]) => text.replace(from, to), pattern);
  if (compiles(converted)) return { ok: true, pattern: converted };
  return {
    ok: false,
    reason: `does not compile as a JavaScript 'u' regular expression: ${compileError(converted)}`,
  };
}

function compiles(pattern: string): boolean {
  return compileError(pattern) === undefined;
}

function compileError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
