import { transportFinding } from './transport-finding.ts';
import type { Finding } from '../deviations/index.ts';
import { nextTokenOf, poolsOf, type PoolListing } from './list-pages.ts';

/**
 * What a listing must show of one test's own pools. Other tests may create and delete pools on the same
 * target meanwhile, so only pools whose Name starts with `prefix` are judged for content; page sizes are
 * judged on every page.
 */
export interface ListingExpectation {
  /** Name prefix of this test's pools. */
  readonly prefix: string;
  /** Ids of this test's pools that exist. */
  readonly live: ReadonlySet<string>;
  /** Ids of this test's pools it deleted. */
  readonly deleted: ReadonlySet<string>;
}

/**
 * ListUserPools pagination over one MaxResults:
 * - no page holds more than MaxResults pools (`constraint` at `/UserPools`);
 * - every live pool is listed (`state` at `/UserPools`), and when the last page was full and some are
 *   missing, the page owed a NextToken (`missing-member` at `/NextToken`);
 * - no pool is listed twice across pages (`state` at `/UserPools/<i>`);
 * - no deleted pool is listed (`state` at `/UserPools/<i>/Id`);
 * - a returned NextToken is served and does not loop (`state` at `/NextToken`).
 * Paths point into the page where it happened; `message` says which page.
 */
export function checkPagination(listing: PoolListing, expected: ListingExpectation): Finding[] {
  if (listing.end === 'failed') return [];
  const findings = [
    ...pageSizeFindings(listing),
    ...contentFindings(listing, expected),
    ...endFindings(listing),
  ];
  if (listing.end === 'complete') findings.push(...coverageFindings(listing, expected));
  return findings;
}

function pageSizeFindings(listing: PoolListing): Finding[] {
  return listing.pages.flatMap((page, index) => {
    const count = poolsOf(page.body).length;
    if (count <= listing.maxResults) return [];
    return [
      {
        kind: 'constraint' as const,
        severity: 'error' as const,
        path: '/UserPools',
        expected: { maxItems: listing.maxResults },
        actual: count,
        message: `page ${index + 1} holds ${count} pools although MaxResults was ${listing.maxResults}`,
      },
    ];
  });
}

function contentFindings(listing: PoolListing, expected: ListingExpectation): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  listing.pages.forEach((page, pageIndex) => {
    poolsOf(page.body).forEach((pool, index) => {
      const id = ownPoolId(pool, expected.prefix);
      if (id === undefined) return;
      if (seen.has(id)) findings.push(listedTwice(id, pageIndex, index));
      seen.add(id);
      if (expected.deleted.has(id)) findings.push(deletedListed(id, pageIndex, index));
    });
  });
  return findings;
}

function coverageFindings(listing: PoolListing, expected: ListingExpectation): Finding[] {
  const listed = new Set(
    listing.pages.flatMap((page) => poolsOf(page.body).map((pool) => ownPoolId(pool, expected.prefix))),
  );
  const missing = [...expected.live].filter((id) => !listed.has(id)).sort();
  if (missing.length === 0) return [];
  const last = listing.pages[listing.pages.length - 1];
  const lastWasFull = last !== undefined && poolsOf(last.body).length >= listing.maxResults;
  if (lastWasFull) {
    return [
      {
        kind: 'missing-member',
        severity: 'error',
        path: '/NextToken',
        expected: 'a NextToken, since pools remain',
        actual: 'absent',
        message: `page ${listing.pages.length} was full (MaxResults ${listing.maxResults}) and had no NextToken, yet ${missing.length} live pool(s) were never listed: ${missing.join(', ')}`,
      },
    ];
  }
  return [
    {
      kind: 'state',
      severity: 'error',
      path: '/UserPools',
      expected: missing,
      actual: 'not listed on any page',
      message: `${missing.length} live pool(s) missing from the listing with MaxResults ${listing.maxResults}: ${missing.join(', ')}`,
    },
  ];
}

function endFindings(listing: PoolListing): Finding[] {
  if (listing.end === 'looped') {
    const token = nextTokenOf(listing.pages[listing.pages.length - 1]?.body);
    return [
      stateAt(
        '/NextToken',
        'a token not followed before',
        token,
        `page ${listing.pages.length} returned a NextToken that had been followed already`,
      ),
    ];
  }
  if (listing.end === 'refused') {
    const refusal = listing.refusal?.exchange;
    // A page that got no complete response was not refused by the target: it proves nothing.
    const transport = refusal ? transportFinding(refusal) : undefined;
    if (transport) return [transport];
    const actual = refusal ? { status: refusal.status, error: listing.refusal?.error?.name ?? null } : null;
    return [
      stateAt(
        '/NextToken',
        'the next page',
        actual,
        `the NextToken of page ${listing.pages.length} was refused`,
      ),
    ];
  }
  return [];
}

function listedTwice(id: string, pageIndex: number, index: number): Finding {
  return stateAt(
    `/UserPools/${index}`,
    'each pool listed once',
    id,
    `pool ${id} is listed again on page ${pageIndex + 1}`,
  );
}

function deletedListed(id: string, pageIndex: number, index: number): Finding {
  return stateAt(
    `/UserPools/${index}/Id`,
    'only pools that exist',
    id,
    `deleted pool ${id} is still listed (page ${pageIndex + 1})`,
  );
}

function stateAt(path: string, expected: unknown, actual: unknown, message: string): Finding {
  return { kind: 'state', severity: 'error', path, expected, actual, message };
}

/** The pool's Id when its Name carries the test's prefix. */
function ownPoolId(pool: unknown, prefix: string): string | undefined {
  const { Id, Name } = (pool ?? {}) as { Id?: unknown; Name?: unknown };
  return typeof Id === 'string' && typeof Name === 'string' && Name.startsWith(prefix) ? Id : undefined;
}
