import type fc from 'fast-check';
import { decodeJwt, type JWTPayload } from 'jose';
import type { CheckKey, CheckName, CheckedFinding, Finding } from '../deviations/index.ts';
import { errorTypeOf, type Exchange, secretHash } from '../protocol/index.ts';
import { behaviourRule } from '../spec/index.ts';
import type { CallResult, Sender } from '../wire/index.ts';

/** The check name of behaviour-model findings (source: `specs/behaviour-rules.json`). */
export const BEHAVIOUR_CHECK: CheckName = 'behaviour';

/** A user's status as the model predicts it (`UserType$UserStatus` of the current Smithy model). */
export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

/** One set of tokens a sign-in, challenge answer or refresh returned, and what the model knows of its state. */
export interface TokenSet {
  readonly access: string;
  readonly refresh?: string;
  /** The app client (index into `BehaviourWorld.clients`) the tokens were issued to. */
  readonly client: number;
  /** Tokens refreshed from one refresh token share its lineage (RevokeToken revokes them together). */
  readonly lineage: number;
  /** The rule that revoked the access token, once one did; `unknown` when no document says (see forgetTokenStates). */
  accessRevokedBy?: string;
  /** The rule that revoked the refresh token; `unknown` when no document says (a disabled user enabled again). */
  refreshRevokedBy?: string;
}

/** A challenge the target answered a sign-in with, kept to answer it. */
export interface PendingChallenge {
  readonly session: string;
  readonly client: number;
  /** Given by AdminInitiateAuth: answered with AdminRespondToAuthChallenge (its Session's documentation). */
  readonly admin: boolean;
}

/** What the model knows of one user this sequence created. */
export interface UserModel {
  readonly username: string;
  password: string;
  /** The password before the last change, which must no longer sign in. */
  previousPassword?: string;
  status: UserStatus;
  /** The rule whose prediction the current status is. */
  statusRule: string;
  enabled: boolean;
  /** The rule whose prediction `enabled` is. */
  enabledRule: string;
  /** Attributes as last written (name → value). */
  readonly attributes: Map<string, string>;
  /** Attributes deleted since, which reads and the next ID token must no longer show. */
  readonly deleted: Set<string>;
  readonly groups: Set<string>;
  challenge?: PendingChallenge;
  readonly tokens: TokenSet[];
  /** Set once a write the rules forbid was accepted: the model no longer predicts this user (why, in our words). */
  unknown?: string;
}

/** An app client of the sequence's pool, with the settings the predictions read. */
export interface ClientModel {
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Lifetimes in seconds the client's settings give (AccessTokenValidity, IdTokenValidity with TokenValidityUnits). */
  readonly accessSeconds: number;
  readonly idSeconds: number;
  /** The rule the lifetimes come from: set by the client, or the documented defaults. */
  readonly lifetimeRule: 'token-validity-follows-client' | 'token-validity-defaults';
  readonly preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  /** Whether ReadAttributes names the pool's custom attributes (the default reads standard attributes only). */
  readonly readsCustom: boolean;
}

/** The model: the users a sequence created, in creation order. Commands pick users by index. */
export interface BehaviourModel {
  readonly users: UserModel[];
}

/** A pool the run made for one sequence, with what the predictions read from its settings. */
export interface PoolSetting {
  readonly id: string;
  readonly minimumLength: number;
  readonly requiredAttribute: string;
  readonly mutableCustom: string;
  readonly immutableCustom: string;
  readonly group: string;
}

/** Makes what a command needs beyond the sequence's pool (a pool or client of its own), and deletes it later. */
export interface SideResources {
  /** A unique name under the run prefix. */
  name(label: string): string;
  adoptPool(id: string): void;
  forgetPool(id: string): void;
}

/** Per-rule counts of one sequence: judged at all, and broken (a finding of severity error or warning). */
export type RuleOutcomes = Map<string, { broken: boolean }>;

/**
 * The system under test as the commands see it: the sender, the sequence's pool and app clients, and what the
 * sequence observed (the commands run, the findings with the operation they are about, the checks and rules
 * judged).
 */
