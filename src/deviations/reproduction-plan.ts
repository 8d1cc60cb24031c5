import type { CheckName } from './check-name.ts';
import type { ReportDeviation } from './deviation.ts';
import { isUnknownId, UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from './unknown-ids.ts';

/** What the report writes for the run's resource prefix (`cc-<runid>-`): every name the run made carries it. */
export const REPORT_PREFIX_TOKEN = 'cc-<run>-';

/**
 * Checks whose deviations no single request shows: they judge a sequence (stateful command runs, write-then-read
 * round trips), or requests whose set-up the report does not hold (the auth check's clients with or without a
 * secret, disabled flows, wrong passwords; the certificate and the change probes). They are reproduced by
 * replaying the check, not by sending the report's request.
 */
export const REPLAYED_CHECKS: ReadonlySet<CheckName> = new Set<CheckName>([
  'stateful',
  'round-trip',
  'auth',
  'signing-certificate',
  'changes',
  'behaviour',
]);

/** Whether a deviation of `check` is reproduced by replaying its check rather than by one request. */
export function isReplayedCheck(check: CheckName): boolean {
  return REPLAYED_CHECKS.has(check);
}

/** One value a reproduction makes: the report tokens that stand for it and the shell variable that holds it. */
export interface PlannedValue {
  /** The shell variable of a reproduction script (`POOL_ID_1`); also the key a runner fills values in under. */
  readonly variable: string;
  /** The report's tokens this value replaces (`<pool-id:1>`, `<redacted:PASSWORD>`…); may be empty. */
  readonly tokens: readonly string[];
}

/**
 * What a report deviation's minimal request needs before it can be sent again, read off the tokens in the request
 * as the report writes it (normalised and redacted):
 * - each `<pool-id:N>` is a live user pool (`POOL_ID_N`);
 * - a client id (`<redacted:ClientId>`, or `<client-id:N>` in an unredacted report) is an app client, in the
 *   request's own pool or, when the request names none, in a pool of the set-up's (`POOL_ID`);
 * - `AuthParameters.USERNAME` is a confirmed user in that pool with a permanent password, `<redacted:PASSWORD>` is
 *   that password (a new one: the run's is never in a report), `<redacted:REFRESH_TOKEN>` a refresh token from a
 *   sign-in of that user;
 * - `cc-<run>-` is a fresh prefix, so whatever the request names is new and found again at clean-up;
 * - the suite's own unknown ids (`UNKNOWN_USER_POOL_ID`, `UNKNOWN_CLIENT_ID`), which reports keep verbatim, must
 *   name nothing: they are sent as they are (`unknownIds`), and the request's other ids are made as above.
 * The same for every check: the error-shape check sends one unknown id at a time, beside real ones. Tokens
 * nothing here makes (a `SECRET_HASH`, a session) are listed in `unresolved`.
 */
export interface ReproductionPlan {
  /** One per `<pool-id:N>` token, in order of first appearance. */
  readonly pools: readonly PlannedValue[];
  /** A pool the set-up adds for the client or user when the request names no pool. */
  readonly ownPool?: PlannedValue;
  /** The variable of the pool the client and user live in (one of `pools`, or `ownPool`). */
  readonly homePool?: string;
  readonly client?: PlannedValue;
  /** The user the request signs in as; `username` is the report's text of its name. */
  readonly user?: PlannedValue & { readonly username: string };
  readonly password?: PlannedValue;
  readonly refreshToken?: PlannedValue;
  /** The suite's unknown ids the request names, in order of first appearance: sent as they are, to name nothing. */
  readonly unknownIds: readonly string[];
  /** Whether the request holds the run prefix token. */
  readonly usesPrefix: boolean;
  /** Tokens of the request that no set-up step makes: sent as the report's text. */
  readonly unresolved: readonly string[];
}

const POOL_TOKEN = /<pool-id:\d+>/g;
const CLIENT_TOKEN = /^(?:<redacted:ClientId>|<client-id:\d+>)$/;
const ANY_TOKEN = /<(?:redacted:[^<>]+|[a-z][a-z-]*:\d+)>/g;
const PASSWORD_TOKENS = ['<redacted:PASSWORD>', '<redacted:Password>'];
const REFRESH_TOKENS = ['<redacted:REFRESH_TOKEN>', '<redacted:RefreshToken>'];

/** Where a deviation sits: its operation and the JSON pointer of its finding (see {@link reproductionPlan}). */
export interface DeviationPlace {
  readonly operation: string;
  readonly path: string;
}

/** A finding inside an item of ListUserPools' answer: the answer must hold a pool for it to show. */
const LISTED_POOL_ITEM = /^\/UserPools\/(?:\d+|\*)(?:\/|$)/;

/** How a report shows an `AuthParameters.USERNAME` (sensitive in the model); a set-up's sign-in uses it too. */
export const REDACTED_USERNAME = '<redacted:USERNAME>';

/**
 * The {@link ReproductionPlan} of a report deviation's request. Pure: reads only the request's text, and, when
 * `place` is given, whether the finding sits inside a listed item the request does not name (a member of a pool
 * that ListUserPools lists: the set-up then makes one pool, `LISTED_POOL_ID`, for the answer to hold). Source: the
 * report's tokens and the unknown ids it keeps (see `Normaliser` and `redactSecrets`).
 */
export function reproductionPlan(request: unknown, place?: DeviationPlace): ReproductionPlan {
  const strings = stringsOf(request);
  const poolTokens = unique(strings.flatMap((text) => text.match(POOL_TOKEN) ?? []));
  const listedPool =
    place?.operation === 'ListUserPools' && LISTED_POOL_ITEM.test(place.path) && poolTokens.length === 0
      ? [{ variable: 'LISTED_POOL_ID', tokens: [] }]
      : [];
  const pools = [
    ...poolTokens.map((token) => ({ variable: `POOL_ID_${token.slice(9, -1)}`, tokens: [token] })),
    ...listedPool,
  ];
  const clientTokens = unique(memberValues(request, 'ClientId').filter((value) => CLIENT_TOKEN.test(value)));
  const parameters = objectMember(request, 'AuthParameters');
  const username = parameters?.['USERNAME'];
  // The model marks user names sensitive, so a report holds `<redacted:USERNAME>`: the set-up makes a user of its own.
  const redactedUsername =
    typeof username === 'string' && /^<redacted:[^>]+>$/.test(username) ? username : undefined;
  const passwordTokens = PASSWORD_TOKENS.filter((token) => strings.some((text) => text.includes(token)));
  const refreshTokens = REFRESH_TOKENS.filter((token) => strings.some((text) => text.includes(token)));
  const needsUser = typeof username === 'string' || passwordTokens.length > 0 || refreshTokens.length > 0;
  const needsClient = clientTokens.length > 0 || refreshTokens.length > 0;
  const live = needsClient || needsUser;
  const ownPool = live && pools.length === 0 ? { variable: 'POOL_ID', tokens: [] } : undefined;
  const requestPool = poolTokenOf(request);
  const homePool = live
    ? (ownPool?.variable ?? (requestPool ? `POOL_ID_${requestPool.slice(9, -1)}` : pools[0]?.variable))
    : undefined;
  const resolved = new Set<string>([
    ...poolTokens,
    ...clientTokens,
    ...(needsUser ? [...passwordTokens, ...refreshTokens] : []),
    ...(needsUser ? [REDACTED_USERNAME] : []),
    ...(redactedUsername !== undefined ? [redactedUsername] : []),
  ]);
  return {
    pools,
    ...(ownPool ? { ownPool } : {}),
    ...(homePool !== undefined ? { homePool } : {}),
    ...(needsClient ? { client: { variable: 'CLIENT_ID_1', tokens: clientTokens } } : {}),
    ...(needsUser
      ? {
          user: {
            variable: 'USERNAME_1',
            // The set-up's own sign-in names its user by this token too (the model marks USERNAME's value sensitive).
            tokens: unique([
              REDACTED_USERNAME,
              ...(redactedUsername !== undefined ? [redactedUsername] : []),
            ]),
            username:
              typeof username === 'string' && redactedUsername === undefined
                ? username
                : `${REPORT_PREFIX_TOKEN}user@example.com`,
          },
          password: { variable: 'PASSWORD_1', tokens: passwordTokens },
        }
      : {}),
    ...(needsUser && refreshTokens.length > 0
      ? { refreshToken: { variable: 'REFRESH_TOKEN_1', tokens: refreshTokens } }
      : {}),
    unknownIds: unique(strings.filter(isUnknownId)),
    usesPrefix: strings.some((text) => text.includes(REPORT_PREFIX_TOKEN)),
    unresolved: unique(strings.flatMap((text) => text.match(ANY_TOKEN) ?? [])).filter(
      (token) => !resolved.has(token),
    ),
  };
}

/**
 * Why a deviation of the error-shape check cannot be sent again, when its request names none of the suite's
 * unknown ids: reports written before they were kept verbatim numbered every id alike, so which one named nothing
 * is lost, and making them all would send a valid request. Undefined when it can (a request with an unknown id,
 * or a `transport` finding, which that check records on the request with the real ids).
 */
export function unsaidUnknownId(
  deviation: Pick<ReportDeviation, 'check' | 'kind'>,
  plan: Pick<ReproductionPlan, 'unknownIds'>,
): string | undefined {
  if (deviation.check !== 'error-shape' || deviation.kind === 'transport' || plan.unknownIds.length > 0)
    return undefined;
  return (
    `the request names neither ${UNKNOWN_USER_POOL_ID} nor ${UNKNOWN_CLIENT_ID}, so the report does not say which ` +
    'of its ids named nothing (a report of an earlier version numbers them all): run the suite again for one that does'
  );
}

/** Every value of the plan with its tokens, in set-up order (pools, client, user, password, refresh token). */
export function plannedValues(plan: ReproductionPlan): PlannedValue[] {
  return [
    ...plan.pools,
    ...(plan.ownPool ? [plan.ownPool] : []),
    ...(plan.client ? [plan.client] : []),
    ...(plan.user ? [plan.user] : []),
    ...(plan.password ? [plan.password] : []),
    ...(plan.refreshToken ? [plan.refreshToken] : []),
  ];
}

/**
 * `request` with the report's tokens replaced: each token of a planned value by `values[variable]`, and the run
 * prefix token by `prefix`. Tokens without a value stay as they are. Returns a deep copy.
 */
export function fillReportTokens(
  request: unknown,
  plan: ReproductionPlan,
  values: Readonly<Record<string, string>>,
  prefix: string,
): unknown {
  const pairs: [string, string][] = [[REPORT_PREFIX_TOKEN, prefix]];
  for (const planned of plannedValues(plan)) {
    const value = values[planned.variable];
    if (value !== undefined) for (const token of planned.tokens) pairs.push([token, value]);
  }
  const fill = (text: string) =>
    pairs.reduce((result, [token, value]) => result.split(token).join(value), text);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return fill(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [fill(key), walk(item)]));
  };
  return walk(request);
}

function poolTokenOf(request: unknown): string | undefined {
  const id = (request as { UserPoolId?: unknown } | null)?.UserPoolId;
  return typeof id === 'string' && /^<pool-id:\d+>$/.test(id) ? id : undefined;
}

function objectMember(value: unknown, member: string): Record<string, unknown> | undefined {
  const item = (value as Record<string, unknown> | null)?.[member];
  return typeof item === 'object' && item !== null && !Array.isArray(item)
    ? (item as Record<string, unknown>)
    : undefined;
}

/** String values under `member` anywhere in `value`. */
function memberValues(value: unknown, member: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => memberValues(item, member));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === member && typeof item === 'string' ? [item] : memberValues(item, member),
  );
}

/** Every string in `value`: member values and map keys alike. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
