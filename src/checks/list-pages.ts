import type { Sender, CallResult } from '../wire/index.ts';

/** One ListUserPools page: what was asked for and the body that came back. */
export interface ListedPage {
  readonly request: { readonly MaxResults: number; readonly NextToken?: string };
  readonly body: unknown;
}

/**
 * How a pagination ended: `complete` (a page without NextToken), `refused` (a follow-up page was not
 * served), `looped` (a NextToken came back that had been followed already), `capped` (the harness's page
 * bound was reached; nothing can be said about coverage), `failed` (not even the first page was served).
 */
export type ListingEnd = 'complete' | 'refused' | 'looped' | 'capped' | 'failed';

/** Every page of one ListUserPools pagination with one MaxResults. */
export interface PoolListing {
  readonly maxResults: number;
  readonly pages: readonly ListedPage[];
  readonly end: ListingEnd;
  /** The call that ended a `refused` or `failed` listing. */
  readonly refusal?: CallResult;
}

/** Enough for an account at the default quota of 1,000 pools, listed one per page. */
export const DEFAULT_MAX_PAGES = 1_100;

/**
 * Lists every pool with `MaxResults`, following `NextToken` until a page has none. Stops early on a
 * refused page, a repeated token, or after `maxPages` pages, and says which.
 */
export async function listAllPools(
  sender: Sender,
  maxResults: number,
  maxPages: number = DEFAULT_MAX_PAGES,
): Promise<PoolListing> {
  const pages: ListedPage[] = [];
  const followed = new Set<string>();
  let token: string | undefined;
  while (pages.length < maxPages) {
    const request = { MaxResults: maxResults, ...(token !== undefined ? { NextToken: token } : {}) };
    const result = await sender.send('ListUserPools', request);
    if (result.exchange.status < 200 || result.exchange.status >= 300) {
      return { maxResults, pages, end: pages.length === 0 ? 'failed' : 'refused', refusal: result };
    }
    pages.push({ request, body: result.exchange.body });
    token = nextTokenOf(result.exchange.body);
    if (token === undefined) return { maxResults, pages, end: 'complete' };
    if (followed.has(token)) return { maxResults, pages, end: 'looped' };
    followed.add(token);
  }
  return { maxResults, pages, end: 'capped' };
}

/** The page's NextToken; an empty string counts as none. */
export function nextTokenOf(body: unknown): string | undefined {
  const token = (body as { NextToken?: unknown } | undefined)?.NextToken;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** The page's pools, or none when the body has no UserPools array (the response-schema check's business). */
export function poolsOf(body: unknown): readonly unknown[] {
  const pools = (body as { UserPools?: unknown } | undefined)?.UserPools;
  return Array.isArray(pools) ? pools : [];
}
