import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { CHECK_NAMES, type CheckName } from './check-name.ts';
import { DEVIATION_KINDS, type DeviationKind } from './deviation-kind.ts';
import { deviationIdentity, type LocatedDeviation } from './identity.ts';
import { isBlocking } from './verdict.ts';

/**
 * A reviewed list of deviations a team has decided to live with, per target: the run still reports them but
 * they stop failing it. Entries may expire, so "temporarily accepted" cannot silently become "forever".
 */
export interface BaselineEntry {
  /** The report's `target.name`: the same deviation may be accepted for one emulator and not another. */
  readonly target: string;
  readonly operation: string;
  readonly check: CheckName;
  readonly kind: DeviationKind;
  /** JSON pointer as the report has it; volatile parts may be written as tokens (`<pool-id:1>`). */
  readonly path: string;
  /**
   * The behaviour rule of a `behaviour` deviation (`{ name }`, as in `specs/behaviour-rules.json`): part of the
   * identity the entry matches by, so an entry accepts one rule broken at one place, not every rule broken there.
   */
  readonly rule?: { readonly name: string };
  /** Why it is accepted: a reviewer's words, an upstream issue link. */
  readonly reason: string;
  /** `YYYY-MM-DD`, the last day the entry counts. */
  readonly expires?: string;
}

/** A reviewed baseline file: accepted deviations, each with a reason and an optional expiry date. */
export interface Baseline {
  readonly version: 1;
  readonly entries: readonly BaselineEntry[];
}

/** The reason `writeBaseline` puts on every entry until someone reviews it. */
export const UNREVIEWED_REASON = 'TODO: review';

/** Whether an entry's reason is still the placeholder {@link writeBaseline} wrote (or any reason starting `TODO`). */
export function isUnreviewed(entry: Pick<BaselineEntry, 'reason'>): boolean {
  return /^\s*TODO\b/i.test(entry.reason);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The live entry of `baseline` that accepts a deviation of `target` (matched by {@link deviationIdentity}), or
 * undefined. `today` (`YYYY-MM-DD`, or a `Date` taken in UTC) decides expiry: an entry is live up to and
 * including its `expires` day. Used by the report's gate and, deviation by deviation, by the suite's own tests.
 */
export function acceptingEntry(
  baseline: Baseline,
  target: string,
  located: LocatedDeviation,
  today: string | Date,
): BaselineEntry | undefined {
  const day = isoDay(today);
  const identity = deviationIdentity({ operation: located.operation, ...located.deviation });
  return baseline.entries.find(
    (entry) =>
      entry.target === target &&
      !(entry.expires !== undefined && entry.expires < day) &&
      deviationIdentity(entry) === identity,
  );
}

/** The deviations of `located` that fail a gate: severity `error` or `warning`, and accepted by no live entry. */
export function unacceptedDeviations(
  located: readonly LocatedDeviation[],
  baseline: Baseline | undefined,
  target: string,
  today: string | Date,
): LocatedDeviation[] {
  return located.filter(
    (entry) =>
      isBlocking(entry.deviation) &&
      (baseline === undefined || acceptingEntry(baseline, target, entry, today) === undefined),
  );
}

/** Validates an already-parsed baseline: its shape, its dates, and that no two entries share an identity. */
export function parseBaseline(value: unknown, source = 'baseline'): Baseline {
  if (!validateShape(value)) {
    const problems = (validateShape.errors ?? []).map(describeError);
    throw new Error(`baseline ${source} is malformed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const baseline = value as Baseline;
  const seen = new Set<string>();
  baseline.entries.forEach((entry, index) => {
    if (entry.expires !== undefined && !isRealDate(entry.expires)) {
      throw new Error(
        `baseline ${source}: /entries/${index}/expires '${entry.expires}' is not a calendar date (YYYY-MM-DD)`,
      );
    }
    const identity = baselineEntryIdentity(entry);
    if (seen.has(identity)) {
      throw new Error(
        `baseline ${source}: /entries/${index} duplicates an earlier entry for ${entry.target} ${entry.operation} ${entry.check} ${entry.kind} '${entry.path}'${entry.rule === undefined ? '' : ` [${entry.rule.name}]`}`,
      );
    }
    seen.add(identity);
  });
  return baseline;
}

/**
 * Reads and validates a baseline file, synchronously (a suite worker reads it once, before its tests).
 * @throws Error naming the file, and the entry and member where it is malformed.
 */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read baseline ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`baseline ${path} is not JSON: ${(error as Error).message}`);
  }
  return parseBaseline(value, path);
}

/** The identity of an entry: its target plus the deviation's identity. */
export function baselineEntryIdentity(entry: BaselineEntry): string {
  return `${entry.target}\u0000${deviationIdentity(entry)}`;
}

/** `today` as `YYYY-MM-DD` (a `Date` in UTC). @throws Error for an invalid date or text. */
export function isoDay(today: string | Date): string {
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw new Error('baseline: today is an invalid Date');
    return today.toISOString().slice(0, 10);
  }
  if (!DATE.test(today) || !isRealDate(today))
    throw new Error(`baseline: today must be YYYY-MM-DD, got '${today}'`);
  return today;
}

function isRealDate(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

const Ajv2020 = Ajv2020Module.default;

const BASELINE_SCHEMA = {
  type: 'object',
  required: ['version', 'entries'],
  additionalProperties: false,
  properties: {
    version: { const: 1 },
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['target', 'operation', 'check', 'kind', 'path', 'reason'],
        additionalProperties: false,
        properties: {
          target: { type: 'string', minLength: 1 },
          operation: { type: 'string', minLength: 1 },
          check: { enum: [...CHECK_NAMES] },
          kind: { enum: [...DEVIATION_KINDS] },
          path: { type: 'string' },
          rule: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: { name: { type: 'string', minLength: 1 } },
          },
          reason: { type: 'string', minLength: 1 },
          expires: { type: 'string', pattern: DATE.source },
        },
      },
    },
  },
} as const;

const validateShape = new Ajv2020({ allErrors: true, strict: true }).compile(BASELINE_SCHEMA);

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const where = error.instancePath === '' ? '/' : error.instancePath;
  if (typeof params['additionalProperty'] === 'string')
    return `${where}: unknown member '${params['additionalProperty']}'`;
  if (Array.isArray(params['allowedValues']))
    return `${where}: must be one of ${params['allowedValues'].join(', ')}`;
  return `${where}: ${error.message ?? error.keyword}`;
}
