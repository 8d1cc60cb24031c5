import { randomBytes } from 'node:crypto';
import { excludedFlowsOf, signInForSetup } from '../auth/index.ts';
import { announcedChanges } from '../changes/index.ts';
import {
  checkSdkParse,
  evaluateInvalidExchange,
  evaluateNotFoundExchange,
  evaluateValidExchange,
  SDK_PARSE_CHECK,
} from '../checks/index.ts';
import {
  type CheckName,
  checkNameOf,
  deviationIdentity,
  type Evaluation,
  fillReportTokens,
  type Finding,
  isRedactionExempt,
  isReplayedCheck,
  isSecretMember,
  type LocatedDeviation,
  REPORT_PREFIX_TOKEN,
  type ReproductionPlan,
  reproductionPlan,
  stableStringify,
  unsaidUnknownId,
} from '../deviations/index.ts';
import { CheckRecorder } from '../engine/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { ResourceFactory, SetupError } from '../resources/index.ts';
import { PROFILES, type ProfileName } from '../settings/index.ts';
import { loadResourceGraph, specFor, type SpecValidators } from '../spec/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import {
  type CallResult,
  projectSdkVersion,
  sdkEnumValues,
  type TargetDescriptor,
  type WireClient,
} from '../wire/index.ts';
import {
  runDisabledFlows,
  runExcludedFlows,
  runPasswordFlows,
  runRefreshFlow,
  runSecretClient,
  runWrongPassword,
} from './auth-runs.ts';
import { runChange } from './change-runs.ts';
import { runFamilyRoundTrip } from './family-round-trips.ts';
import { relatedListings, runRelatedListing } from './related-listings.ts';
import { createdPoolId } from './operation-prerequisites.ts';
import {
  createUserPoolClientRoundTrip,
  createUserPoolRoundTrip,
  updateUserPoolClientLastModified,
  updateUserPoolClientRoundTrip,
  updateUserPoolLastModified,
  updateUserPoolRoundTrip,
} from './round-trip-scenarios.ts';
import { createScenarioContext, type ScenarioContext } from './scenario-context.ts';
import { runSigningCertificate } from './signing-certificate-run.ts';
import { runStateful, sweepMaxResults } from './stateful-runs.ts';
import { runBehaviour } from './behaviour-runs.ts';

/** What a reproduction runs with: the specs, a client on a fresh target, and the report's run (seed, profile). */
export interface ReproductionParts {
  readonly specs: readonly OperationSpec[];
  readonly validators: SpecValidators;
  readonly target: TargetDescriptor;
  /** The client every request goes through; its exchanges are what the reproduction shows. */
  readonly wire: Pick<WireClient, 'send' | 'sendRaw' | 'onExchange'>;
  /** A fresh prefix (`cc-<id>-`): everything the reproduction creates carries it and is deleted at the end. */
  readonly prefix: string;
  /** The report's run: a replayed check draws its generated requests from this seed, with this profile's counts. */
  readonly run: { readonly seed: number; readonly profile: string; readonly startedAt?: string };
  /** The SDK version the report was made with (`report.sdk.version`): an sdk-parse deviation is the SDK's reading. */
  readonly sdkVersion?: string;
}

/** How a deviation was sent again: its own minimal request, or its check replayed. */
export type ReproductionMethod = 'request' | 'replay';

/** What a reproduction found: whether the same rule is still broken, and the exchanges that show it. */
export interface Reproduction {
  /**
   * `reproduced`: a finding with the deviation's identity recurred; `not-reproduced`: the same request (or the
   * replayed check) judged and the rule held; `inconclusive`: nothing could be judged (set-up refused, the
   * member the rule is about is redacted in the report, no answer).
   */
  readonly outcome: 'reproduced' | 'not-reproduced' | 'inconclusive';
  readonly method: ReproductionMethod;
  /** The recurring finding, when reproduced. */
  readonly finding?: Finding;
  /** Why it is inconclusive, or notes on what was sent (tokens no set-up makes, the scenario replayed). */
  readonly notes: readonly string[];
  /** The set-up's exchanges (request method), before the request. */
  readonly setup: readonly Exchange[];
  /**
   * The exchanges that show it: the request (request method), or the replay's minimal case: the exchanges of the
   * run that recorded the recurring finding (at most {@link MAX_SHOWN_EXCHANGES}, the last ones).
   */
  readonly exchanges: readonly Exchange[];
  /** Exchanges sent in all, set-up and clean-up included. */
  readonly sent: number;
  /** Values of this reproduction that are secret (passwords, client ids and secrets, tokens), for redaction. */
  readonly secrets: readonly string[];
}