export interface BehaviourWorld {
  readonly sender: Sender;
  readonly pool: PoolSetting;
  readonly clients: readonly ClientModel[];
  readonly side: SideResources;
  readonly steps: string[];
  readonly findings: CheckedFinding[];
  /** For each of `findings`, how many steps the sequence had taken: the commands that show it. */
  readonly findingSteps: number[];
  readonly judged: Set<CheckKey>;
  readonly rules: RuleOutcomes;
  /** Exchanges that judged an operation, for its recorder's request counts. */
  readonly exchanges: { readonly operation: string; readonly exchange: Exchange }[];
  /** Counter for unique user names and passwords within the sequence. */
  names: number;
}

/**
 * A fresh world for one sequence: the sequence's pool and app clients, what makes its side resources, and nothing
 * observed yet.
 */
export function newBehaviourWorld(
  sender: Sender,
  pool: PoolSetting,
  clients: readonly ClientModel[],
  side: SideResources,
): BehaviourWorld {
  return {
    sender,
    pool,
    clients,
    side,
    steps: [],
    findings: [],
    findingSteps: [],
    judged: new Set(),
    rules: new Map(),
    exchanges: [],
    names: 0,
  };
}

/** The engine's key of behaviour findings about `operation` (`behaviour:<Operation>`). */
export function behaviourCheckFor(operation: string): `behaviour:${string}` {
  return `behaviour:${operation}`;
}

/** The operation of a key made by {@link behaviourCheckFor}. @throws Error for another key. */
export function operationOfBehaviourCheck(check: CheckKey): string {
  if (!check.startsWith('behaviour:'))
    throw new Error(`operationOfBehaviourCheck: ${check} is not a behaviour key`);
  return check.slice('behaviour:'.length);
}

/** A finding of the behaviour check: what rule `rule` predicted at `path` and what the target answered. */
export interface RuleFinding {
  readonly kind: 'state' | 'token' | 'accepted-invalid';
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: string;
}

/**
 * Records that `rule` was judged at `operation` on `exchange`, with what it found (nothing: it held). Each finding
 * carries the rule's name and source shape ids (`specs/behaviour-rules.json`).
 * @throws Error when the catalogue has no rule named `rule`.
 */
export function judgeRule(
  world: BehaviourWorld,
  operation: string,
  rule: string,
  exchange: Exchange,
  found: readonly RuleFinding[],
): void {
  const entry = behaviourRule(rule);
  const check = behaviourCheckFor(operation);
  world.judged.add(check);
  // One request may judge several rules; its operation's recorder counts it once.
  if (!world.exchanges.some((seen) => seen.exchange === exchange))
    world.exchanges.push({ operation, exchange });
  const outcome = world.rules.get(rule) ?? { broken: false };
  if (found.length > 0) outcome.broken = true;
  world.rules.set(rule, outcome);
  for (const finding of found) {
    const full: Finding = {
      ...finding,
      severity: 'error',
      rule: { name: rule, source: entry.source.map((source) => source.shape) },
    };
    world.findings.push({ check, finding: full });
    world.findingSteps.push(world.steps.length);
  }
}

/** Whether the call got a complete answer the model can judge (not a transport failure, not throttling). */
export function answered(result: CallResult): boolean {
  return (
    result.exchange.status !== 0 && result.exchange.transportError === undefined && result.throttled !== true
  );
}

/** Whether the answer is a 2xx. */
export function succeeded(result: CallResult): boolean {
  return result.exchange.status >= 200 && result.exchange.status < 300;
}

/** The error type of a refusal, or a description of an answer that is none. */
export function answerOf(result: CallResult): string {
  if (succeeded(result)) return `HTTP ${result.exchange.status} (accepted)`;
  return errorTypeOf(result.exchange) ?? `HTTP ${result.exchange.status} without __type`;
}

/**
 * Which refusals a rule allows: the error types its sources name, or (where no source names one) any 4xx, or any 4xx
 * but the types a source rules out (`except`).
 */
export type Refusal = readonly string[] | 'any-4xx' | { readonly except: readonly string[] };

