import { transportFinding } from './transport-finding.ts';
import fc from 'fast-check';
import type { Finding } from '../deviations/index.ts';
import { errorTypeOf } from '../protocol/index.ts';
import type { CallResult } from '../wire/index.ts';
import { listAllPools } from './list-pages.ts';
import { checkPagination } from './pagination.ts';
import { checkDescribed } from './round-trip.ts';
import {
  isClientGone,
  judge,
  liveClients,
  livePools,
  pick,
  type ClientModel,
  type PoolModel,
  type StatefulModel,
  type StatefulWorld,
  type Written,
} from './stateful-model.ts';

/** One step of a stateful run, as fast-check's model-based testing runs it. */
export type StatefulCommand = fc.AsyncCommand<StatefulModel, StatefulWorld>;

/** A run keeps at most this many pools alive, so a long sequence stays cheap on a real account. */
export const MAX_LIVE_POOLS = 8;

/** The password length a pool is created with; updates pick another from Cognito's range 6..99. */
const CREATED_MINIMUM_LENGTH = 8;
const REVISION_TAG = 'conformance-revision';

/** Creates a pool named with the run's prefix, with a password policy and a tag that updates change. */
export class CreatePool implements StatefulCommand {
  check(model: Readonly<StatefulModel>): boolean {
    return livePools(model).length < MAX_LIVE_POOLS;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    world.steps.push(this.toString());
    world.names += 1;
    const name = `${world.prefix}p${world.names}`;
    const request = { PoolName: name, ...poolSettings(CREATED_MINIMUM_LENGTH) };
    const result = await world.sender.send('CreateUserPool', request);
    const id = accepted(result)
      ? (result.exchange.body as { UserPool?: { Id?: unknown } } | undefined)?.UserPool?.Id
      : undefined;
    if (typeof id !== 'string') return;
    world.lifecycle.adoptPool(id);
    model.pools.push({ id, name, deleted: false, written: { request, plan: world.plans.createPool } });
  }

  toString(): string {
    return 'CreatePool';
  }
}

/** Describes a pool the run created: it shows what was last written, or ResourceNotFound once deleted. */
export class DescribePool implements StatefulCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<StatefulModel>): boolean {
    return model.pools.length > 0;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    const pool = pick(model.pools, this.index) as PoolModel;
    world.steps.push(this.toString());
    const result = await world.sender.send('DescribeUserPool', { UserPoolId: pool.id });
    const findings = pool.deleted
      ? expectNotFound(result, 'UserPool', `deleted pool ${pool.id}`)
      : expectWritten(result, pool.written, `pool ${pool.id}`);
    judge(world, 'DescribeUserPool', findings);
  }

  toString(): string {
    return `DescribePool(${this.index})`;
  }
}

/** Updates a live pool's password length and revision tag. */
export class UpdatePool implements StatefulCommand {
  constructor(
    readonly index: number,
    readonly minimumLength: number,
  ) {}

  check(model: Readonly<StatefulModel>): boolean {
    return livePools(model).length > 0;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    const pool = pick(livePools(model), this.index) as PoolModel;
    world.steps.push(this.toString());
    const request = { UserPoolId: pool.id, ...poolSettings(this.minimumLength) };
    const result = await world.sender.send('UpdateUserPool', request);
    if (accepted(result)) pool.written = { request, plan: world.plans.updatePool };
  }

  toString(): string {
    return `UpdatePool(${this.index}, ${this.minimumLength})`;
  }
}

/**
 * Lists every pool with one MaxResults, following NextToken, and judges the pagination. Other tests
 * create and delete pools on the same target meanwhile, which can shift a paginator's pages under it;
 * so a finding about which pools were listed counts only when a second listing shows it again. A page
 * larger than MaxResults is wrong whatever else happens, and counts at once.
 */
export class ListPools implements StatefulCommand {
  constructor(readonly maxResults: number) {}

  check(): boolean {
    return true;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    world.steps.push(this.toString());
    const first = await this.judgeOnce(model, world);
    if (first === undefined) return;
    const unconfirmed = first.filter((finding) => finding.kind !== 'constraint');
    const again = unconfirmed.length > 0 ? ((await this.judgeOnce(model, world)) ?? []) : [];
    const seenAgain = new Set(again.map(ruleOfFinding));
    judge(
      world,
      'ListUserPools',
      first.filter((finding) => finding.kind === 'constraint' || seenAgain.has(ruleOfFinding(finding))),
    );
  }

  toString(): string {
    return `List(${this.maxResults})`;
  }

  private async judgeOnce(model: StatefulModel, world: StatefulWorld): Promise<Finding[] | undefined> {
    const listing = await listAllPools(world.sender, this.maxResults);
    if (listing.end === 'failed') return undefined;
    return checkPagination(listing, {
      prefix: world.prefix,
      live: new Set(livePools(model).map((pool) => pool.id)),
      deleted: new Set(model.pools.filter((pool) => pool.deleted).map((pool) => pool.id)),
    });
  }
}