/** The most exchanges a replay shows: the end of the run that recorded the finding. */
export const MAX_SHOWN_EXCHANGES = 12;

/** A fresh resource prefix, as a run draws one (`cc-<8 hex>-`). */
export function freshPrefix(): string {
  return `cc-${randomBytes(4).toString('hex')}-`;
}

/**
 * Sends a report deviation again and judges it with the same check:
 * - deviations one request shows (positive, negative, wire-format, response-schema, error-shape): the minimal
 *   request from the report, after a set-up of what its tokens stand for (see `reproductionPlan`), sent raw so it
 *   reaches the target as the report shows it, judged by the check that found it. The suite's own unknown ids
 *   (an error-shape request names one, beside real ids) are sent as they are; an error-shape request naming none
 *   (a report of an earlier version, which numbered every id) is `inconclusive` (see `unsaidUnknownId`);
 * - the others (stateful, round-trip, auth, signing-certificate, changes; see `isReplayedCheck`): the check's
 *   scenarios for the operation, replayed with the report's seed and profile, one after another until one records
 *   a finding of the same identity.
 * "Still broken" means a finding whose `deviationIdentity` equals the deviation's. Everything made is deleted at
 * the end, also when it fails.
 * @throws Error when the set-up or a scenario fails inside the tool (a refused set-up is `inconclusive`).
 */
export async function reproduceDeviation(
  parts: ReproductionParts,
  located: LocatedDeviation,
): Promise<Reproduction> {
  const log: Exchange[] = [];
  const stop = parts.wire.onExchange((exchange) => log.push(exchange));
  try {
    return isReplayedCheck(located.deviation.check)
      ? await replay(parts, located, log)
      : await sendAgain(parts, located, log);
  } finally {
    stop();
  }
}

const identityOfFinding = (operation: string, check: CheckName, finding: Finding) =>
  deviationIdentity({
    operation,
    check,
    kind: finding.kind,
    path: finding.path,
    ...(finding.rule ? { rule: finding.rule } : {}),
  });

async function sendAgain(
  parts: ReproductionParts,
  located: LocatedDeviation,
  log: Exchange[],
): Promise<Reproduction> {
  const { operation, deviation } = located;
  const spec = specFor(parts.specs, operation);
  const plan = reproductionPlan(deviation.request, { operation, path: deviation.path });
  const resources = new ResourceFactory(parts.wire as WireClient, parts.prefix);
  const secrets: string[] = [];
  const notes = plan.unresolved.map(
    (token) => `${token} stands for a value no set-up makes: it was sent as the report writes it`,
  );
  const redactedMember = redactedRuleMember(deviation.path, deviation.request);
  const inconclusive = (note: string, setup: readonly Exchange[] = log.slice()): Reproduction => ({
    outcome: 'inconclusive',
    method: 'request',
    notes: [...notes, note],
    setup,
    exchanges: [],
    sent: log.length,
    secrets,
  });
  if (redactedMember !== undefined)
    return inconclusive(
      `the rule is about ${redactedMember}, whose value the report redacts: the request that broke it cannot be rebuilt`,
    );
  const unsaid = unsaidUnknownId(deviation, plan);
  if (unsaid !== undefined) return inconclusive(unsaid);
  const reading = otherSdk(parts, deviation);
  if (reading !== undefined) return inconclusive(reading);
  for (const id of plan.unknownIds)
    notes.push(`${id} is the suite's own made-up id: it was sent as it is, to name nothing`);
  try {
    const outcome = await attempt(plan);
    return typeof outcome === 'string' ? inconclusive(outcome) : outcome;
  } catch (error) {
    if (error instanceof SetupError)
      return inconclusive(`set-up needs ${error.operation}, which failed (HTTP ${error.exchange.status})`);
    throw error;
  } finally {
    await resources.cleanup();
  }

  /** Sets up what `attempted` needs, sends the request, judges it; a string says why it could not. */
  async function attempt(attempted: ReproductionPlan): Promise<Reproduction | string> {
    const from = log.length;
    const values = await makeSetUp(parts, attempted, resources, secrets);
    if (typeof values === 'string') return values;
    const request = fillReportTokens(deviation.request, attempted, values, parts.prefix);
    const setup = log.slice(from);
    const sent = await parts.wire.sendRaw(operation, request);
    const created = createdPoolId(sent.exchange.body);
    if (created !== undefined && operation === 'CreateUserPool' && sent.exchange.status === 200)
      resources.adoptPool(created);
    collectSecrets(sent.exchange, secrets);
    const evaluation = judge(parts, spec, located, sent, request);
    const wanted = deviationIdentity({ operation, ...deviation });
    const match = evaluation.findings.find(
      (checked) =>
        checkNameOf(checked.check) === deviation.check &&
        identityOfFinding(operation, deviation.check, checked.finding) === wanted,
    );
    const judged = evaluation.judged.some((check) => checkNameOf(check) === deviation.check);
    if (!match && judged && echoedState(deviation))
      return `the answer held a value (at ${deviation.path}) that the request does not send: state an earlier request left, which this request alone does not make`;
    return {
      outcome: match ? 'reproduced' : judged ? 'not-reproduced' : 'inconclusive',
      method: 'request',
      ...(match ? { finding: match.finding } : {}),
      notes: judged ? notes : [...notes, `the ${deviation.check} check could not judge the answer`],
      setup,
      exchanges: [sent.exchange],
      sent: log.length,
      secrets,
    };
  }
}

