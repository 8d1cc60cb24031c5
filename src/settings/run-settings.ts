import { expandOps } from './ops-names.ts';
import { resolve } from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { ALLOW_AWS_ENV } from '../targets/index.ts';

/**
 * How hard to look: `quick` for every CI build and `npm test`, `thorough` for nightly runs. Counts are runs per
 * fast-check property, stateful sequences, commands per sequence, and requests one rule's shrink may send.
 */
export const PROFILES = {
  quick: { runsPerProperty: 15, statefulRuns: 3, statefulMaxCommands: 8, shrinkBudget: 16 },
  thorough: { runsPerProperty: 200, statefulRuns: 25, statefulMaxCommands: 30, shrinkBudget: 200 },
} as const;
/** `quick` or `thorough`. */
export type ProfileName = keyof typeof PROFILES;

/** Everything about a run that is not the target: profile, seed, naming and which operations. */
export interface RunSettings {
  readonly profile: ProfileName;
  readonly runsPerProperty: number;
  readonly statefulRuns: number;
  readonly statefulMaxCommands: number;
  /** Requests one rule's shrink may send; past it the smallest example found so far is reported, marked so. */
  readonly shrinkBudget: number;
  readonly seed: number;
  readonly runId: string;
  /** Every resource the run creates starts with this, so a later `cleanup --prefix` finds leftovers. */
  readonly prefix: string;
  readonly startedAt: string;
  /** Operations to run; undefined means all. */
  readonly operations?: readonly string[];
  /** Client-side request rate against real AWS, whose quotas are per account (`COGNITO_CONFORMANCE_MAX_RPS`). */
  readonly awsRequestsPerSecond: number;
  /** How long one call may take before it is a transport failure (`--request-timeout`); default: the client's. */
  readonly requestTimeoutMs?: number;
  /**
   * Whether a test passes whatever it found (`--report-only`, `COGNITO_CONFORMANCE_REPORT_ONLY=1`). Otherwise each
   * operation × check test fails on a deviation of severity error or warning that {@link baseline} does not accept.
   * The CLI always runs its workers report-only and decides the exit code from the whole report.
   */
  readonly reportOnly: boolean;
  /** Absolute path of the reviewed baseline file the tests (and the report) are gated by, if any. */
  readonly baseline?: string;
  /** Where the report files go (absolute), named by a failing test's message. */
  readonly reportDir: string;
}

/** Cognito's lowest per-account rate for the pool/client operations the suite calls most (requests per second). */
export const AWS_SAFE_REQUESTS_PER_SECOND = 5;

/** The environment variables a run reads its settings from (plain `vitest` runs are configured this way). */
export const ENV = {
  profile: 'COGNITO_CONFORMANCE_PROFILE',
  seed: 'COGNITO_CONFORMANCE_SEED',
  runId: 'COGNITO_CONFORMANCE_RUN_ID',
  prefix: 'COGNITO_CONFORMANCE_PREFIX',
  operations: 'COGNITO_CONFORMANCE_OPS',
  runs: 'COGNITO_CONFORMANCE_RUNS',
  target: 'COGNITO_CONFORMANCE_TARGET',
  targetName: 'COGNITO_CONFORMANCE_TARGET_NAME',
  endpoint: 'COGNITO_CONFORMANCE_ENDPOINT',
  region: 'COGNITO_CONFORMANCE_REGION',
  image: 'COGNITO_CONFORMANCE_IMAGE',
  allowAws: ALLOW_AWS_ENV,
  startedAt: 'COGNITO_CONFORMANCE_STARTED_AT',
  maxRequestsPerSecond: 'COGNITO_CONFORMANCE_MAX_RPS',
  requestTimeoutMs: 'COGNITO_CONFORMANCE_REQUEST_TIMEOUT_MS',
  /** The target the CLI already started, as the JSON of its descriptor: the global set-up hands it on. */
  startedTarget: 'COGNITO_CONFORMANCE_STARTED_TARGET',
  /** The settings already resolved by the CLI or the global set-up, as JSON: read as they are, never drawn again. */
  resolved: 'COGNITO_CONFORMANCE_RESOLVED_SETTINGS',
  /**
   * A directory: every suite worker records its raw request stream there (`recordWire`), for `npm run bench` to
   * replay. Raw traffic, secrets included; the benchmark deletes it.
   */
  wireRecording: 'COGNITO_CONFORMANCE_WIRE_RECORDING',
  /** `1` or `true`: tests pass whatever they find (the report still lists it). */
  reportOnly: 'COGNITO_CONFORMANCE_REPORT_ONLY',
  /** A baseline file (as `--baseline`): tests fail only on deviations it does not accept. */
  baseline: 'COGNITO_CONFORMANCE_BASELINE',
  /** The report directory (as `--out`; default `reports`). */
  reportDir: 'COGNITO_CONFORMANCE_REPORT_DIR',
  /**
   * A directory holding another copy of `@aws-sdk/client-cognito-identity-provider` (its `package.json` and
   * entry), as `sdk-diff` installs one per version: vitest.config.ts aliases the SDK's import to it, so the suite
   * sends and parses through that version, and the report's `sdk.version` is its version. Unset: the pinned one.
   */
  sdkDir: 'COGNITO_CONFORMANCE_SDK_DIR',
} as const;

