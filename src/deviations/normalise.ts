import type { ReportDeviation } from './deviation.ts';
import { committedSpecMembers, type SpecMembers } from './spec-members.ts';
import { isUnknownId } from './unknown-ids.ts';

/**
 * Volatile values: generated per run (pool and client ids, UUIDs, dates, tokens, request ids), so two runs
 * against the same target never report byte-equal deviations. Normalising replaces each with a numbered token
 * (`<pool-id:1>`, `<client-id:2>`…) that keeps identity inside one normaliser — the same raw value always maps
 * to the same token, two different values never share one — so that deviations from two runs compare equal and
 * duplicates within a run collapse, while "the response echoed a different pool id" stays visible.
 * The suite's own unknown ids (`UNKNOWN_USER_POOL_ID`, `UNKNOWN_CLIENT_ID`) are not volatile: the same made-up
 * values in every run, they stay as they are, so a report says which id of an error-shape request named nothing.
 */
export type VolatileCategory =
  'pool-id' | 'uuid' | 'date' | 'timestamp' | 'jwt' | 'request-id' | (string & {});

/**
 * Number members that vary per run besides the spec's timestamps: the JWT time claims (RFC 7519 `exp`, `iat`,
 * `nbf`, and Cognito's `auth_time`), which tokens carry but no operation spec describes.
 */
const TOKEN_TIME_CLAIMS: ReadonlySet<string> = new Set(['auth_time', 'exp', 'iat', 'nbf']);

/** Keys whose string value is a request id whatever its format (compared with case, `-` and `_` ignored). */
const REQUEST_ID_KEYS: ReadonlySet<string> = new Set([
  'requestid',
  'xamznrequestid',
  'xamzrequestid',
  'xamzid2',
  'awsrequestid',
]);

interface StringRule {
  readonly category: VolatileCategory;
  readonly pattern: RegExp;
  /** The capture group holding the volatile part; 0 replaces the whole match. */
  readonly group: number;
}

/**
 * Applied in this order: JWTs first (their base64 segments could look like anything), request ids by context
 * (`RequestId: …`, with at least one digit so a word after "request id" is not taken) before UUIDs (AWS
 * request ids are UUIDs). Identifiers with no recognisable shape (app client ids, whose length and alphabet
 * differ between Cognito and emulators) are not found by pattern: they are learnt from the members the specs
 * call identifiers (see {@link Normaliser.learn}).
 */
const STRING_RULES: readonly StringRule[] = [
  { category: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){2,4}/g, group: 0 },
  {
    category: 'request-id',
    pattern:
      /\b(?:x-amzn-)?request[ _-]?id["']?\s*[:=]?\s*["']?((?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{7,})/gi,
    group: 1,
  },
  { category: 'pool-id', pattern: /\b(?:[a-z]{2}(?:-[a-z]+)+-\d|local)_[A-Za-z0-9]+\b/g, group: 0 },
  {
    category: 'uuid',
    pattern: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g,
    group: 0,
  },
  {
    category: 'date',
    pattern: /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g,
    group: 0,
  },
];

/** Learnt identifier values shorter than this stay in text: replacing them would shred words. */
const MIN_LEARNT_LENGTH = 8;

/**
 * Numbers tokens per category. One normaliser spans the values that must share numbering (one deviation, or
 * one report); use a fresh one where values are compared independently.
 */
export class Normaliser {
  readonly #tokens = new Map<VolatileCategory, Map<string, string>>();
  /** Identifier values met under an identifier member: replaced wherever they appear in text too. */
  readonly #learnt = new Map<string, VolatileCategory>();

  /**
   * @param members which members hold timestamps and identifiers; by default what the committed specs say.
   * @throws Error when the committed specs cannot be read (only when `members` is not given).
   */
  constructor(
    private readonly members: Pick<
      SpecMembers,
      'timestamps' | 'identifiers' | 'identifierPatterns' | 'identifierLengths'
    > = committedSpecMembers(),
  ) {}

