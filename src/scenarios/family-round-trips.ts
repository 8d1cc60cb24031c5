import type { JsonSchema, OperationSpec, ResourceFamily, ResourceGraph } from '../../specs/format/index.ts';
import { compareSent, ROUND_TRIP_CHECK } from '../checks/index.ts';
import type { Finding } from '../deviations/index.ts';
import type { CheckRecorder } from '../engine/index.ts';
import { baseRequest, type FixupContext, fixupFor, fullRequest, getPointer } from '../generate/index.ts';
import { errorTypeOf, type Exchange, isUnsupportedOperation } from '../protocol/index.ts';
import { SetupError } from '../resources/index.ts';
import { loadResourceGraph, pointerSegment, specFor } from '../spec/index.ts';
import type { CallResult } from '../wire/index.ts';
import { type Listing, listedOnce, PAGE_SIZE, readListing } from './list-pages.ts';
import { NOT_FOUND_ERRORS } from './not-found-errors.ts';
import { createdPoolId, createPrerequisites } from './operation-prerequisites.ts';
import { fixupContextOf } from './operation-runs.ts';
import type { ScenarioContext } from './scenario-context.ts';

/** How many resources a family round trip creates: enough for a listing of page size 2 to need two pages. */
const CREATED = 3;

/**
 * The round trip of one resource family of the resource graph (`families` in `specs/resource-graph.json`: user
 * pools, app clients, groups, users, identity providers, resource servers, domains, branding, import jobs), with the
 * family's own operations, whichever the model names:
 * - create: up to three resources, the first from the smallest valid request with every optional member present, the
 *   others from the smallest valid one (each with run-prefixed names), so every seed writes the same. What an accepted create sent must read back from `describe`
 *   (`round-trip` on the create operation, paths into the describe response).
 * - list: read with a page size of 2 where the operation takes one, following its token: no page holds more items
 *   than asked (`constraint`), a token does not repeat (`state`), each created resource is listed once (`state`), and
 *   what was sent reads back from its item (`round-trip` on the list operation, paths into the page).
 * - update: the smallest valid update of the first resource reads back from `describe` (on the update operation).
 * - delete: the last resource; `describe` then answers the kind's not-found error, and the listing no longer holds it
 *   (`state` on the delete operation).
 * A refusal is not judged here (the operation suites judge acceptance); an operation the target lacks ends the trip.
 * Source: the resource graph's families and the operations' specs; nothing here names one emulator.
 */
export async function runFamilyRoundTrip(context: ScenarioContext, familyName: string): Promise<void> {
  const graph = loadResourceGraph();
  const family = graph.families[familyName];
  if (family === undefined)
    throw new Error(`runFamilyRoundTrip: no family ${familyName} in the resource graph`);
  const trip = new FamilyTrip(context, graph, family);
  await trip.run();
}

/** One created resource: its id and the request that created it. */
interface Created {
  readonly id: string;
  readonly request: Record<string, unknown>;
}

class FamilyTrip {
  private readonly createSpec: OperationSpec;
  private live: FixupContext | undefined;

  constructor(
    private readonly context: ScenarioContext,
    private readonly graph: ResourceGraph,
    private readonly family: ResourceFamily,
  ) {
    this.createSpec = specFor(context.specs, family.create);
  }

  async run(): Promise<void> {
    const create = this.recorder(this.family.create);
    let live;
    try {
      live = await createPrerequisites(
        this.createSpec,
        this.context.resources,
        this.context.wire,
        this.context.specs,
      );
    } catch (error) {
      if (!(error instanceof SetupError)) throw error;
      create.declare(ROUND_TRIP_CHECK);
      return;
    }
    if (live.unavailable !== undefined) return create.declare(ROUND_TRIP_CHECK);
    this.live = fixupContextOf(live, this.context.resources);
    const created = await this.createAll(create);
    if (created === undefined || created.length === 0) return create.declare(ROUND_TRIP_CHECK);
    for (const resource of created)
      await this.describeBack(create, this.createSpec, resource.id, resource.request);
    if (this.family.list !== undefined) await this.listBack(created);
    const [first] = created;
    if (this.family.update !== undefined && first !== undefined) await this.updateBack(first.id);
    const last = created.at(-1);
    if (this.family.delete !== undefined && last !== undefined && created.length > 1)
      await this.deleteGone(last.id);
  }

  /** Creates up to {@link CREATED} resources; undefined when the target lacks the create operation. */
  private async createAll(recorder: CheckRecorder): Promise<Created[] | undefined> {
    const fixup = fixupFor(this.family.create);
    const seed = this.context.seedFor(`family:${this.family.create}`);
    const created: Created[] = [];
    for (let index = 0; index < CREATED; index += 1) {
      // The first carries every optional member, the others only what is required: the same writes for any seed.
      const request =
        index === 0
          ? fullRequest(this.createSpec, fixup, this.fixups(), seed)
          : baseRequest(this.createSpec, fixup, this.fixups(), seed);
      const result = await this.send(recorder, this.family.create, request);
      if (isUnsupportedOperation(result.exchange)) return undefined;
      if (!isAccepted(result.exchange)) continue;
      const id = this.createdId(request, result);
      if (id === undefined) continue;
      this.track(id);
      created.push({ id, request });
    }
    return created;
  }