/** Kind and path with indices folded: the same broken rule, wherever on the page it showed. */
function ruleOfFinding(finding: Finding): string {
  return `${finding.kind} ${finding.path.replace(/\/\d+(?=\/|$)/g, '/*')}`;
}

/** Deletes a live pool (and with it its clients). */
export class DeletePool implements StatefulCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<StatefulModel>): boolean {
    return livePools(model).length > 0;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    const pool = pick(livePools(model), this.index) as PoolModel;
    world.steps.push(this.toString());
    const result = await world.sender.send('DeleteUserPool', { UserPoolId: pool.id });
    if (!accepted(result)) return;
    pool.deleted = true;
    world.lifecycle.forgetPool(pool.id);
  }

  toString(): string {
    return `DeletePool(${this.index})`;
  }
}

/** Creates an app client in a live pool. */
export class CreateClient implements StatefulCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<StatefulModel>): boolean {
    return livePools(model).length > 0;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    const pool = pick(livePools(model), this.index) as PoolModel;
    world.steps.push(this.toString());
    world.names += 1;
    const request = {
      UserPoolId: pool.id,
      ClientName: `${world.prefix}c${world.names}`,
      RefreshTokenValidity: 30,
      ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'],
    };
    const result = await world.sender.send('CreateUserPoolClient', request);
    const clientId = accepted(result)
      ? (result.exchange.body as { UserPoolClient?: { ClientId?: unknown } } | undefined)?.UserPoolClient
          ?.ClientId
      : undefined;
    if (typeof clientId !== 'string') return;
    model.clients.push({
      userPoolId: pool.id,
      clientId,
      deleted: false,
      written: { request, plan: world.plans.createClient },
    });
  }

  toString(): string {
    return `CreateClient(${this.index})`;
  }
}

/** Describes a client the run created: what was last written, or ResourceNotFound once it or its pool is deleted. */
export class DescribeClient implements StatefulCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<StatefulModel>): boolean {
    return model.clients.length > 0;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    const client = pick(model.clients, this.index) as ClientModel;
    world.steps.push(this.toString());
    const result = await world.sender.send('DescribeUserPoolClient', {
      UserPoolId: client.userPoolId,
      ClientId: client.clientId,
    });
    // The client's name, never its id: ClientId is a member the model marks sensitive, and messages are not
    // redacted member by member.
    // …and without the sequence's own prefix, which holds a random part: the same rule reads the same in every run.
    const name = String(client.written.request['ClientName'] ?? '(unnamed)');
    const subject = `client ${name.startsWith(world.prefix) ? name.slice(world.prefix.length) : name}`;
    const findings = isClientGone(model, client)
      ? expectNotFound(
          result,
          'UserPoolClient',
          client.deleted ? `deleted ${subject}` : `${subject} of deleted pool ${client.userPoolId}`,
        )
      : expectWritten(result, client.written, subject);
    judge(world, 'DescribeUserPoolClient', findings);
  }

  toString(): string {
    return `DescribeClient(${this.index})`;
  }
}

/** Renames a live client and changes its refresh-token validity. */
export class UpdateClient implements StatefulCommand {
  constructor(
    readonly index: number,
    readonly refreshTokenValidity: number,
  ) {}

  check(model: Readonly<StatefulModel>): boolean {
    return liveClients(model).length > 0;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    const client = pick(liveClients(model), this.index) as ClientModel;
    world.steps.push(this.toString());
    world.names += 1;
    const request = {
      UserPoolId: client.userPoolId,
      ClientId: client.clientId,
      ClientName: `${world.prefix}c${world.names}`,
      RefreshTokenValidity: this.refreshTokenValidity,
    };
    const result = await world.sender.send('UpdateUserPoolClient', request);
    if (accepted(result)) client.written = { request, plan: world.plans.updateClient };
  }

  toString(): string {
    return `UpdateClient(${this.index}, ${this.refreshTokenValidity})`;
  }
}

/** Deletes a live client. */
export class DeleteClient implements StatefulCommand {
  constructor(readonly index: number) {}

  check(model: Readonly<StatefulModel>): boolean {
    return liveClients(model).length > 0;
  }

  async run(model: StatefulModel, world: StatefulWorld): Promise<void> {
    const client = pick(liveClients(model), this.index) as ClientModel;
    world.steps.push(this.toString());
    const result = await world.sender.send('DeleteUserPoolClient', {
      UserPoolId: client.userPoolId,
      ClientId: client.clientId,
    });
    if (accepted(result)) client.deleted = true;
  }

  toString(): string {
    return `DeleteClient(${this.index})`;
  }
}

/**
 * MaxResults for a listing: the whole range 1..60, so every value is reachable, but mostly 1..4, since a
 * run holds a handful of pools and only a MaxResults below the pool count makes more than one page.
 */
export function maxResultsArbitrary(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 1 },
  );
}

/** A stateful run: a command sequence, then a closing listing that judges the state it left. */
export interface StatefulSequence {
  readonly commands: Iterable<StatefulCommand>;
  readonly closing: ListPools;
}