/** Why an sdk-parse deviation cannot be judged here: the report read answers with another SDK version than this. */
function otherSdk(parts: ReproductionParts, deviation: LocatedDeviation['deviation']): string | undefined {
  if (deviation.check !== 'sdk-parse' || parts.sdkVersion === undefined) return undefined;
  const here = projectSdkVersion();
  return parts.sdkVersion === here
    ? undefined
    : `the report read answers with SDK ${parts.sdkVersion} and this reproduction would with ${here}; ` +
        `compare versions with sdk-diff`;
}

/**
 * Whether an sdk-parse deviation's answer echoed what an earlier request stored, so that sending this request again
 * proves nothing either way: the member it is about is named nowhere in the request, or its wire value (every string
 * or number in it) is absent from the request.
 */
function echoedState(deviation: LocatedDeviation['deviation']): boolean {
  if (deviation.check !== 'sdk-parse') return false;
  const member = deviation.path
    .split('/')
    .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
    .at(-1);
  if (member !== undefined && !keysOf(deviation.request).includes(member)) return true;
  const value = deviation.kind === 'enum-value' ? deviation.actual : deviation.expected;
  const wanted = leaves(value);
  if (wanted.length === 0 || wanted.some((leaf) => String(leaf).startsWith('<'))) return false;
  const sent = new Set(leaves(deviation.request).map(String));
  return !wanted.some((leaf) => sent.has(String(leaf)));
}

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [key, ...keysOf(item)]);
}

function leaves(value: unknown): (string | number)[] {
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [];
}

/**
 * Makes what the plan's tokens stand for; returns the values by variable, or why it could not.
 * @throws SetupError when the target refuses a pool, client or user.
 */
async function makeSetUp(
  parts: ReproductionParts,
  plan: ReproductionPlan,
  resources: ResourceFactory,
  secrets: string[],
): Promise<Record<string, string> | string> {
  const values: Record<string, string> = {};
  for (const pool of [...plan.pools, ...(plan.ownPool ? [plan.ownPool] : [])])
    values[pool.variable] = (await resources.pool()).id;
  const home = plan.homePool === undefined ? undefined : values[plan.homePool];
  if (home === undefined) return values;
  if (plan.client) {
    const client = await resources.appClient(home);
    values[plan.client.variable] = client.clientId;
    secrets.push(client.clientId, ...(client.clientSecret ? [client.clientSecret] : []));
  }
  if (plan.user && plan.password) {
    const username = plan.user.username.split(REPORT_PREFIX_TOKEN).join(parts.prefix);
    const password = `Aa1!${randomBytes(9).toString('base64url')}`;
    secrets.push(password);
    await requireOk(parts, 'AdminCreateUser', {
      UserPoolId: home,
      Username: username,
      MessageAction: 'SUPPRESS',
      ...(username.includes('@') ? { UserAttributes: [{ Name: 'email', Value: username }] } : {}),
    });
    await requireOk(parts, 'AdminSetUserPassword', {
      UserPoolId: home,
      Username: username,
      Password: password,
      Permanent: true,
    });
    values[plan.user.variable] = username;
    values[plan.password.variable] = password;
    if (plan.refreshToken && plan.client) {
      const clientId = values[plan.client.variable] as string;
      const tokens = await signInForSetup(
        parts.wire,
        { userPoolId: home, clientId },
        { username, password },
        'refreshToken',
      );
      if (!tokens?.refreshToken) return 'no password sign-in yielded the refresh token the request needs';
      secrets.push(tokens.refreshToken, ...(tokens.idToken ? [tokens.idToken] : []));
      values[plan.refreshToken.variable] = tokens.refreshToken;
    }
  }
  return values;
}