function describeRefusal(refusal: Refusal): string {
  if (refusal === 'any-4xx') return 'a 4xx refusal';
  if ('except' in refusal) return `a 4xx refusal other than ${refusal.except.join(' or ')}`;
  return refusal.join(' or ');
}

/**
 * The findings of an answer that must be a refusal the rule allows ({@link Refusal}): an accepted request is
 * `acceptedKind` at `acceptedPath` (a fixed path per rule, whatever the answer held, so the identity does not depend
 * on it); a refusal with an error type the rule does not allow is a `state` finding at `/__type`, and a 5xx where
 * any 4xx would do one at `/$status`.
 */
export function expectRefusal(
  result: CallResult,
  refusal: Refusal,
  what: string,
  acceptedKind: RuleFinding['kind'] = 'state',
  acceptedPath = '/$status',
): RuleFinding[] {
  const expected = describeRefusal(refusal);
  if (succeeded(result))
    return [
      {
        kind: acceptedKind,
        path: acceptedPath,
        expected,
        actual: answerOf(result),
        message: `${what} was accepted`,
      },
    ];
  const type = errorTypeOf(result.exchange);
  const status = result.exchange.status;
  if (Array.isArray(refusal)) {
    if (type !== undefined && refusal.includes(type)) return [];
    return [
      {
        kind: 'state',
        path: '/__type',
        expected,
        actual: answerOf(result),
        message: `${what} was refused with another error`,
      },
    ];
  }
  if (status < 400 || status >= 500)
    return [
      {
        kind: 'state',
        path: '/$status',
        expected,
        actual: `HTTP ${status}`,
        message: `${what} was not refused with a 4xx`,
      },
    ];
  const excluded = refusal === 'any-4xx' ? [] : (refusal as { readonly except: readonly string[] }).except;
  if (type !== undefined && excluded.includes(type))
    return [
      {
        kind: 'state',
        path: '/__type',
        expected,
        actual: answerOf(result),
        message: `${what} was refused with an error the setting rules out`,
      },
    ];
  return [];
}

