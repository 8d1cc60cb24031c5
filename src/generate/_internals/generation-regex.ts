/**
 * Turns a schema `pattern` (an AWS model pattern, written for full-string matching and compiled by Ajv
 * with the `u` flag) into a regex fast-check can generate from, producing short printable strings.
 *
 * Rewrites only ever narrow the language, so every generated string still matches the original:
 * - `\p{…}` / `\P{…}` outside a negated class become the printable palette characters having that
 *   property (`\p{L}` → `A-Z a-z é ß Ж 中`), falling back to the property itself when none has it;
 * - `\s` outside a negated class becomes a plain space (no tabs, form feeds or line breaks).
 * The result is anchored, because Ajv's `pattern` is a search and fast-check would otherwise pad it.
 */

/** Printable ASCII plus a few non-ASCII characters, so Unicode classes still get some non-ASCII input. */
const PALETTE: readonly string[] = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCodePoint(0x20 + i)),
  'é',
  'ß',
  'Ж',
  '中',
  '€',
  '©',
  '½',
  '«',
  '\u0301',
];

const paletteCache = new Map<string, string[]>();

/** Shrink order for palette characters: letters first (`a` is the smallest), then digits, then the rest. */
function shrinkRank(c: string): number {
  if (c >= 'a' && c <= 'z') return 0;
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= '0' && c <= '9') return 2;
  return 3;
}

/**
 * The palette characters a one-character regex atom matches, best shrink target first; empty when
 * none does (the caller then falls back to the atom itself).
 */
export function printableMembers(unit: string): string[] {
  const regex = new RegExp(`^(?:${unit})$`, 'u');
  return PALETTE.filter((c) => regex.test(c)).sort((a, b) => shrinkRank(a) - shrinkRank(b));
}

/** The palette characters an escape such as `\p{L}` matches (cached per escape). */
function paletteMatching(escape: string): string[] {
  let chars = paletteCache.get(escape);
  if (chars === undefined) {
    const regex = new RegExp(`^${escape}$`, 'u');
    chars = PALETTE.filter((c) => regex.test(c));
    paletteCache.set(escape, chars);
  }
  return chars;
}

/** Escapes a character for use inside a `u`-mode character class. */
function classChar(c: string): string {
  return /[\\\]\[^-]/u.test(c) ? `\\${c}` : c;
}

/** The length of the escape sequence starting at `source[index]` (a backslash). */
function escapeLength(source: string, index: number): number {
  const next = source[index + 1];
  if ((next === 'p' || next === 'P') && source[index + 2] === '{') {
    const close = source.indexOf('}', index);
    return close === -1 ? 2 : close - index + 1;
  }
  return 2;
}

/** Rewrites a pattern source for generation (see the module comment); anchoring is left to the caller. */
export function sanitisePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  let negated = false;
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const length = escapeLength(pattern, i);
      const escape = pattern.slice(i, i + length);
      out += rewriteEscape(escape, inClass, inClass && negated);
      i += length;
      continue;
    }
    if (c === '[' && !inClass) {
      inClass = true;
      negated = pattern[i + 1] === '^';
    } else if (c === ']' && inClass) {
      inClass = false;
    }
    out += c;
    i++;
  }
  return out;
}

function rewriteEscape(escape: string, inClass: boolean, inNegatedClass: boolean): string {
  if (inNegatedClass) return escape;
  if (escape === '\\s') return ' ';
  if (/^\\[pP]\{/u.test(escape)) {
    const chars = paletteMatching(escape);
    if (chars.length === 0) return escape;
    const members = chars.map(classChar).join('');
    return inClass ? members : `[${members}]`;
  }
  return escape;
}

/** Whether the pattern source ends with an unescaped `$`. */
function endsWithAnchor(source: string): boolean {
  if (!source.endsWith('$')) return false;
  let backslashes = 0;
  for (let i = source.length - 2; i >= 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The pattern without its leading `^` / trailing `$`. */
export function stripAnchors(source: string): string {
  let body = source.startsWith('^') ? source.slice(1) : source;
  if (endsWithAnchor(body)) body = body.slice(0, -1);
  return body;
}

/** The anchored, sanitised, `u`-flagged regex fast-check generates from. */
export function generationRegex(pattern: string): RegExp {
  return new RegExp(`^(?:${stripAnchors(sanitisePattern(pattern))})$`, 'u');
}

/** Ajv's reading of a `pattern` (a `u`-flagged search, not a full match). */
export function ajvPatternTester(pattern: string): (value: string) => boolean {
  const regex = new RegExp(pattern, 'u');
  return (value) => regex.test(value);
}

/**
 * The pattern read as AWS reads model patterns: the whole string must match. Breakers keep this one
 * satisfied (so a too-long value is not also a pattern violation for the service) while breaking
 * Ajv's weaker search reading, so both readings agree on which single rule is broken.
 */
export function fullMatchTester(pattern: string): (value: string) => boolean {
  const regex = new RegExp(`^(?:${stripAnchors(pattern)})$`, 'u');
  return (value) => regex.test(value);
}

/** Length as Ajv counts it for `minLength`/`maxLength`: Unicode code points. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