  /** Reads the resource back with `describe` and compares what `sent` sent, recording on `recorder`. */
  private async describeBack(
    recorder: CheckRecorder,
    writer: OperationSpec,
    id: string,
    sent: Record<string, unknown>,
  ): Promise<void> {
    if (this.family.describe === undefined) return;
    const describeSpec = specFor(this.context.specs, this.family.describe);
    const result = await this.send(recorder, this.family.describe, this.requestFor(describeSpec, id));
    if (!isAccepted(result.exchange)) return;
    const { member, schema } = resourceOf(describeSpec);
    const body = result.exchange.body;
    const resource = member === '' ? body : (body as Record<string, unknown> | undefined)?.[member];
    const base = member === '' ? '' : `/${pointerSegment(member)}`;
    recorder.record(ROUND_TRIP_CHECK, readBack(writer, sent, resource, schema, base), {
      request: sent,
      raw: false,
    });
  }

  /** Lists the family, page by page, and judges the pages and what they show of the created resources. */
  private async listBack(created: readonly Created[]): Promise<void> {
    const listSpec = specFor(this.context.specs, this.family.list as string);
    const recorder = this.recorder(listSpec.operation);
    const listing = await this.readListing(recorder, listSpec);
    if (listing === undefined) return;
    const idMember = this.idMember();
    const itemsMember = listing.itemsMember;
    const itemSchema = (((listSpec.response['properties'] ?? {}) as Record<string, JsonSchema>)[
      itemsMember
    ]?.['items'] ?? {}) as JsonSchema;
    const findings: Finding[] = [
      ...listing.findings,
      ...listedOnce(
        listing,
        idMember,
        created.map((resource) => resource.id),
      ),
    ];
    for (const resource of created) {
      const place = listing.items.find(
        ({ item }) => (item as Record<string, unknown>)[idMember] === resource.id,
      );
      if (place !== undefined)
        findings.push(
          ...readBack(
            this.createSpec,
            resource.request,
            place.item,
            itemSchema,
            `/${itemsMember}/${place.index}`,
          ),
        );
    }
    recorder.record(ROUND_TRIP_CHECK, findings, { request: listing.request, raw: false });
  }

  /** Every page of the family's listing, read with a page size of {@link PAGE_SIZE} (see {@link readListing}). */
  private readListing(recorder: CheckRecorder, listSpec: OperationSpec): Promise<Listing | undefined> {
    return readListing(
      (request) => this.send(recorder, listSpec.operation, request),
      listSpec,
      this.requestFor(listSpec),
      PAGE_SIZE,
    );
  }

  /** The smallest valid update of the resource; what it sent reads back from describe (on the update operation). */
  private async updateBack(id: string): Promise<void> {
    const updateSpec = specFor(this.context.specs, this.family.update as string);
    const recorder = this.recorder(updateSpec.operation);
    const request = this.requestFor(updateSpec, id);
    const result = await this.send(recorder, updateSpec.operation, request);
    if (!isAccepted(result.exchange)) return recorder.declare(ROUND_TRIP_CHECK);
    await this.describeBack(recorder, updateSpec, id, request);
  }

  /** Deletes the resource; describe must then answer the kind's not-found error, and the listing not hold it. */
  private async deleteGone(id: string): Promise<void> {
    const deleteSpec = specFor(this.context.specs, this.family.delete as string);
    const recorder = this.recorder(deleteSpec.operation);
    const request = this.requestFor(deleteSpec, id);
    const result = await this.send(recorder, deleteSpec.operation, request);
    if (!isAccepted(result.exchange)) return recorder.declare(ROUND_TRIP_CHECK);
    const findings: Finding[] = [];
    const expected = NOT_FOUND_ERRORS[this.family.kind];
    if (this.family.describe !== undefined && expected !== undefined) {
      const describeSpec = specFor(this.context.specs, this.family.describe);
      const described = await this.send(recorder, describeSpec.operation, this.requestFor(describeSpec, id));
      if (
        isAccepted(described.exchange) ||
        (described.exchange.status >= 400 && errorTypeOf(described.exchange) !== expected)
      )
        findings.push(
          state(
            '',
            `${expected} from ${describeSpec.operation}`,
            described.exchange.status,
            `${describeSpec.operation} still answers for a deleted resource`,
          ),
        );
    }
    if (this.family.list !== undefined) {
      const listSpec = specFor(this.context.specs, this.family.list);
      const listing = await this.readListing(recorder, listSpec);
      const idMember = this.idMember();
      const at = listing?.items.find(({ item }) => (item as Record<string, unknown>)[idMember] === id);
      if (listing !== undefined && at !== undefined)
        findings.push(
          state(
            `/${listing.itemsMember}/${at.index}`,
            'not listed',
            id,
            `${listSpec.operation} still lists a deleted resource`,
          ),
        );
    }
    recorder.record(ROUND_TRIP_CHECK, findings, { request, raw: false });
  }

