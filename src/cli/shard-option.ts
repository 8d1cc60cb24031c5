import { UsageError } from './exit-codes.ts';

/** One part of a run split across machines: shard `index` of `count`, both from 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Parses `--shard <index>/<count>` (vitest's own syntax, which the run hands on unchanged), refusing anything
 * vitest would reject later, after the target was started.
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1) || !(index >= 1) || index > count) {
    throw new UsageError(`run: --shard ${text}: expected <index>/<count> with 1 ≤ index ≤ count, e.g. 1/2`);
  }
  return { index, count };
}

/** vitest's `shard` option text for a shard. */
export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** Where a shard writes its reports when `--out` is not given, so shards run side by side never overwrite each other. */
export function shardOutDir(base: string, shard: Shard): string {
  return `${base}/shard-${shard.index}-of-${shard.count}`;
}
