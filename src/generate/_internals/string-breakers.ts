import fc from 'fast-check';
import { ajvPatternTester, codePointLength, fullMatchTester } from './generation-regex.ts';
import type { LengthBounds } from './string-arbitrary.ts';

/**
 * Strings that break exactly one of a string node's rules (`pattern`, `minLength`, `maxLength`) while
 * keeping the others. Candidates are searched once per node with a fixed seed, so derivation is
 * deterministic, and every candidate is checked the way Ajv checks (a `u`-flagged search, code points).
 */

/** Either the candidates, or why none exists. */
export type Search<T> = { readonly found: T } | { readonly reason: string };

/** Characters tried when breaking patterns: printable, varied classes, a little non-ASCII. */
const BREAKERS: readonly string[] = [...' !#$%&*/:;<>?[]^`{|}~"\'(),.-_+=@0aZé中'];

/**
 * Tried only when no printable character breaks the pattern (patterns accepting every letter, mark,
 * symbol, number, punctuation and space): a control character and a zero-width format character.
 */
const LAST_RESORT: readonly string[] = ['\u0007', '\u200b'];

const SEED = 20180212;
const SAMPLES = 24;
const MAX_CANDIDATES = 6;

function samplesOf(valid: fc.Arbitrary<string>): string[] {
  return [...new Set(fc.sample(valid, { numRuns: SAMPLES, seed: SEED }))];
}

function chars(value: string): string[] {
  return [...value];
}

function within(value: string, bounds: LengthBounds): boolean {
  const length = codePointLength(value);
  return length >= bounds.min && length <= bounds.max;
}

/** Valid strings with one character replaced: the "almost right" inputs services mishandle most. */
function mutations(
  samples: readonly string[],
  breaks: (value: string) => boolean,
  bounds: LengthBounds,
  palette: readonly string[],
): string[] {
  const found: string[] = [];
  for (const sample of samples) {
    const cs = chars(sample);
    for (let i = 0; i < cs.length && found.length < MAX_CANDIDATES; i++) {
      for (const c of palette) {
        const candidate = [...cs.slice(0, i), c, ...cs.slice(i + 1)].join('');
        if (within(candidate, bounds) && breaks(candidate)) {
          found.push(candidate);
          break;
        }
      }
    }
    if (found.length >= MAX_CANDIDATES) break;
  }
  return found;
}

/** One breaker character repeated to an allowed length: the fallback for search-style patterns. */
function repetitions(
  breaks: (value: string) => boolean,
  bounds: LengthBounds,
  palette: readonly string[],
): string[] {
  const found: string[] = [];
  const shortest = Math.max(bounds.min, 1);
  const longest = Math.min(bounds.max, shortest + 3);
  for (const c of palette) {
    for (let length = shortest; length <= longest; length++) {
      const candidate = c.repeat(length);
      if (breaks(candidate)) {
        found.push(candidate);
        break;
      }
    }
    if (found.length >= MAX_CANDIDATES) break;
  }
  if (bounds.min === 0 && breaks('')) found.push('');
  return found;
}

/** Strings of allowed length that fail the pattern. */
export function patternBreakers(
  pattern: string,
  bounds: LengthBounds,
  valid: fc.Arbitrary<string>,
): Search<string[]> {
  const matches = ajvPatternTester(pattern);
  const breaks = (value: string): boolean => !matches(value);
  const samples = samplesOf(valid);
  for (const palette of [BREAKERS, LAST_RESORT]) {
    const found = [
      ...new Set([...mutations(samples, breaks, bounds, palette), ...repetitions(breaks, bounds, palette)]),
    ];
    if (found.length > 0) return { found: found.slice(0, MAX_CANDIDATES * 2) };
  }
  return {
    reason: `no string of ${bounds.min}..${bounds.max} characters was found that fails the pattern, even with control characters`,
  };
}

/** Deletes characters while the string still passes the pattern, down to `target` characters. */
function shorten(sample: string, target: number, matches: (value: string) => boolean): string {
  let cs = chars(sample);
  let progress = true;
  while (cs.length > target && progress) {
    progress = false;
    for (let i = 0; i < cs.length; i++) {
      const candidate = [...cs.slice(0, i), ...cs.slice(i + 1)];
      if (matches(candidate.join(''))) {
        cs = candidate;
        progress = true;
        break;
      }
    }
  }
  return cs.join('');
}

