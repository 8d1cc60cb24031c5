import type { CheckKey, CheckName, CheckedFinding, Finding } from '../deviations/index.ts';
import type { Sender } from '../wire/index.ts';
import { specFor } from '../spec/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import { describePlan, type RoundTripPlan } from './round-trip-members.ts';

/** The check name of model-based command-sequence findings. */
export const STATEFUL_CHECK: CheckName = 'stateful';

/** What the model knows of one pool this run created: its id (learnt from the target) and what was last written. */
export interface PoolModel {
  readonly id: string;
  readonly name: string;
  deleted: boolean;
  /** The last create or update request the target accepted, and the plan that reads it back. */
  written: Written;
}

/** What the model knows of one app client this run created. */
export interface ClientModel {
  readonly userPoolId: string;
  readonly clientId: string;
  deleted: boolean;
  written: Written;
}

/** A request the target accepted, with the plan that says where Describe shows each of its members. */
export interface Written {
  readonly request: Readonly<Record<string, unknown>>;
  readonly plan: RoundTripPlan;
}

/**
 * The model of a stateful run: every pool and client the run created, deleted or not, in creation
 * order. Commands pick their subject by index into these lists, so a command sequence replays
 * whatever ids the target hands out.
 */
export interface StatefulModel {
  readonly pools: PoolModel[];
  readonly clients: ClientModel[];
}

/** The Describe plans for what the stateful commands write. */
export interface StatefulPlans {
  readonly createPool: RoundTripPlan;
  readonly updatePool: RoundTripPlan;
  readonly createClient: RoundTripPlan;
  readonly updateClient: RoundTripPlan;
}

/** The plans, read off the specs: each write is read back from the Describe of its resource. */
export function statefulPlans(specs: readonly OperationSpec[]): StatefulPlans {
  const plan = (write: string, describe: string) =>
    describePlan(specFor(specs, write), specFor(specs, describe));
  return {
    createPool: plan('CreateUserPool', 'DescribeUserPool'),
    updatePool: plan('UpdateUserPool', 'DescribeUserPool'),
    createClient: plan('CreateUserPoolClient', 'DescribeUserPoolClient'),
    updateClient: plan('UpdateUserPoolClient', 'DescribeUserPoolClient'),
  };
}

/** Registers pools with whatever guarantees their deletion (the run's ResourceFactory). */
export interface PoolLifecycle {
  adoptPool(id: string): void;
  forgetPool(id: string): void;
}

/**
 * The system under test as the commands see it, plus what a run observes: the commands executed (the
 * request of any finding) and the findings, each tagged with the operation whose response broke the
 * rule.
 */
export interface StatefulWorld {
  readonly sender: Sender;
  /** Name prefix of this run's pools; the list invariants judge only pools carrying it. */
  readonly prefix: string;
  readonly plans: StatefulPlans;
  readonly lifecycle: PoolLifecycle;
  readonly steps: string[];
  readonly findings: CheckedFinding[];
  /** Stateful checks (per operation, see {@link statefulCheckFor}) this run judged at least once. */
  readonly judged: Set<CheckKey>;
  /** Counter for unique names within the run. */
  names: number;
}

/** A fresh, empty model. */
export function emptyModel(): StatefulModel {
  return { pools: [], clients: [] };
}

/** A fresh world for one run. */
export function newWorld(
  sender: Sender,
  prefix: string,
  plans: StatefulPlans,
  lifecycle: PoolLifecycle,
): StatefulWorld {
  return { sender, prefix, plans, lifecycle, steps: [], findings: [], judged: new Set(), names: 0 };
}

/**
 * The explorer keys rules by check name, kind and path; stateful findings carry the operation whose
 * response broke the rule in the check name (`stateful:ListUserPools`), so a rule about DescribeUserPool
 * and one about DescribeUserPoolClient never merge. {@link operationOfStatefulCheck} takes it apart.
 */
export function statefulCheckFor(operation: string): `stateful:${string}` {
  return `stateful:${operation}`;
}

/** The operation of a check name made by {@link statefulCheckFor}. */
export function operationOfStatefulCheck(check: CheckKey): string {
  const prefix = `${STATEFUL_CHECK}:`;
  if (!check.startsWith(prefix))
    throw new Error(`operationOfStatefulCheck: ${check} is not a stateful check name`);
  return check.slice(prefix.length);
}

/** Marks `operation` judged in this run and records what it found. */
export function judge(world: StatefulWorld, operation: string, findings: readonly Finding[]): void {
  const check = statefulCheckFor(operation);
  world.judged.add(check);
  for (const finding of findings) world.findings.push({ check, finding });
}

/** Pools that exist, as far as the model knows. */
export function livePools(model: Readonly<StatefulModel>): PoolModel[] {
  return model.pools.filter((pool) => !pool.deleted);
}

/** Clients that exist: not deleted themselves, nor with their pool. */
export function liveClients(model: Readonly<StatefulModel>): ClientModel[] {
  return model.clients.filter((client) => !isClientGone(model, client));
}

/** Whether a client was deleted, directly or by deleting its pool. */
export function isClientGone(model: Readonly<StatefulModel>, client: ClientModel): boolean {
  return client.deleted || model.pools.some((pool) => pool.id === client.userPoolId && pool.deleted);
}

/** The item at `index`, wrapping around, or undefined when there is none. */
export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}
