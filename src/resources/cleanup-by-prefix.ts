import { type TargetDescriptor, WireClient } from '../wire/index.ts';

/**
 * Deletes every user pool whose name starts with `prefix`: what an interrupted or crashed run left
 * behind. Every run names its resources with its own prefix, so this never touches anything else.
 */
export async function cleanupByPrefix(
  target: TargetDescriptor,
  prefix: string,
  options: { maxRequestsPerSecond?: number } = {},
): Promise<string[]> {
  if (prefix.length < 3)
    throw new Error(`cleanupByPrefix: prefix ${JSON.stringify(prefix)} is too short to be safe`);
  const wire = new WireClient(target, { ...options, throttleRetries: 4 });
  try {
    const doomed = (await listAllPools(wire)).filter((pool) => pool.name.startsWith(prefix));
    const deleted: string[] = [];
    for (const pool of doomed) {
      const result = await wire.send('DeleteUserPool', { UserPoolId: pool.id });
      if (!result.error || result.error.name === 'ResourceNotFoundException') deleted.push(pool.id);
    }
    return deleted;
  } finally {
    wire.destroy();
  }
}

/** Every pool on the target, following NextToken. */
export async function listAllPools(wire: WireClient): Promise<{ id: string; name: string }[]> {
  const pools: { id: string; name: string }[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const result = await wire.send('ListUserPools', {
      MaxResults: 60,
      ...(nextToken ? { NextToken: nextToken } : {}),
    });
    if (result.error) throw new Error(`listAllPools: ListUserPools failed (${result.error.name})`);
    const body = result.output as { UserPools?: { Id?: string; Name?: string }[]; NextToken?: string };
    for (const pool of body.UserPools ?? []) if (pool.Id) pools.push({ id: pool.Id, name: pool.Name ?? '' });
    nextToken = body.NextToken;
    if (!nextToken) return pools;
  }
  throw new Error('listAllPools: more than 10000 pages; giving up');
}