async function requireOk(parts: ReproductionParts, operation: string, input: object): Promise<void> {
  const result = await parts.wire.send(operation, input);
  if (result.error || result.exchange.status !== 200) throw new SetupError(operation, result.exchange);
}

/**
 * The check that found the deviation, on the new exchange: an sdk-parse deviation as what the SDK made of it, a
 * negative deviation as a request breaking the rule
 * at its path, an error-shape one as an unknown id, the rest as a valid request (or, when the request does not
 * validate against the spec, as an invalid one whose envelope is judged).
 */
function judge(
  parts: ReproductionParts,
  spec: OperationSpec,
  located: LocatedDeviation,
  sent: CallResult,
  request: unknown,
): Evaluation {
  const { deviation } = located;
  const { exchange } = sent;
  const broken = { rule: 'the rule', path: deviation.path, rulePath: deviation.path };
  switch (deviation.check) {
    case 'sdk-parse':
      return {
        judged: [SDK_PARSE_CHECK],
        findings: checkSdkParse(spec, sent, { enumValues: sdkEnumValues }).map((finding) => ({
          check: SDK_PARSE_CHECK,
          finding,
        })),
      };
    case 'negative':
      return evaluateInvalidExchange(spec, exchange, broken);
    case 'error-shape':
      return evaluateNotFoundExchange(spec, exchange);
    default:
      return parts.validators.requestErrors(spec.operation, request).length === 0
        ? evaluateValidExchange(spec, parts.validators, exchange)
        : evaluateInvalidExchange(spec, exchange, broken);
  }
}

/** The request member a rule's path is about, when the report redacts its value (so the request cannot be rebuilt). */
function redactedRuleMember(path: string, request: Record<string, unknown>): string | undefined {
  const member = path.split('/')[1];
  if (member === undefined || member === '' || member.startsWith('$')) return undefined;
  const value = request[member];
  return typeof value === 'string' && value.startsWith('<redacted:') && path !== `/${member}`
    ? member
    : undefined;
}

/** Secret values an exchange carries (by member name: tokens, passwords, client ids), so the output can hide them. */
function collectSecrets(exchange: Exchange, secrets: string[]): void {
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      // The suite's public unknown client id is no secret: the output shows it, as the report does.
      // A secret member may hold a flag or a number (an attribute's Value "true"): replacing every such word in
      // the output would shred it while hiding nothing guessable.
      if (
        key !== undefined &&
        isSecretMember(key) &&
        !isRedactionExempt(key, value) &&
        !/^(?:true|false|-?\d+(?:\.\d+)?)$/.test(value) &&
        !secrets.includes(value)
      )
        secrets.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value !== null && typeof value === 'object')
      for (const [member, item] of Object.entries(value)) walk(item, member);
  };
  walk(exchange.request);
  walk(exchange.body);
}

/** One scenario a replay may run for a check and operation, with a name for the output. */
interface ReplayStep {
  readonly name: string;
  readonly run: (context: ScenarioContext) => Promise<unknown>;
}

/**
 * The scenarios that judge `check` on `operation`, in the order a replay tries them (the suites run the same
 * ones: suites/auth.suite.ts, stateful.suite.ts, round-trip.suite.ts, last-modified.suite.ts, behaviour.suite.ts, …).
 */
