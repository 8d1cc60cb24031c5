import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes.ts';
import { parseShard, shardOutDir, shardText } from './shard-option.ts';

describe('parseShard', () => {
  it('reads index/count', () => {
    expect(parseShard('1/2')).toEqual({ index: 1, count: 2 });
    expect(parseShard(' 3/3 ')).toEqual({ index: 3, count: 3 });
    expect(shardText(parseShard('2/5'))).toBe('2/5');
  });

  it.each(['0/2', '3/2', '1/0', '1', '1/2/3', 'a/b', '-1/2', '1.5/2', ''])(
    'refuses %j before the target starts',
    (text) => {
      expect(() => parseShard(text)).toThrow(UsageError);
      expect(() => parseShard(text)).toThrow(/expected <index>\/<count>/);
    },
  );
});

describe('shardOutDir', () => {
  it('gives each shard its own directory under the default', () => {
    expect(shardOutDir('reports', { index: 1, count: 2 })).toBe('reports/shard-1-of-2');
  });
});