  /**
   * Walks `value` for identifier members (by the specs) and learns their string values, so that the same value in
   * a message, a path or a command becomes the same token. Call it on everything that shares one numbering
   * before normalising any of it.
   */
  learn(value: unknown, key?: string): void {
    const category = this.identifierCategory(key, value);
    if (typeof value === 'string' && category !== undefined) {
      if (!this.#learnt.has(value)) this.#learnt.set(value, category);
      return;
    }
    if (Array.isArray(value)) value.forEach((item) => this.learn(item, key));
    else if (value !== null && typeof value === 'object')
      for (const [member, item] of Object.entries(value)) this.learn(item, member);
  }

  /** The token for a raw volatile value: the same raw value always gets the same token. */
  token(category: VolatileCategory, raw: string): string {
    let seen = this.#tokens.get(category);
    if (seen === undefined) {
      seen = new Map();
      this.#tokens.set(category, seen);
    }
    let token = seen.get(raw);
    if (token === undefined) {
      token = `<${category}:${seen.size + 1}>`;
      seen.set(raw, token);
    }
    return token;
  }

  /** Replaces the volatile parts of a string (a message, a path, a command, a member value). */
  string(text: string): string {
    let result = this.#replaceLearnt(text);
    for (const rule of STRING_RULES)
      result = result.replace(rule.pattern, (...args) => this.#replace(rule, args));
    return result;
  }

  /** Deep copy of `value` with volatile strings replaced (identifier members whole), and timestamp numbers. */
  value(value: unknown, key?: string): unknown {
    if (typeof value === 'string') {
      if (key !== undefined && isRequestIdKey(key)) return this.token('request-id', value);
      const category = this.identifierCategory(key, value);
      if (category !== undefined && !value.startsWith('<')) {
        this.#learnt.set(value, category);
        return this.token(category, value);
      }
      // An identifier member whose value is not an id of its shape holds a value made up to break a rule: as it is.
      if (key !== undefined && this.members.identifiers.has(key)) return value;
      return this.string(value);
    }
    if (typeof value === 'number') return this.timestamp(value, key);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value === null || typeof value !== 'object') return value;
    const copy = new Map<string, unknown>();
    for (const [member, item] of Object.entries(value)) copy.set(member, this.value(item, member));
    return Object.fromEntries(copy);
  }

  /** A number under a timestamp key (by the specs, or a JWT time claim) becomes a token; other numbers are data. */
  timestamp(value: number, key: string | undefined): unknown {
    return key !== undefined && this.isTimestampMember(key) ? this.token('timestamp', String(value)) : value;
  }

  /** Whether a member holds a timestamp: by the specs (`epoch-seconds`), or a JWT time claim. */
  isTimestampMember(key: string): boolean {
    return this.members.timestamps.has(key) || TOKEN_TIME_CLAIMS.has(key);
  }

  /**
   * The token category of `value` under member `key`, if it is a generated identifier: the member is one the
   * specs call an identifier, and the value has the member's pattern (a value breaking it was made up on
   * purpose, and must stay visible).
   */
  private identifierCategory(key: string | undefined, value: unknown): VolatileCategory | undefined {
    if (key === undefined || typeof value !== 'string' || value === '') return undefined;
    // The suite's own unknown ids are neither generated nor volatile: a report shows them as they are.
    if (isUnknownId(value)) return undefined;
    const category = this.members.identifiers.get(key);
    const pattern = this.members.identifierPatterns?.get(key);
    const length = this.members.identifierLengths?.get(key);
    if (category === undefined) return undefined;
    const size = [...value].length;
    if (length !== undefined && (size < length.min || size > length.max)) return undefined;
    return pattern === undefined || new RegExp(`^(?:${pattern})$`, 'u').test(value) ? category : undefined;
  }

  #replaceLearnt(text: string): string {
    let result = text;
    const values = [...this.#learnt.keys()].filter((value) => value.length >= MIN_LEARNT_LENGTH);
    for (const value of values.sort((a, b) => b.length - a.length)) {
      if (!result.includes(value)) continue;
      // Whole values only: an id inside a longer word is another value.
      result = replaceWhole(result, value, () => this.token(this.#learnt.get(value)!, value));
    }
    return result;
  }

  #replace(rule: StringRule, args: unknown[]): string {
    const match = args[0] as string;
    const part = args[rule.group] as string;
    if (isUnknownId(part)) return match;
    if (rule.group === 0) return this.token(rule.category, match);
    return match.slice(0, match.length - part.length) + this.token(rule.category, part);
  }
}

/**
 * `text` with every occurrence of `value` that no word character (`[A-Za-z0-9_]`) touches on either side replaced.
 * A scan, not a regular expression: an id may be as long as its member allows (a boundary value of 100 000
 * characters), which no regular expression engine takes.
 */
function replaceWhole(text: string, value: string, replacement: () => string): string {
  const word = /[A-Za-z0-9_]/;
  let result = '';
  let from = 0;
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    if (at < from) continue;
    const before = at > 0 ? text[at - 1] : undefined;
    const after = text[at + value.length];
    if ((before !== undefined && word.test(before)) || (after !== undefined && word.test(after))) continue;
    result += text.slice(from, at) + replacement();
    from = at + value.length;
  }
  return result + text.slice(from);
}

function isRequestIdKey(key: string): boolean {
  return REQUEST_ID_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));
}

/** Normalises one value with its own numbering: for values compared on their own. */
export function normaliseValue(value: unknown): unknown {
  return new Normaliser().value(value);
}

/**
 * Normalises everything in a deviation that can vary between runs, sharing one numbering so that "expected the
 * pool id of the request, got another" survives as `<pool-id:1>` vs `<pool-id:2>`. Expected and actual numbers
 * become timestamp tokens when the deviation's path ends in a timestamp member.
 */
export function normaliseDeviation(
  deviation: ReportDeviation,
  normaliser = new Normaliser(),
): ReportDeviation {
  const member = lastPointerSegment(deviation.path);
  // Identifiers are learnt from the request only: expected and actual under an identifier's path may be a list of
  // error names or the very value that broke the member's pattern, and must stay readable.
  normaliser.learn(deviation.request);
  const timestampMember = member !== undefined && normaliser.isTimestampMember(member) ? member : undefined;
  return {
    ...deviation,
    path: normaliser.string(deviation.path),
    expected: normaliser.value(deviation.expected, timestampMember),
    actual: normaliser.value(deviation.actual, timestampMember),
    message: normaliser.string(deviation.message),
    request: normaliser.value(deviation.request) as Record<string, unknown>,
    reproduce: normaliser.value(deviation.reproduce) as ReportDeviation['reproduce'],
  };
}

/** The last segment of a JSON pointer, unescaped; `undefined` for the whole document (`''`). */
export function lastPointerSegment(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const segment = pointer.slice(pointer.lastIndexOf('/') + 1);
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
