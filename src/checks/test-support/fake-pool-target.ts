import { AWS_JSON_CONTENT_TYPE, type Exchange } from '../../protocol/index.ts';
import type { Sender, CallResult } from '../../wire/index.ts';

/** Ways the fake breaks Cognito's contract, one rule each, so tests can show every check can fail. */
export interface FakeFaults {
  /** JSON pointer inside the resource (`/LambdaConfig/UserMigration`) that Describe leaves out. */
  readonly dropFromDescribe?: string;
  /** Describe shows the resource as created, ignoring every update. */
  readonly staleDescribe?: boolean;
  /** Updates leave LastModifiedDate as it was. */
  readonly frozenLastModified?: boolean;
  /** ListUserPools returns every pool on one page, whatever MaxResults says. */
  readonly ignoreMaxResults?: boolean;
  /** ListUserPools truncates to MaxResults but never returns a NextToken. */
  readonly dropNextToken?: boolean;
  /** The first pool is listed once more after the last one (so on a later page, when pages are small). */
  readonly repeatAcrossPages?: boolean;
  /** Deleted pools stay in ListUserPools (Describe still says they are gone). */
  readonly listDeleted?: boolean;
  /** DescribeUserPool still answers for deleted pools. */
  readonly describeDeleted?: boolean;
  /** App clients survive the deletion of their pool. */
  readonly clientsOutlivePool?: boolean;
}

interface StoredPool {
  readonly created: Record<string, unknown>;
  current: Record<string, unknown>;
  deleted: boolean;
}

interface StoredClient {
  readonly created: Record<string, unknown>;
  current: Record<string, unknown>;
  deleted: boolean;
}

/**
 * A small in-memory Cognito for the pool and app-client operations, speaking the same `send` interface
 * as the WireClient and returning awsJson1.1-shaped exchanges. Correct by default (paginates, echoes
 * what was written, advances LastModifiedDate); each {@link FakeFaults} flag breaks one rule.
 * Time is a counter advancing a second per write, so tests need not wait.
 */
export class FakePoolTarget implements Sender {
  private readonly pools: StoredPool[] = [];
  private readonly clients: StoredClient[] = [];
  private clock = 1_700_000_000;
  private ids = 0;
  readonly calls: string[] = [];

  constructor(private readonly faults: FakeFaults = {}) {}

  async send(operation: string, input: object): Promise<CallResult> {
    this.calls.push(operation);
    const request = structuredClone(input) as Record<string, unknown>;
    const handler = this.handlers[operation];
    if (!handler)
      return respond(operation, request, 400, { __type: 'UnknownOperationException', message: operation });
    const outcome = handler(request);
    return respond(operation, request, outcome.status, outcome.body);
  }

  private readonly handlers: Record<string, (request: Record<string, unknown>) => Outcome> = {
    CreateUserPool: (request) => {
      const { PoolName, Schema: _schema, ...rest } = request;
      const now = this.tick();
      this.ids += 1;
      const pool = {
        ...rest,
        Id: `us-east-1_fake${this.ids}`,
        Name: PoolName,
        Status: 'Enabled',
        CreationDate: now,
        LastModifiedDate: now,
        SchemaAttributes: [],
      };
      this.pools.push({ created: pool, current: pool, deleted: false });
      return ok({ UserPool: pool });
    },
    DescribeUserPool: (request) => {
      const pool = this.faults.describeDeleted
        ? this.pools.find((stored) => stored.current['Id'] === request['UserPoolId'])
        : this.livePool(request['UserPoolId']);
      if (!pool) return notFound();
      return ok({ UserPool: this.described(this.faults.staleDescribe ? pool.created : pool.current) });
    },
    UpdateUserPool: (request) => {
      const pool = this.livePool(request['UserPoolId']);
      if (!pool) return notFound();
      const { UserPoolId: _id, ...rest } = request;
      const modified = this.faults.frozenLastModified ? pool.current['LastModifiedDate'] : this.tick();
      pool.current = { ...pool.current, ...rest, LastModifiedDate: modified };
      return ok({});
    },
    DeleteUserPool: (request) => {
      const pool = this.livePool(request['UserPoolId']);
      if (!pool) return notFound();
      pool.deleted = true;
      return ok({});
    },
    ListUserPools: (request) => this.listPools(request),
    CreateUserPoolClient: (request) => {
      if (!this.livePool(request['UserPoolId'])) return notFound();
      const { GenerateSecret: _secret, ...rest } = request;
      const now = this.tick();
      this.ids += 1;
      const client = { ...rest, ClientId: `fakeclient${this.ids}`, CreationDate: now, LastModifiedDate: now };
      this.clients.push({ created: client, current: client, deleted: false });
      return ok({ UserPoolClient: client });
    },
    DescribeUserPoolClient: (request) => {
      const client = this.liveClient(request);
      if (!client) return notFound();
      return ok({
        UserPoolClient: this.described(this.faults.staleDescribe ? client.created : client.current),
      });
    },
    UpdateUserPoolClient: (request) => {
      const client = this.liveClient(request);
      if (!client) return notFound();
      const modified = this.faults.frozenLastModified ? client.current['LastModifiedDate'] : this.tick();
      client.current = { ...client.current, ...request, LastModifiedDate: modified };
      return ok({ UserPoolClient: client.current });
    },
    DeleteUserPoolClient: (request) => {
      const client = this.liveClient(request);
      if (!client) return notFound();
      client.deleted = true;
      return ok({});
    },
  };