/** The decoded claims of a JWT, or undefined when it is none. Only claims, never the token, reach findings. */
export function claimsOf(token: unknown): JWTPayload | undefined {
  if (typeof token !== 'string') return undefined;
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

/** Attributes the model compares: standard ones always, custom ones only when `readsCustom`. */
export function comparedAttributes(
  user: UserModel,
  readsCustom: boolean,
): { readonly present: [string, string][]; readonly absent: string[] } {
  const keep = (name: string) => readsCustom || !name.startsWith('custom:');
  return {
    present: [...user.attributes].filter(([name]) => keep(name)),
    absent: [...user.deleted].filter(keep),
  };
}

/**
 * What an attribute finding says instead of a value: attribute values are sensitive in the model
 * (`AttributeValueType`), so no value, written or shown, reaches a finding; whether one is there does.
 */
export const WRITTEN_VALUE = 'the value last written';
/** See {@link WRITTEN_VALUE}: a value other than the one last written, or one that should be gone. */
export const OTHER_VALUE = 'a value';

/**
 * The findings of a list of `{Name, Value}` attributes against the model: every attribute written shows its value,
 * every attribute deleted is absent. `path` is the list's pointer; a finding's path adds the attribute's name.
 */
export function attributeFindings(
  listed: unknown,
  user: UserModel,
  path: string,
  where: string,
): RuleFinding[] {
  const values = new Map<string, unknown>();
  for (const item of Array.isArray(listed) ? (listed as { Name?: unknown; Value?: unknown }[]) : [])
    if (typeof item?.Name === 'string') values.set(item.Name, item.Value);
  const { present, absent } = comparedAttributes(user, true);
  const found: RuleFinding[] = [];
  for (const [name, value] of present)
    if (values.get(name) !== value)
      found.push({
        kind: 'state',
        path: `${path}/${name}`,
        expected: WRITTEN_VALUE,
        actual: values.has(name) ? OTHER_VALUE : null,
        message: `${where} does not show ${name} as last written`,
      });
  for (const name of absent)
    if (values.has(name))
      found.push({
        kind: 'state',
        path: `${path}/${name}`,
        expected: null,
        actual: OTHER_VALUE,
        message: `${where} still shows ${name}, which AdminDeleteUserAttributes deleted`,
      });
  return found;
}

/** One step of a behaviour sequence, as fast-check's model-based testing runs it. */
export type BehaviourCommand = fc.AsyncCommand<BehaviourModel, BehaviourWorld>;

/**
 * The users whose state the model knows: not those a write the rules forbid changed (a short password the target
 * accepted), since what the target then holds is no document's prediction. Commands pick among these only.
 */
export function known(model: Readonly<BehaviourModel>): UserModel[] {
  return model.users.filter((user) => user.unknown === undefined);
}

/** A password the pool's policy accepts: every character class, longer than MinimumLength. */
export function validPassword(world: BehaviourWorld): string {
  world.names += 1;
  return `Valid#${world.names}Pass-word9`.padEnd(world.pool.minimumLength + 2, 'x');
}

/** A password one character shorter than the pool's MinimumLength, with every character class. */
export function shortPassword(world: BehaviourWorld): string {
  return 'Ab1!'.padEnd(world.pool.minimumLength - 1, 'c');
}

/** Sends one request of the sequence through the world's sender (capturing its exchange). */
export async function send(
  world: BehaviourWorld,
  operation: string,
  request: Record<string, unknown>,
): Promise<CallResult> {
  return world.sender.send(operation, request);
}

/** The SECRET_HASH a client with a secret needs, as a parameter map (empty for a public client). */
export function secretHashFor(client: ClientModel, username: string): Record<string, string> {
  return client.clientSecret === undefined
    ? {}
    : { SECRET_HASH: secretHash(client.clientSecret, username, client.clientId) };
}

/** The newest token set of a user whose access token the model knows the state of. */
export function newestTokens(user: UserModel): TokenSet | undefined {
  return user.tokens.at(-1);
}

/**
 * A command on one user: the `index`th (wrapping) of the users it applies to ({@link UserCommand.candidates}, by
 * default every user the model knows). It runs only when there is one.
 */
export abstract class UserCommand implements BehaviourCommand {
  constructor(readonly index: number) {}

  /** The users the command applies to. */
  protected candidates(model: Readonly<BehaviourModel>): UserModel[] {
    return known(model);
  }

  check(model: Readonly<BehaviourModel>): boolean {
    return this.candidates(model).length > 0;
  }

  /** The user the command acts on; records the step. */
  protected begin(model: Readonly<BehaviourModel>, world: BehaviourWorld): UserModel {
    const users = this.candidates(model);
    world.steps.push(this.toString());
    return users[this.index % users.length] as UserModel;
  }

  abstract run(model: BehaviourModel, world: BehaviourWorld): Promise<void>;
  abstract toString(): string;
}

/**
 * After a password change (AdminSetUserPassword, AdminResetUserPassword, ChangePassword), what becomes of the user's
 * earlier tokens no document says: their state becomes `unknown`, and no command judges them any more. A state a rule
 * already set stays.
 */
export function forgetTokenStates(user: UserModel): void {
  for (const tokens of user.tokens) {
    tokens.accessRevokedBy ??= 'unknown';
    tokens.refreshRevokedBy ??= 'unknown';
  }
}

/**
 * Marks `tokens` revoked by `rule` (which the access token's GetUser and, with `refresh too`, the refresh token's
 * REFRESH_TOKEN_AUTH then judge). A state no document knew (`unknown`) gives way to the rule's; one a rule set stays.
 * With `access only`, a refresh token whose state no rule set becomes `unknown`.
 */
export function revokeTokens(
  tokens: readonly TokenSet[],
  rule: string,
  which: 'access only' | 'refresh too',
): void {
  for (const set of tokens) {
    if (set.accessRevokedBy === undefined || set.accessRevokedBy === 'unknown') set.accessRevokedBy = rule;
    if (which === 'access only') set.refreshRevokedBy ??= 'unknown';
    else if (set.refreshRevokedBy === undefined || set.refreshRevokedBy === 'unknown')
      set.refreshRevokedBy = rule;
  }
}
