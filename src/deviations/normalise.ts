import type { ReportDeviation } from './report-model.ts';

/**
 * Volatile values: generated per run (pool and client ids, UUIDs, dates, tokens, request ids), so two runs
 * against the same target never report byte-equal deviations. Normalising replaces each with a numbered token
 * (`<pool-id:1>`, `<client-id:2>`…) that keeps identity inside one normaliser — the same raw value always maps
 * to the same token, two different values never share one — so that deviations from two runs compare equal and
 * duplicates within a run collapse, while "the response echoed a different pool id" stays visible.
 */
export type VolatileCategory = 'pool-id' | 'client-id' | 'uuid' | 'date' | 'timestamp' | 'jwt' | 'request-id';

/**
 * Members the API types as timestamps (epoch seconds on the wire), plus the JWT time claims. A number is only
 * treated as volatile under one of these keys: elsewhere a number is data (a limit, a count) and must compare.
 */
export const TIMESTAMP_MEMBERS: ReadonlySet<string> = new Set([
  'ClientSecretCreateDate',
  'CompletionDate',
  'CreateDate',
  'CreatedAt',
  'CreatedDate',
  'CreationDate',
  'DeviceCreateDate',
  'DeviceLastAuthenticatedDate',
  'DeviceLastModifiedDate',
  'EndDate',
  'ExpirationDate',
  'FeedbackDate',
  'LastActiveDate',
  'LastModifiedDate',
  'StartDate',
  'UserCreateDate',
  'UserLastModifiedDate',
  'auth_time',
  'exp',
  'iat',
  'nbf',
]);

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
 * request ids are UUIDs), client ids last (the loosest pattern). A client id is 26 lowercase
 * letters and digits with at least one digit, so that a long lowercase word is never taken for one.
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
  { category: 'client-id', pattern: /\b(?=[a-z]*\d)[a-z0-9]{26}\b/g, group: 0 },
];

/**
 * Numbers tokens per category. One normaliser spans the values that must share numbering (one deviation, or
 * one report); use a fresh one where values are compared independently.
 */
export class Normaliser {
  readonly #tokens = new Map<VolatileCategory, Map<string, string>>();

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
    let result = text;
    for (const rule of STRING_RULES)
      result = result.replace(rule.pattern, (...args) => this.#replace(rule, args));
    return result;
  }

  /** Deep copy of `value` with volatile strings replaced, and timestamp numbers under `TIMESTAMP_MEMBERS` keys. */
  value(value: unknown, key?: string): unknown {
    if (typeof value === 'string') {
      return key !== undefined && isRequestIdKey(key) ? this.token('request-id', value) : this.string(value);
    }
    if (typeof value === 'number') return this.timestamp(value, key);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value === null || typeof value !== 'object') return value;
    const copy = new Map<string, unknown>();
    for (const [member, item] of Object.entries(value)) copy.set(member, this.value(item, member));
    return Object.fromEntries(copy);
  }

  /** A number under a timestamp key becomes a token; any other number is data and stays. */
  timestamp(value: number, key: string | undefined): unknown {
    return key !== undefined && TIMESTAMP_MEMBERS.has(key) ? this.token('timestamp', String(value)) : value;
  }

  #replace(rule: StringRule, args: unknown[]): string {
    const match = args[0] as string;
    if (rule.group === 0) return this.token(rule.category, match);
    const part = args[rule.group] as string;
    return match.slice(0, match.length - part.length) + this.token(rule.category, part);
  }
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
  return {
    ...deviation,
    path: normaliser.string(deviation.path),
    expected: normaliser.value(deviation.expected, member),
    actual: normaliser.value(deviation.actual, member),
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