export function replayScenarios(
  specs: readonly OperationSpec[],
  check: CheckName,
  operation: string,
  path = '',
): ReplayStep[] {
  switch (check) {
    case 'auth': {
      const steps: ReplayStep[] = [
        { name: 'password flows', run: (context) => runPasswordFlows(context, operation) },
        { name: 'REFRESH_TOKEN_AUTH', run: (context) => runRefreshFlow(context, operation) },
        { name: 'a wrong password', run: (context) => runWrongPassword(context, operation) },
        {
          name: 'flows the app client does not enable',
          run: (context) => runDisabledFlows(context, operation),
        },
        { name: 'an app client with a secret', run: (context) => runSecretClient(context, operation) },
      ];
      if (excludedFlowsOf(specFor(specs, operation)).length > 0)
        steps.splice(4, 0, {
          name: 'flows the document rules out',
          run: (context) => runExcludedFlows(context, operation),
        });
      return steps;
    }
    case 'stateful': {
      const model = { name: 'command sequences', run: (context: ScenarioContext) => runStateful(context) };
      return operation === 'ListUserPools'
        ? [{ name: 'the MaxResults sweep', run: (context) => sweepMaxResults(context) }, model]
        : [model];
    }
    case 'round-trip':
      return roundTripSteps(specs, operation, path.endsWith('LastModifiedDate'));
    case 'behaviour':
      return [
        {
          name: 'the behaviour model (lifecycles, then command sequences)',
          run: (context) => runBehaviour(context),
        },
      ];
    case 'signing-certificate':
      return [{ name: 'the signing certificate', run: (context) => runSigningCertificate(context) }];
    case 'changes':
      return announcedChanges(specs)
        .filter((change) => change.operation === operation)
        .map((change) => ({
          name: `the change at ${change.path}`,
          run: (context) => runChange(context, change),
        }));
    default:
      return [];
  }
}

function roundTripSteps(
  specs: readonly OperationSpec[],
  operation: string,
  lastModifiedFirst: boolean,
): ReplayStep[] {
  const steps: Record<string, ReplayStep[]> = {
    CreateUserPool: [{ name: 'the CreateUserPool round trip', run: createUserPoolRoundTrip }],
    UpdateUserPool: [
      { name: 'the UpdateUserPool round trip', run: updateUserPoolRoundTrip },
      { name: 'LastModifiedDate after an update', run: updateUserPoolLastModified },
    ],
    CreateUserPoolClient: [
      { name: 'the CreateUserPoolClient round trip', run: createUserPoolClientRoundTrip },
    ],
    UpdateUserPoolClient: [
      { name: 'the UpdateUserPoolClient round trip', run: updateUserPoolClientRoundTrip },
      { name: 'LastModifiedDate after an update', run: updateUserPoolClientLastModified },
    ],
  };
  const found = [...(steps[operation] ?? []), ...familySteps(specs, operation)];
  return lastModifiedFirst ? [...found].reverse() : found;
}

/**
 * The round trips an operation plays a part in beyond the page's: the family round trip of each resource family it
 * fills a role of (create, describe, update, list, delete), and the related listing it is.
 */
function familySteps(specs: readonly OperationSpec[], operation: string): ReplayStep[] {
  const families = Object.entries(loadResourceGraph().families).filter(([, family]) =>
    [family.create, family.describe, family.update, family.list, family.delete].includes(operation),
  );
  const steps: ReplayStep[] = families.map(([name]) => ({
    name: `the ${name} family round trip`,
    run: (context: ScenarioContext) => runFamilyRoundTrip(context, name),
  }));
  if (relatedListings({ specs }).includes(operation))
    steps.push({ name: `the ${operation} listing`, run: (context) => runRelatedListing(context, operation) });
  return steps;
}

/** A recorder that notes, at each finding reported, how many exchanges the replay had sent by then. */
class WatchingRecorder extends CheckRecorder {
  /** For each deviation in `deviations`, in order: the exchange count when it was reported. */
  readonly marks: number[] = [];

  constructor(
    operation: string,
    target: TargetDescriptor,
    run: { profile: string; seed: number; startedAt: string },
    prefix: string,
    private readonly exchangeCount: () => number,
    private readonly onReport: (count: number) => void,
  ) {
    super(operation, target, run, prefix);
  }

  override report(...args: Parameters<CheckRecorder['report']>): void {
    const count = this.exchangeCount();
    this.marks.push(count);
    this.onReport(count);
    super.report(...args);
  }
}

