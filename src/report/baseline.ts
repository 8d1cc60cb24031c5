import { readFile } from 'node:fs/promises';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import {
  CHECK_NAMES,
  type CheckName,
  DEVIATION_KINDS,
  deviationIdentity,
  type DeviationKind,
  identityOf,
  isBlocking,
  type LocatedDeviation,
  locateDeviations,
  Normaliser,
  type Report,
} from '../deviations/index.ts';

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

export interface AcceptedDeviation extends LocatedDeviation {
  readonly entry: BaselineEntry;
}

/** A report judged against a baseline: accepted, new, expired and no longer seen. */
export interface BaselineResult {
  /** Blocking (`error`/`warning`) deviations no live entry accepts: these fail the run. */
  readonly newDeviations: readonly LocatedDeviation[];
  /** Deviations (any severity) a live entry accepts. */
  readonly accepted: readonly AcceptedDeviation[];
  /** This target's entries past their expiry date: they accept nothing and should be renewed or removed. */
  readonly expired: readonly BaselineEntry[];
  /** This target's live entries that matched nothing: the deviation is gone, the entry can go too. */
  readonly fixed: readonly BaselineEntry[];
}

/** The reason `writeBaseline` puts on every entry until someone reviews it. */
export const UNREVIEWED_REASON = 'TODO: review';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Splits a report's deviations by the baseline for its target. `today` (a `YYYY-MM-DD` string, or a `Date`
 * taken in UTC) decides expiry: an entry is live up to and including its `expires` day.
 */
export function applyBaseline(report: Report, baseline: Baseline, today: string | Date): BaselineResult {
  const day = isoDay(today);
  const mine = baseline.entries.filter((entry) => entry.target === report.target.name);
  const isExpired = (entry: BaselineEntry): boolean => entry.expires !== undefined && entry.expires < day;
  const expired = mine.filter(isExpired);
  const live = new Map(
    mine.filter((entry) => !isExpired(entry)).map((entry) => [deviationIdentity(entry), entry]),
  );
  const matched = new Set<BaselineEntry>();
  const accepted: AcceptedDeviation[] = [];
  const newDeviations: LocatedDeviation[] = [];
  for (const located of locateDeviations(report)) {
    const entry = live.get(identityOf(located));
    if (entry !== undefined) {
      matched.add(entry);
      accepted.push({ ...located, entry });
    } else if (isBlocking(located.deviation)) {
      newDeviations.push(located);
    }
  }
  const fixed = [...live.values()].filter((entry) => !matched.has(entry));
  return { newDeviations, accepted, expired, fixed };
}

/**
 * The process exit code for a finished run: 1 when a blocking (`error`/`warning`) deviation is not accepted —
 * by the baseline when one is given (then only new ones count), else any — and 0 otherwise. An unsupported
 * operation fails the run only through its `unsupported` deviation, which a baseline may accept. (Exit code 2,
 * for usage errors and tool failures, is the CLI's.)
 */
export function exitCodeFor(report: Report, baselineResult?: BaselineResult): 0 | 1 {
  if (baselineResult !== undefined) return baselineResult.newDeviations.length > 0 ? 1 : 0;
  return locateDeviations(report).some((located) => isBlocking(located.deviation)) ? 1 : 0;
}

/**
 * A baseline accepting every blocking deviation of `report`, one entry per identity, sorted, with volatile
 * parts of paths tokenised — a starting point for review, never to be committed unread (hence the reason).
 */
export function writeBaseline(report: Report, reason: string = UNREVIEWED_REASON): Baseline {
  const blocking = locateDeviations(report).filter((located) => isBlocking(located.deviation));
  return { version: 1, entries: baselineEntries(report.target.name, blocking, reason) };
}

/** Baseline entries for chosen deviations of one target (e.g. a `BaselineResult`'s new ones), deduplicated and sorted. */
export function baselineEntries(
  target: string,
  deviations: readonly LocatedDeviation[],
  reason: string = UNREVIEWED_REASON,
): BaselineEntry[] {
  const entries = new Map<string, BaselineEntry>();
  for (const { operation, deviation } of deviations) {
    const { check, kind, path } = deviation;
    const entry: BaselineEntry = {
      target,
      operation,
      check,
      kind,
      path: new Normaliser().string(path),
      reason,
    };
    entries.set(entryIdentity(entry), entry);
  }
  return [...entries.values()].sort(compareEntries);
}

/** The baseline file's text: two-space indented, trailing newline. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads and validates a baseline file; every problem is named with the file and the entry it is in. */
export async function loadBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
    const identity = entryIdentity(entry);
    if (seen.has(identity)) {
      throw new Error(
        `baseline ${source}: /entries/${index} duplicates an earlier entry for ${entry.target} ${entry.operation} ${entry.check} ${entry.kind} '${entry.path}'`,
      );
    }
    seen.add(identity);
  });
  return baseline;
}

function entryIdentity(entry: BaselineEntry): string {
  return `${entry.target}\u0000${deviationIdentity(entry)}`;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const keys = (e: BaselineEntry): string[] => [e.target, e.operation, e.check, e.kind, e.path];
  const [ka, kb] = [keys(a), keys(b)];
  for (let i = 0; i < ka.length; i += 1) {
    const order = (ka[i] ?? '').localeCompare(kb[i] ?? '', 'en');
    if (order !== 0) return order;
  }
  return 0;
}

function isoDay(today: string | Date): string {
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw new Error('applyBaseline: today is an invalid Date');
    return today.toISOString().slice(0, 10);
  }
  if (!DATE.test(today) || !isRealDate(today))
    throw new Error(`applyBaseline: today must be YYYY-MM-DD, got '${today}'`);
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