/**
 * The run's settings, resolved once per run. When the CLI (or an earlier global set-up) has already resolved
 * them, they are read back from {@link ENV.resolved} exactly, so the seed and run id are never drawn twice and
 * the prefix the workers create resources under is the prefix the CLI sweeps after an interrupt. Otherwise
 * they are resolved from the individual variables by {@link runSettingsFromEnv}.
 * @throws Error naming the variable when a value is malformed.
 */
export function resolveRunSettings(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const resolved = env[ENV.resolved];
  if (resolved === undefined) return runSettingsFromEnv(env);
  try {
    return JSON.parse(resolved) as RunSettings;
  } catch {
    throw new Error(`${ENV.resolved}: not the JSON of resolved run settings`);
  }
}

/** Hands resolved settings on to everything started after this point (vitest's global set-up and workers). */
export function exportRunSettings(settings: RunSettings, env: NodeJS.ProcessEnv = process.env): void {
  env[ENV.resolved] = JSON.stringify(settings);
}

/**
 * Resolves run settings from the individual environment variables: a missing seed or run id is drawn at
 * random here, so call this once per run (through {@link resolveRunSettings}) and hand the result on.
 * @throws Error naming the variable when a profile, seed or number is malformed.
 */
export function runSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const profile = (env[ENV.profile] ?? 'quick') as ProfileName;
  if (!(profile in PROFILES)) {
    throw new Error(`${ENV.profile}: unknown profile ${profile}; use ${Object.keys(PROFILES).join(' or ')}`);
  }
  const seed = env[ENV.seed] !== undefined ? parseSeed(env[ENV.seed] as string) : randomInt(0, 2 ** 31 - 1);
  const runId = env[ENV.runId] ?? randomBytes(4).toString('hex');
  const runs = positiveNumber(env, ENV.runs);
  const requestTimeoutMs = positiveNumber(env, ENV.requestTimeoutMs);
  const listed = env[ENV.operations]
    ?.split(',')
    .map((op) => op.trim())
    .filter(Boolean);
  const operations = listed === undefined ? undefined : knownOperations(ENV.operations, listed);
  return {
    profile,
    ...PROFILES[profile],
    ...(runs !== undefined ? { runsPerProperty: runs } : {}),
    seed,
    runId,
    prefix: env[ENV.prefix] ?? `cc-${runId}-`,
    startedAt: env[ENV.startedAt] ?? new Date().toISOString(),
    ...(operations && operations.length > 0 ? { operations } : {}),
    awsRequestsPerSecond: positiveNumber(env, ENV.maxRequestsPerSecond) ?? AWS_SAFE_REQUESTS_PER_SECOND,
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    reportOnly: flag(env, ENV.reportOnly),
    ...(env[ENV.baseline] ? { baseline: resolve(env[ENV.baseline] as string) } : {}),
    reportDir: resolve(env[ENV.reportDir] || 'reports'),
  };
}

/** A yes/no variable: `1` or `true` (any case) is yes; unset, empty, `0` or `false` is no; anything else an error. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = (env[name] ?? '').trim().toLowerCase();
  if (text === '' || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  throw new Error(`${name}: use 1 or 0 (true or false), got ${env[name]}`);
}

/**
 * The operations named, each in the committed specs' own spelling (matched case-insensitively), resource group
 * names expanded to their operations the suite judges (see {@link expandOps}).
 * @throws Error naming `source` (the flag or variable) and the known operations and groups when a name is unknown:
 *   an unknown name would otherwise make an empty run.
 */
export function knownOperations(source: string, names: readonly string[]): string[] {
  return expandOps(names, source);
}

/** A positive whole number from the environment, or undefined when unset; anything else is an error. */
function positiveNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(Number.isInteger(value) && value > 0))
    throw new Error(`${name}: expected a positive integer, got ${text}`);
  return value;
}

function parseSeed(text: string): number {
  const seed = Number(text);
  // fast-check seeds are 32-bit signed integers: a larger one would be cut down silently, and replay another run.
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed > 2 ** 31 - 1)
    throw new Error(`${ENV.seed}: expected an integer from -2147483648 to 2147483647, got ${text}`);
  return seed;
}

/**
 * A seed per test (a 32-bit integer) derived from the run seed and the test's name, so results do not depend
 * on file order or concurrency.
 */
export function seedFor(runSeed: number, name: string): number {
  let hash = runSeed | 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return hash;
}
