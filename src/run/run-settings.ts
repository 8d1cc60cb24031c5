import { randomBytes, randomInt } from 'node:crypto';

/** How hard to look: `quick` for every CI build and `npm test`, `thorough` for nightly runs. */
export const PROFILES = {
  quick: { runsPerProperty: 15, statefulRuns: 3, statefulMaxCommands: 8 },
  thorough: { runsPerProperty: 200, statefulRuns: 25, statefulMaxCommands: 30 },
} as const;
export type ProfileName = keyof typeof PROFILES;

/** Everything about a run that is not the target: profile, seed, naming and which operations. */
export interface RunSettings {
  readonly profile: ProfileName;
  readonly runsPerProperty: number;
  readonly statefulRuns: number;
  readonly statefulMaxCommands: number;
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
}

/** Cognito's lowest per-account rate for the pool/client operations the suite calls most (requests per second). */
export const AWS_SAFE_REQUESTS_PER_SECOND = 5;

export const ENV = {
  profile: 'COGNITO_CONFORMANCE_PROFILE',
  seed: 'COGNITO_CONFORMANCE_SEED',
  runId: 'COGNITO_CONFORMANCE_RUN_ID',
  prefix: 'COGNITO_CONFORMANCE_PREFIX',
  operations: 'COGNITO_CONFORMANCE_OPS',
  runs: 'COGNITO_CONFORMANCE_RUNS',
  target: 'COGNITO_CONFORMANCE_TARGET',
  endpoint: 'COGNITO_CONFORMANCE_ENDPOINT',
  region: 'COGNITO_CONFORMANCE_REGION',
  image: 'COGNITO_CONFORMANCE_IMAGE',
  allowAws: 'COGNITO_CONFORMANCE_ALLOW_AWS',
  startedAt: 'COGNITO_CONFORMANCE_STARTED_AT',
  maxRequestsPerSecond: 'COGNITO_CONFORMANCE_MAX_RPS',
  requestTimeoutMs: 'COGNITO_CONFORMANCE_REQUEST_TIMEOUT_MS',
} as const;

/** Reads run settings from the environment, which is how the CLI and plain `vitest` both configure a run. */
export function runSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const profile = (env[ENV.profile] ?? 'quick') as ProfileName;
  if (!(profile in PROFILES)) {
    throw new Error(`${ENV.profile}: unknown profile ${profile}; use ${Object.keys(PROFILES).join(' or ')}`);
  }
  const seed = env[ENV.seed] !== undefined ? parseSeed(env[ENV.seed] as string) : randomInt(0, 2 ** 31 - 1);
  const runId = env[ENV.runId] ?? randomBytes(4).toString('hex');
  const runs = positiveNumber(env, ENV.runs);
  const requestTimeoutMs = positiveNumber(env, ENV.requestTimeoutMs);
  const operations = env[ENV.operations]
    ?.split(',')
    .map((op) => op.trim())
    .filter(Boolean);
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
  };
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
  if (!Number.isInteger(seed)) throw new Error(`${ENV.seed}: expected an integer seed, got ${text}`);
  return seed | 0;
}

/** A seed per test derived from the run seed and the test's name, so results do not depend on file order. */
export function seedFor(runSeed: number, name: string): number {
  let hash = runSeed | 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return hash;
}