/** Strings shorter than `minLength` that still pass the pattern (any string when there is none). */
export function tooShortStrings(
  pattern: string | undefined,
  bounds: LengthBounds,
  valid: fc.Arbitrary<string>,
): Search<fc.Arbitrary<string>> {
  if (bounds.min <= 0) return { reason: 'minLength is 0' };
  if (pattern === undefined)
    return { found: fc.string({ unit: 'grapheme-ascii', maxLength: bounds.min - 1 }) };
  const matches = fullMatchTester(pattern);
  const found = new Set<string>();
  if (matches('')) found.add('');
  for (const sample of samplesOf(valid)) {
    const short = shorten(sample, bounds.min - 1, matches);
    if (codePointLength(short) < bounds.min && matches(short)) found.add(short);
  }
  if (found.size === 0) {
    const characters = bounds.min === 1 ? 'character' : 'characters';
    return {
      reason: `no string shorter than ${bounds.min} ${characters} matches the pattern, so breaking minLength would break the pattern too`,
    };
  }
  return { found: fc.constantFrom(...[...found].sort((a, b) => codePointLength(b) - codePointLength(a))) };
}

/** A way to grow a valid string to any length: `prefix + filler * n + suffix` keeps matching. */
interface Pump {
  readonly prefix: string;
  readonly filler: string;
  readonly suffix: string;
}

function pumped(pump: Pump, length: number): string {
  const fixed = codePointLength(pump.prefix) + codePointLength(pump.suffix);
  return pump.prefix + pump.filler.repeat(Math.max(0, length - fixed)) + pump.suffix;
}

function findPump(
  sample: string,
  lengths: readonly number[],
  matches: (value: string) => boolean,
): Pump | undefined {
  const cs = chars(sample);
  for (let i = 0; i <= cs.length; i++) {
    const fillers = [
      ...new Set([cs[i - 1], cs[i], 'a', '0', '_', 'x'].filter((c): c is string => c !== undefined)),
    ];
    for (const filler of fillers) {
      const pump = { prefix: cs.slice(0, i).join(''), filler, suffix: cs.slice(i).join('') };
      if (lengths.every((length) => matches(pumped(pump, length)))) return pump;
    }
  }
  return undefined;
}

/**
 * A string of exactly `length` characters that passes the pattern (the valid side of a `minLength` or
 * `maxLength` boundary): a valid sample shortened, grown, or already that long.
 */
export function exactLengthString(
  pattern: string | undefined,
  length: number,
  valid: fc.Arbitrary<string>,
): Search<string> {
  if (pattern === undefined) return { found: 'a'.repeat(length) };
  const matches = fullMatchTester(pattern);
  for (const sample of samplesOf(valid)) {
    const size = codePointLength(sample);
    let candidate: string | undefined = sample;
    if (size > length) candidate = shorten(sample, length, matches);
    else if (size < length) {
      const pump = findPump(sample, [length], matches);
      candidate = pump === undefined ? undefined : pumped(pump, length);
    }
    if (candidate !== undefined && codePointLength(candidate) === length && matches(candidate))
      return { found: candidate };
  }
  return { reason: `no string of exactly ${length} characters was found that matches the pattern` };
}

/** How far beyond `maxLength` too-long strings go (the boundary `maxLength + 1` is the shrink target). */
const OVERSHOOT = 2;

/** Strings longer than `maxLength` that still pass the pattern. */
export function tooLongStrings(
  pattern: string | undefined,
  bounds: LengthBounds,
  valid: fc.Arbitrary<string>,
): Search<fc.Arbitrary<string>> {
  if (!Number.isFinite(bounds.max)) return { reason: 'no maxLength' };
  const lengths = Array.from({ length: OVERSHOOT + 1 }, (_, k) => bounds.max + 1 + k);
  const matches = pattern === undefined ? () => true : fullMatchTester(pattern);
  const pumps: Pump[] = [];
  for (const sample of samplesOf(valid)) {
    const pump = findPump(sample, lengths, matches);
    if (pump !== undefined) pumps.push(pump);
    if (pumps.length >= 4) break;
  }
  if (pumps.length === 0) {
    return { reason: `no string longer than ${bounds.max} characters was found that matches the pattern` };
  }
  return {
    found: fc
      .tuple(fc.constantFrom(...pumps), fc.nat({ max: OVERSHOOT }))
      .map(([pump, extra]) => pumped(pump, bounds.max + 1 + extra)),
  };
}