  /** The smallest valid request of an operation of the family, naming resource `id` (when given). */
  private requestFor(spec: OperationSpec, id?: string): Record<string, unknown> {
    const fixups = this.fixups(id);
    return baseRequest(
      spec,
      fixupFor(spec.operation),
      fixups,
      this.context.seedFor(`family:${spec.operation}`),
    );
  }

  /** The fix-ups' context: the live prerequisites, and `id` as the family's identifier kind. */
  private fixups(id?: string): FixupContext {
    const live = this.live as FixupContext;
    if (id === undefined) return live;
    const kind = this.family.kind;
    const named: Partial<FixupContext> =
      kind === 'UserPoolId'
        ? { userPoolId: id }
        : kind === 'ClientId'
          ? { clientId: id }
          : kind === 'Username'
            ? { username: id }
            : { identifiers: { ...live.identifiers, [kind]: id } };
    return { ...live, ...named };
  }

  /** Where the creator's answer (or request) holds the new identifier. */
  private createdId(request: Record<string, unknown>, result: CallResult): string | undefined {
    const creator = this.graph.kinds[this.family.kind]?.creators.find(
      (c) => c.operation === this.family.create,
    );
    if (creator === undefined || creator.id.in === 'read') return undefined;
    const value = getPointer(
      creator.id.in === 'request' ? request : result.exchange.body,
      creator.id.pointer,
    );
    return typeof value === 'string' ? value : undefined;
  }

  /** The member a listed item names its resource by: the last segment of the creator's id pointer. */
  private idMember(): string {
    const creator = this.graph.kinds[this.family.kind]?.creators.find(
      (c) => c.operation === this.family.create,
    );
    return creator?.id.pointer.split('/').at(-1) ?? this.family.kind;
  }

  /** Registers the created resource's deletion (a pool is adopted; others are deleted before their pool). */
  private track(id: string): void {
    if (this.family.kind === 'UserPoolId') return this.context.resources.adoptPool(id);
    const deleter = this.graph.kinds[this.family.kind]?.deleter;
    if (deleter === undefined) return;
    const deleteSpec = this.context.specs.find((spec) => spec.operation === deleter.operation);
    if (deleteSpec === undefined) return;
    this.context.resources.onCleanup(`${deleter.operation} ${this.family.kind}`, () =>
      this.context.wire.send(deleter.operation, this.requestFor(deleteSpec, id)),
    );
  }

  private recorder(operation: string): CheckRecorder {
    return this.context.recorderFor(operation);
  }

  private async send(
    recorder: CheckRecorder,
    operation: string,
    request: Record<string, unknown>,
  ): Promise<CallResult> {
    const result = await this.context.wire.send(operation, request);
    const pool = createdPoolId(result.exchange.body);
    if (operation === 'CreateUserPool' && pool !== undefined) this.context.resources.adoptPool(pool);
    recorder.sawExchange(result.exchange);
    return result;
  }
}

/** What was sent, read back from a resource object at `base`: the members the resource schema has, by name. */
function readBack(
  writer: OperationSpec,
  sent: Record<string, unknown>,
  resource: unknown,
  schema: JsonSchema,
  base: string,
): Finding[] {
  if (typeof resource !== 'object' || resource === null)
    return [
      {
        kind: 'missing-member',
        severity: 'error',
        path: base,
        expected: 'the resource just written',
        actual: 'absent',
        message: `${base || 'the response'} holds no resource, so nothing that was sent can be read back`,
      },
    ];
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const requestMembers = Object.keys((writer.request['properties'] ?? {}) as Record<string, unknown>);
  return requestMembers
    .filter((member) => member in properties && sent[member] !== undefined)
    .flatMap((member) =>
      compareSent(
        sent[member],
        (resource as Record<string, unknown>)[member],
        properties[member],
        `${base}/${pointerSegment(member)}`,
      ),
    );
}

/**
 * Where a describe response holds the resource: its one structure member (`Group`, `UserPoolClient`), else the whole
 * body (AdminGetUser answers with the user's members at the top).
 */
function resourceOf(spec: OperationSpec): { member: string; schema: JsonSchema } {
  const members = Object.entries((spec.response['properties'] ?? {}) as Record<string, JsonSchema>).filter(
    ([, schema]) => schema['type'] === 'object' && schema['properties'] !== undefined,
  );
  const [only] = members;
  return members.length === 1 && only !== undefined
    ? { member: only[0], schema: only[1] }
    : { member: '', schema: spec.response };
}

function isAccepted(exchange: Exchange): boolean {
  return exchange.status >= 200 && exchange.status < 300;
}

function state(path: string, expected: unknown, actual: unknown, message: string): Finding {
  return { kind: 'state', severity: 'error', path, expected, actual, message };
}