/**
 * Sequences of up to `maxCommands` commands, each closed by a listing, so every run judges pagination
 * and list content over the pools it made at least once. Creating pools is weighted up, since most
 * commands need one. To replay a reported sequence, pass its `replayPath` here and its seed and path to
 * fast-check: command sequences shrink by what actually ran, which seed and path alone do not record.
 */
/**
 * The lifecycles a stateful run walks before exploring, the same in every run: a pool created, described,
 * updated, listed, deleted and described again; an app client likewise; an app client whose pool is deleted
 * under it; and a listing with MaxResults 1 over three pools, one deleted. They reach the rules the random
 * sequences may or may not meet (a deleted pool's client, a deleted pool still described), so whether a target
 * breaks them does not depend on the seed. Source: the model of `StatefulModel` over the CreateUserPool,
 * DescribeUserPool, UpdateUserPool, ListUserPools, DeleteUserPool and app-client specs.
 */
export function statefulLifecycles(): StatefulCommand[][] {
  return [
    [
      new CreatePool(),
      new DescribePool(0),
      new UpdatePool(0, 12),
      new DescribePool(0),
      new ListPools(60),
      new DeletePool(0),
      new DescribePool(0),
    ],
    [
      new CreatePool(),
      new CreateClient(0),
      new DescribeClient(0),
      new UpdateClient(0, 30),
      new DescribeClient(0),
      new DeleteClient(0),
      new DescribeClient(0),
    ],
    [new CreatePool(), new CreateClient(0), new DeletePool(0), new DescribeClient(0)],
    [
      new CreatePool(),
      new CreatePool(),
      new CreatePool(),
      new DeletePool(1),
      new ListPools(1),
      new DescribePool(2),
    ],
  ];
}

export function statefulSequences(maxCommands: number, replayPath?: string): fc.Arbitrary<StatefulSequence> {
  const index = fc.nat({ max: MAX_LIVE_POOLS - 1 });
  const createPool = fc.constant(new CreatePool());
  const list = maxResultsArbitrary().map((value) => new ListPools(value));
  const commands = fc.commands<StatefulModel, StatefulWorld, false>(
    [
      createPool,
      createPool,
      createPool,
      list,
      index.map((i) => new DescribePool(i)),
      fc.tuple(index, fc.integer({ min: 6, max: 99 })).map(([i, length]) => new UpdatePool(i, length)),
      index.map((i) => new DeletePool(i)),
      index.map((i) => new CreateClient(i)),
      index.map((i) => new DescribeClient(i)),
      fc.tuple(index, fc.integer({ min: 1, max: 3650 })).map(([i, days]) => new UpdateClient(i, days)),
      index.map((i) => new DeleteClient(i)),
    ],
    { maxCommands, size: 'max', ...(replayPath !== undefined ? { replayPath } : {}) },
  );
  return fc.record({ commands, closing: list });
}

function poolSettings(minimumLength: number): Record<string, unknown> {
  return {
    Policies: { PasswordPolicy: { MinimumLength: minimumLength } },
    UserPoolTags: { [REVISION_TAG]: String(minimumLength) },
  };
}

/** A live resource's Describe must succeed and show what was last written. */
function expectWritten(result: CallResult, written: Written, subject: string): Finding[] {
  const transport = transportFinding(result.exchange);
  if (transport) return [transport];
  if (!accepted(result)) {
    return [
      {
        kind: 'state',
        severity: 'error',
        path: '',
        expected: `the ${written.plan.resource} of ${subject}`,
        actual: { status: result.exchange.status, error: result.error?.name ?? null },
        message: `describing live ${subject} failed`,
      },
    ];
  }
  return checkDescribed(written.plan, written.request, result.exchange.body).map((finding) => ({
    ...finding,
    message: `${finding.message} (${subject}, last written by ${written.plan.operation})`,
  }));
}

/** A deleted resource's Describe (`subject` says how it went) must fail with ResourceNotFoundException. */
function expectNotFound(result: CallResult, resource: string, subject: string): Finding[] {
  const transport = transportFinding(result.exchange);
  if (transport) return [transport];
  if (accepted(result)) {
    return [
      {
        kind: 'state',
        severity: 'error',
        path: `/${resource}`,
        expected: 'ResourceNotFoundException',
        actual: `HTTP ${result.exchange.status} with the ${resource}`,
        message: `${subject} is still described`,
      },
    ];
  }
  const type = errorTypeOf(result.exchange);
  if (type === 'ResourceNotFoundException') return [];
  const actual = type ?? `HTTP ${result.exchange.status}`;
  return [
    {
      kind: 'state',
      severity: 'error',
      path: '/__type',
      expected: 'ResourceNotFoundException',
      actual,
      message: `describing ${subject} gave ${actual}, not ResourceNotFoundException`,
    },
  ];
}

function accepted(result: CallResult): boolean {
  return result.exchange.status >= 200 && result.exchange.status < 300;
}