  private listPools(request: Record<string, unknown>): Outcome {
    const all = this.pools
      .filter((pool) => !pool.deleted || this.faults.listDeleted)
      .map((pool) => summary(pool.current));
    const [first] = all;
    const listed = this.faults.repeatAcrossPages && first ? [...all, first] : all;
    if (this.faults.ignoreMaxResults) return ok({ UserPools: listed });
    const start =
      typeof request['NextToken'] === 'string' ? Number(request['NextToken'].replace('page-', '')) : 0;
    const end = start + Number(request['MaxResults']);
    const more = end < listed.length && !this.faults.dropNextToken;
    return ok({ UserPools: listed.slice(start, end), ...(more ? { NextToken: `page-${end}` } : {}) });
  }

  private livePool(id: unknown): StoredPool | undefined {
    return this.pools.find((pool) => !pool.deleted && pool.current['Id'] === id);
  }

  private liveClient(request: Record<string, unknown>): StoredClient | undefined {
    if (!this.faults.clientsOutlivePool && !this.livePool(request['UserPoolId'])) return undefined;
    return this.clients.find(
      (client) =>
        !client.deleted &&
        client.current['ClientId'] === request['ClientId'] &&
        client.current['UserPoolId'] === request['UserPoolId'],
    );
  }

  private described(resource: Record<string, unknown>): Record<string, unknown> {
    const copy = structuredClone(resource);
    if (this.faults.dropFromDescribe) removeAt(copy, this.faults.dropFromDescribe);
    return copy;
  }

  private tick(): number {
    this.clock += 1;
    return this.clock;
  }
}

interface Outcome {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

function ok(body: Record<string, unknown>): Outcome {
  return { status: 200, body };
}

function notFound(): Outcome {
  return { status: 400, body: { __type: 'ResourceNotFoundException', message: 'not found' } };
}

function summary(pool: Record<string, unknown>): Record<string, unknown> {
  const { Id, Name, LambdaConfig, Status, CreationDate, LastModifiedDate } = pool;
  return {
    Id,
    Name,
    ...(LambdaConfig !== undefined ? { LambdaConfig } : {}),
    Status,
    CreationDate,
    LastModifiedDate,
  };
}

function removeAt(target: Record<string, unknown>, pointer: string): void {
  const segments = pointer.split('/').slice(1);
  const last = segments.pop();
  let node: unknown = target;
  for (const segment of segments) node = (node as Record<string, unknown> | undefined)?.[segment];
  if (last !== undefined && typeof node === 'object' && node !== null)
    delete (node as Record<string, unknown>)[last];
}

function respond(
  operation: string,
  request: unknown,
  status: number,
  body: Record<string, unknown>,
): CallResult {
  const bodyText = JSON.stringify(body);
  const exchange: Exchange = {
    operation,
    request,
    requestHeaders: {},
    status,
    headers: { 'content-type': AWS_JSON_CONTENT_TYPE, 'x-amzn-requestid': 'fake' },
    bodyText,
    body: JSON.parse(bodyText) as unknown,
    ms: 0,
  };
  return status === 200
    ? { exchange, output: body }
    : {
        exchange,
        error: {
          name: String(body['__type']),
          fault: 'client',
          httpStatusCode: status,
          modeled: true,
          service: true,
        },
      };
}
