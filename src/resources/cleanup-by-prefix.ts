import type { CallResult } from '../wire/index.ts';
import { type TargetDescriptor, WireClient } from '../wire/index.ts';

/** Options of {@link cleanupByPrefix} and {@link sweepByPrefix}. */
export interface SweepOptions {
  /** Client-side request rate (real AWS); unlimited by default. */
  readonly maxRequestsPerSecond?: number;
}

/**
 * What {@link sweepByPrefix} did: the pools it deleted, and, when it could not finish, a warning that says what
 * failed and what may be left behind.
 */
export interface SweepResult {
  /** Ids of the pools with the prefix that are gone now (deleted, or already gone when deleted). */
  readonly deleted: readonly string[];
  /** Set when the pools could not be listed, or some could not be deleted: the cause and what is left behind. */
  readonly warning?: string;
}

/**
 * Deletes every user pool whose name starts with `prefix`: what an interrupted or crashed run left
 * behind. Every run names its resources with its own prefix, so this never touches anything else.
 * Throws when the target's pools cannot be listed (the `cleanup` command cannot do its job then).
 */
export async function cleanupByPrefix(
  target: TargetDescriptor,
  prefix: string,
  options: SweepOptions = {},
): Promise<string[]> {
  checkPrefix('cleanupByPrefix', prefix);
  const wire = new WireClient(target, { ...options, throttleRetries: 4 });
  try {
    const { deleted } = await deleteByPrefix(wire, await listAllPools(wire), prefix);
    return deleted;
  } finally {
    wire.destroy();
  }
}

/**
 * The sweep at the end of a run: {@link cleanupByPrefix}, except that a target that cannot list or delete its
 * pools gets a warning instead of failing the sweep. A target whose ListUserPools answers garbage is a finding of
 * the run, not a failure of the tool; the warning names the prefix, so what may be left behind can be found and
 * removed later. Throws only for a prefix too short to be safe (a bug of the caller).
 */
export async function sweepByPrefix(
  target: TargetDescriptor,
  prefix: string,
  options: SweepOptions = {},
): Promise<SweepResult> {
  checkPrefix('sweepByPrefix', prefix);
  const wire = new WireClient(target, { ...options, throttleRetries: 4 });
  try {
    const listing = await listPools(wire);
    if ('failure' in listing) {
      return {
        deleted: [],
        warning:
          `the clean-up sweep could not list the target's user pools (${listing.failure}), so any pool this ` +
          `run created whose name starts with ${prefix} may be left behind`,
      };
    }
    const { deleted, failed } = await deleteByPrefix(wire, listing.pools, prefix);
    if (failed.length === 0) return { deleted };
    return {
      deleted,
      warning:
        `the clean-up sweep could not delete ${failed.length} user pool(s) whose name starts with ${prefix}, ` +
        `which are left behind: ${failed.join('; ')}`,
    };
  } finally {
    wire.destroy();
  }
}

/** Every pool on the target, following NextToken; throws, saying what the target answered, when a page fails. */
export async function listAllPools(wire: WireClient): Promise<{ id: string; name: string }[]> {
  const listing = await listPools(wire);
  if ('failure' in listing) throw new Error(`listAllPools: ${listing.failure}`);
  return listing.pools;
}

/** Every pool on the target, or why they could not all be listed. */
async function listPools(
  wire: WireClient,
): Promise<{ pools: { id: string; name: string }[] } | { failure: string }> {
  const pools: { id: string; name: string }[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const result = await wire.send('ListUserPools', {
      MaxResults: 60,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    if (result.error) return { failure: `ListUserPools failed: ${failureOf(result)}` };
    const body = result.output as { UserPools?: { Id?: string; Name?: string }[]; NextToken?: string };
    for (const pool of body.UserPools ?? []) if (pool.Id) pools.push({ id: pool.Id, name: pool.Name ?? '' });
    nextToken = body.NextToken;
    if (!nextToken) return { pools };
  }
  return { failure: 'more than 10000 pages of ListUserPools; giving up' };
}

function checkPrefix(caller: string, prefix: string): void {
  if (prefix.length < 3)
    throw new Error(`${caller}: prefix ${JSON.stringify(prefix)} is too short to be safe`);
}

/** Deletes the listed pools that carry `prefix`; one that is already gone counts as deleted. */
async function deleteByPrefix(
  wire: WireClient,
  pools: readonly { id: string; name: string }[],
  prefix: string,
): Promise<{ deleted: string[]; failed: string[] }> {
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const pool of pools.filter((candidate) => candidate.name.startsWith(prefix))) {
    await deleteDomains(wire, pool.id);
    const result = await wire.send('DeleteUserPool', { UserPoolId: pool.id });
    if (!result.error || result.error.name === 'ResourceNotFoundException') deleted.push(pool.id);
    else failed.push(`${pool.id} (${failureOf(result)})`);
  }
  return { deleted, failed };
}

/**
 * The pool's domains (`UserPool.Domain` and `UserPool.CustomDomain` of DescribeUserPool), deleted first: Cognito does
 * not delete a pool that still has a domain, and a run that was stopped may have left one it made. Best effort: a
 * failure here shows in the pool's own deletion.
 */
async function deleteDomains(wire: WireClient, userPoolId: string): Promise<void> {
  const described = await wire.send('DescribeUserPool', { UserPoolId: userPoolId });
  const pool = described.output?.['UserPool'] as { Domain?: unknown; CustomDomain?: unknown } | undefined;
  for (const domain of [pool?.Domain, pool?.CustomDomain])
    if (typeof domain === 'string' && domain !== '')
      await wire.send('DeleteUserPoolDomain', { Domain: domain, UserPoolId: userPoolId });
}

/** How a call failed, in a few words: no answer, or the status and what the SDK made of the answer. */
function failureOf(result: CallResult): string {
  const { exchange, error } = result;
  if (exchange.transportError !== undefined) return `no answer: ${exchange.transportError}`;
  return `HTTP ${exchange.status}, ${error?.name ?? 'no error'}`;
}