async function replay(
  parts: ReproductionParts,
  located: LocatedDeviation,
  log: Exchange[],
): Promise<Reproduction> {
  const { operation, deviation } = located;
  const steps = replayScenarios(parts.specs, deviation.check, operation, deviation.path);
  if (steps.length === 0)
    return {
      outcome: 'inconclusive',
      method: 'replay',
      notes: [`no scenario judges the ${deviation.check} check on ${operation}`],
      setup: [],
      exchanges: [],
      sent: 0,
      secrets: [],
    };
  const profile: ProfileName = parts.run.profile in PROFILES ? (parts.run.profile as ProfileName) : 'quick';
  const run = { profile, seed: parts.run.seed, startedAt: parts.run.startedAt ?? new Date().toISOString() };
  const resources = new ResourceFactory(parts.wire as WireClient, parts.prefix);
  const recorders = new Map<string, WatchingRecorder>();
  /** Exchange counts at every finding reported, on any recorder: where one run's exchanges start. */
  const reports: number[] = [];
  const context = createScenarioContext({
    specs: parts.specs,
    validators: parts.validators,
    target: parts.target,
    wire: parts.wire,
    resources,
    settings: { ...PROFILES[profile], ...run },
    openRecorder: (name) => {
      const recorder = new WatchingRecorder(
        name,
        parts.target,
        run,
        parts.prefix,
        () => log.length,
        (count) => reports.push(count),
      );
      recorders.set(name, recorder);
      return recorder;
    },
  });
  const wanted = deviationIdentity({ operation, ...deviation });
  const notes: string[] = [];
  try {
    for (const step of steps) {
      const start = log.length;
      await step.run(context);
      const recorder = recorders.get(operation);
      const index =
        recorder?.deviations.findIndex(
          (found) =>
            found.check === deviation.check && identityOfFinding(operation, found.check, found) === wanted,
        ) ?? -1;
      if (recorder === undefined || index < 0) {
        notes.push(`replayed ${step.name}: the rule held`);
        continue;
      }
      const found = recorder.deviations[index];
      const end = recorder.marks[index] ?? log.length;
      const from = Math.max(start, ...reports.filter((count) => count < end));
      notes.push(
        `replayed ${step.name} (seed ${parts.run.seed}, profile ${profile}): the rule is broken again`,
      );
      return {
        outcome: 'reproduced',
        method: 'replay',
        ...(found ? { finding: found } : {}),
        notes,
        setup: [],
        exchanges: minimalCase(log.slice(from, end), found?.request, parts.prefix),
        sent: log.length,
        secrets: replaySecrets(log),
      };
    }
    const refused = [...recorders.values()].map((recorder) => recorder.toRecord().inconclusive).find(Boolean);
    return {
      outcome: refused ? 'inconclusive' : 'not-reproduced',
      method: 'replay',
      notes: refused ? [...notes, refused] : notes,
      setup: [],
      exchanges: [],
      sent: log.length,
      secrets: replaySecrets(log),
    };
  } finally {
    await resources.cleanup();
  }
}

/**
 * The exchanges of the replay's minimal case: from the last request that is the finding's minimal request (a
 * round trip's write), else the end of the run that recorded it, at most {@link MAX_SHOWN_EXCHANGES}.
 */
function minimalCase(segment: readonly Exchange[], request: unknown, prefix: string): Exchange[] {
  const wanted = stableStringify(request ?? {});
  const reported = (exchange: Exchange) =>
    stableStringify(
      JSON.parse(
        JSON.stringify(exchange.request ?? {})
          .split(prefix)
          .join(REPORT_PREFIX_TOKEN),
      ),
    );
  let start = -1;
  for (let index = segment.length - 1; index >= 0 && start < 0; index--)
    if (reported(segment[index] as Exchange) === wanted) start = index;
  const from = start >= 0 ? segment.slice(start) : segment;
  return from.slice(-MAX_SHOWN_EXCHANGES);
}

/** Passwords, client secrets and tokens a replay's exchanges carry, so its output can hide them. */
function replaySecrets(log: readonly Exchange[]): string[] {
  const secrets: string[] = [];
  for (const exchange of log) collectSecrets(exchange, secrets);
  return secrets;
}
