import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../specs/format/index.ts';
import { compareSent } from './compare-sent.ts';

const flags: JsonSchema = { type: 'array', items: { type: 'string', enum: ['A', 'B', 'C'] } };
const urls: JsonSchema = { type: 'array', items: { type: 'string' } };
const tags: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

describe('compareSent', () => {
  it('finds nothing when everything sent comes back, whatever the response adds', () => {
    expect(
      compareSent({ a: 1, b: { c: 'x' } }, { a: 1, b: { c: 'x', d: true }, e: 2 }, undefined, '/R'),
    ).toEqual([]);
  });

  it('reports a sent member that is absent as missing-member at its pointer', () => {
    const [finding] = compareSent(
      { LambdaConfig: { UserMigration: 'arn' } },
      { LambdaConfig: {} },
      undefined,
      '/UserPool',
    );
    expect(finding).toMatchObject({
      kind: 'missing-member',
      severity: 'error',
      path: '/UserPool/LambdaConfig/UserMigration',
      expected: 'arn',
    });
  });

  it('reports a different value as state with the sent value expected', () => {
    expect(compareSent({ n: 8 }, { n: 6 }, undefined, '/R')).toEqual([
      expect.objectContaining({ kind: 'state', path: '/R/n', expected: 8, actual: 6 }),
    ]);
    expect(compareSent('x', 1, undefined, '/R')).toEqual([
      expect.objectContaining({ kind: 'state', path: '/R' }),
    ]);
  });

  it('compares arrays of enum strings as sets', () => {
    expect(compareSent(['A', 'B'], ['B', 'A'], flags, '/F')).toEqual([]);
    expect(compareSent(['A', 'A', 'B'], ['B', 'A'], flags, '/F')).toEqual([]);
    expect(compareSent(['A', 'B'], ['A', 'C'], flags, '/F')).toEqual([
      expect.objectContaining({ kind: 'state', path: '/F', expected: ['A', 'B'], actual: ['A', 'C'] }),
    ]);
  });

  it('compares other arrays item by item, in order', () => {
    expect(compareSent(['x', 'y'], ['y', 'x'], urls, '/U')).toHaveLength(2);
    expect(compareSent(['x'], ['x', 'y'], urls, '/U')).toEqual([
      expect.objectContaining({ kind: 'state', path: '/U' }),
    ]);
    expect(compareSent([{ k: 1 }], [{}], { type: 'array', items: { type: 'object' } }, '/O')).toEqual([
      expect.objectContaining({ kind: 'missing-member', path: '/O/0/k' }),
    ]);
  });

  it('reads lists keyed by Name by name: order and added items do not matter, a stale value does', () => {
    const attributes = {
      type: 'array',
      items: { type: 'object', properties: { Name: { type: 'string' }, Value: { type: 'string' } } },
    };
    const sent = [{ Name: 'given_name', Value: 'Ada' }];
    expect(
      compareSent(
        sent,
        [
          { Name: 'sub', Value: 'x' },
          { Name: 'given_name', Value: 'Ada' },
        ],
        attributes,
        '/A',
      ),
    ).toEqual([]);
    expect(compareSent(sent, [{ Name: 'given_name', Value: 'old' }], attributes, '/A')).toEqual([
      expect.objectContaining({ kind: 'state', path: '/A/0/Value', expected: 'Ada', actual: 'old' }),
    ]);
    expect(compareSent(sent, [{ Name: 'sub', Value: 'x' }], attributes, '/A')).toEqual([
      expect.objectContaining({ kind: 'missing-member', path: '/A/0' }),
    ]);
    // An empty list names no attribute: the ones the service adds (sub, email) are no finding.
    expect(compareSent([], [{ Name: 'sub', Value: 'x' }], attributes, '/A')).toEqual([]);
  });

  it('compares maps key by key, escaping pointer segments', () => {
    expect(compareSent({ 'a/b': 'v' }, { 'a/b': 'w' }, tags, '/T')).toEqual([
      expect.objectContaining({ path: '/T/a~1b' }),
    ]);
  });

  it('accepts the absence of an empty list or structure, but not a non-empty value in its place', () => {
    expect(compareSent({ L: [], S: {} }, {}, undefined, '/R')).toEqual([]);
    expect(compareSent({ L: [] }, { L: ['email'] }, { properties: { L: flags } }, '/R')).toEqual([
      expect.objectContaining({ kind: 'state', path: '/R/L' }),
    ]);
  });
});
