import { ROUND_TRIP_CHECK } from '../checks/index.ts';
import { baseRequest, fixupFor } from '../generate/index.ts';
import { SetupError } from '../resources/index.ts';
import { loadResourceGraph, specFor } from '../spec/index.ts';
import type { CallResult } from '../wire/index.ts';
import { listedOnce, PAGE_SIZE, readListing } from './list-pages.ts';
import { createPrerequisites } from './operation-prerequisites.ts';
import { fixupContextOf } from './operation-runs.ts';
import type { ScenarioContext } from './scenario-context.ts';

/** How many related items a listing is filled with: enough for a page size of 2 to need two pages. */
const RELATED = 3;

/**
 * The paginated operations no resource family lists (`smithy.api#paginated`, not a family's `list`): what one
 * resource holds of another, a group's users, a user's groups, a user's sign-in events. Read from the specs and the
 * resource graph.
 */
export function relatedListings(context: Pick<ScenarioContext, 'specs'>): string[] {
  const familyLists = new Set(Object.values(loadResourceGraph().families).map((family) => family.list));
  return context.specs
    .filter((spec) => spec.pagination !== undefined && !familyLists.has(spec.operation))
    .map((spec) => spec.operation);
}

/**
 * How a related listing is filled, for what the model cannot say (which operation makes one resource hold another):
 * a group's users and a user's groups through AdminAddUserToGroup, each item named by `idMember`. A listing without
 * an entry (a user's sign-in events, which only a pool with threat protection records) is read as it comes.
 */
const FILLERS: Readonly<Record<string, { readonly idMember: string; readonly add: 'users' | 'groups' }>> = {
  ListUsersInGroup: { idMember: 'Username', add: 'users' },
  AdminListGroupsForUser: { idMember: 'GroupName', add: 'groups' },
};

/**
 * The pagination invariants of a related listing: its prerequisites from the resource graph, three related items
 * where the listing has a filler, then every page with a page size of 2: no page holds more than asked, no token
 * comes twice, each item made is listed once (`round-trip` on the listing operation). The filling calls are set-up:
 * a refusal leaves the listing to be read as it is. Source: the operation's spec (`pagination`).
 */
export async function runRelatedListing(context: ScenarioContext, operation: string): Promise<void> {
  const listSpec = specFor(context.specs, operation);
  const recorder = context.recorderFor(operation);
  let live;
  try {
    live = await createPrerequisites(listSpec, context.resources, context.wire, context.specs);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    return recorder.declare(ROUND_TRIP_CHECK);
  }
  const fixups = fixupContextOf(live, context.resources);
  const filler = FILLERS[operation];
  const made: string[] = [];
  if (filler !== undefined && live.userPoolId !== undefined) {
    for (let index = 0; index < RELATED; index += 1) {
      const item = await addRelated(context, filler.add, live.userPoolId, {
        username: live.username,
        groupName: live.identifiers?.['GroupName'],
      });
      if (item !== undefined) made.push(item);
    }
  }
  const send = async (request: Record<string, unknown>): Promise<CallResult> => {
    const result = await context.wire.send(operation, request);
    recorder.sawExchange(result.exchange);
    return result;
  };
  const request = baseRequest(listSpec, fixupFor(operation), fixups, context.seedFor(`related:${operation}`));
  const listing = await readListing(send, listSpec, request, PAGE_SIZE);
  if (listing === undefined) return recorder.declare(ROUND_TRIP_CHECK);
  const findings = [...listing.findings, ...(filler ? listedOnce(listing, filler.idMember, made) : [])];
  recorder.record(ROUND_TRIP_CHECK, findings, { request: listing.request, raw: false });
}

/**
 * One related item: a new user added to the live group, or a new group the live user is added to. Its name, or
 * undefined when a call of the filling was refused.
 */
async function addRelated(
  context: ScenarioContext,
  add: 'users' | 'groups',
  userPoolId: string,
  live: { readonly username: string | undefined; readonly groupName: string | undefined },
): Promise<string | undefined> {
  let username = live.username;
  let groupName = live.groupName;
  if (add === 'users') username = (await context.resources.user(userPoolId)).username;
  else {
    const spec = specFor(context.specs, 'CreateGroup');
    const request = baseRequest(
      spec,
      fixupFor('CreateGroup'),
      fixupContextOf({ userPoolId }, context.resources),
      0,
    );
    const created = await context.wire.send('CreateGroup', request);
    if (created.exchange.status !== 200 || typeof request['GroupName'] !== 'string') return undefined;
    groupName = request['GroupName'];
  }
  if (username === undefined || groupName === undefined) return undefined;
  const added = await context.wire.send('AdminAddUserToGroup', {
    UserPoolId: userPoolId,
    Username: username,
    GroupName: groupName,
  });
  if (added.exchange.status !== 200) return undefined;
  return add === 'users' ? username : groupName;
}
