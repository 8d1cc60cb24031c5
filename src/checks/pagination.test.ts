import { describe, expect, it } from 'vitest';
import type { PoolListing } from './list-pages.ts';
import { checkPagination, type ListingExpectation } from './pagination.ts';

const own = (n: number) => ({ Id: `us-east-1_own${n}`, Name: `cc-t-p${n}` });
const foreign = (n: number) => ({ Id: `us-east-1_other${n}`, Name: `cc-other-p${n}` });

function listing(
  maxResults: number,
  pages: readonly (readonly object[])[],
  options: { lastToken?: string; end?: PoolListing['end'] } = {},
): PoolListing {
  return {
    maxResults,
    end: options.end ?? 'complete',
    pages: pages.map((pools, index) => {
      const token = index < pages.length - 1 ? `t${index + 1}` : options.lastToken;
      return {
        request: { MaxResults: maxResults },
        body: { UserPools: pools, ...(token ? { NextToken: token } : {}) },
      };
    }),
  };
}

const expected = (live: number[], deleted: number[] = []): ListingExpectation => ({
  prefix: 'cc-t-',
  live: new Set(live.map((n) => own(n).Id)),
  deleted: new Set(deleted.map((n) => own(n).Id)),
});

describe('checkPagination', () => {
  it('finds nothing when pages are within MaxResults and cover every live pool once, among foreign pools', () => {
    expect(
      checkPagination(
        listing(2, [[own(1), foreign(1)], [own(2), own(3)], [foreign(2)]]),
        expected([1, 2, 3]),
      ),
    ).toEqual([]);
  });

  it('reports a page larger than MaxResults as constraint at /UserPools', () => {
    expect(checkPagination(listing(1, [[own(1), own(2), foreign(1)]]), expected([1, 2]))).toEqual([
      expect.objectContaining({
        kind: 'constraint',
        severity: 'error',
        path: '/UserPools',
        expected: { maxItems: 1 },
        actual: 3,
      }),
    ]);
  });

  it('reports a full last page without NextToken while live pools remain as missing-member at /NextToken', () => {
    expect(checkPagination(listing(2, [[own(1), own(2)]]), expected([1, 2, 3]))).toEqual([
      expect.objectContaining({ kind: 'missing-member', path: '/NextToken' }),
    ]);
  });

  it('reports a live pool missing from a complete listing as state at /UserPools', () => {
    expect(checkPagination(listing(5, [[own(1)]]), expected([1, 2]))).toEqual([
      expect.objectContaining({ kind: 'state', path: '/UserPools', expected: [own(2).Id] }),
    ]);
  });

  it('reports a pool listed twice across pages as state at the repeated item', () => {
    expect(
      checkPagination(
        listing(2, [
          [own(1), own(2)],
          [own(2), own(3)],
        ]),
        expected([1, 2, 3]),
      ),
    ).toEqual([expect.objectContaining({ kind: 'state', path: '/UserPools/0', actual: own(2).Id })]);
  });

  it('reports a deleted pool still listed as state at its Id', () => {
    expect(checkPagination(listing(5, [[own(1), own(2)]]), expected([1], [2]))).toEqual([
      expect.objectContaining({ kind: 'state', path: '/UserPools/1/Id', actual: own(2).Id }),
    ]);
  });

  it('reports a looping or refused NextToken, and judges no coverage then', () => {
    expect(
      checkPagination(
        listing(1, [[own(1)], [own(2)]], { lastToken: 't1', end: 'looped' }),
        expected([1, 2, 3]),
      ),
    ).toEqual([expect.objectContaining({ kind: 'state', path: '/NextToken' })]);
    expect(
      checkPagination(listing(1, [[own(1)]], { lastToken: 't1', end: 'refused' }), expected([1, 2])),
    ).toEqual([expect.objectContaining({ kind: 'state', path: '/NextToken' })]);
    expect(
      checkPagination(listing(1, [[own(1)]], { lastToken: 't1', end: 'capped' }), expected([1, 2])),
    ).toEqual([]);
  });

  it('judges nothing when not even the first page was served', () => {
    expect(checkPagination({ maxResults: 1, pages: [], end: 'failed' }, expected([1]))).toEqual([]);
  });
});

describe('checkPagination on a page that got no response', () => {
  it('reports transport, not a refused NextToken', () => {
    const cut = listing(1, [[own(1)]], { lastToken: 't1', end: 'refused' });
    const refusal = {
      exchange: {
        operation: 'ListUserPools',
        request: {},
        requestHeaders: {},
        status: 0,
        headers: {},
        bodyText: '',
        ms: 1,
        transportError: 'Error ECONNRESET',
      },
    };

    const findings = checkPagination({ ...cut, refusal }, expected([1]));

    expect(findings.map((finding) => finding.kind)).toContain('transport');
    expect(findings.filter((finding) => finding.path === '/NextToken')).toEqual([]);
  });
});
