import type { JsonSchema, OperationSpec } from '../../specs/format/index.ts';
import type { Finding } from '../deviations/index.ts';
import type { CallResult } from '../wire/index.ts';

/** The page size a listing is read with, where the operation takes one: 2, so three items need two pages. */
export const PAGE_SIZE = 2;
/** Pages read before a listing is taken to loop. */
const MAX_PAGES = 20;

/** A listing read page by page, with what its pages themselves showed. */
export interface Listing {
  /** The first page's request. */
  readonly request: Record<string, unknown>;
  /** The response member holding a page's items (the `paginated` trait's `items`, else the one array member). */
  readonly itemsMember: string;
  /** Every item of every page, with its index in its page. */
  readonly items: readonly { readonly item: unknown; readonly index: number }[];
  /** A page larger than asked (`constraint`), a token served again (`state`), at pointers into the page. */
  readonly findings: readonly Finding[];
  /** Whether the last page read carried no token: the listing was read to its end. */
  readonly complete: boolean;
}

/**
 * Every page of a listing: `request` with the page size member (`paginated` trait's `pageSize`) set to `pageSize`,
 * then the output token of each page as the input token of the next, up to 20 pages. Judges the pages themselves: no
 * page holds more items than asked, no token comes twice. Undefined when the first page is refused; a later refusal
 * ends the listing incomplete. Source: the operation's `pagination` in its spec (`smithy.api#paginated`).
 */
export async function readListing(
  send: (request: Record<string, unknown>) => Promise<CallResult>,
  listSpec: OperationSpec,
  request: Record<string, unknown>,
  pageSize: number,
): Promise<Listing | undefined> {
  const pagination = listSpec.pagination;
  const itemsMember = pagination?.items ?? arrayMember(listSpec);
  const sizeMember = pagination?.pageSize;
  const first = { ...request, ...(sizeMember !== undefined ? { [sizeMember]: pageSize } : {}) };
  const items: { item: unknown; index: number }[] = [];
  const findings: Finding[] = [];
  const tokens = new Set<string>();
  let next: Record<string, unknown> = first;
  const listing = (complete: boolean): Listing => ({
    request: first,
    itemsMember,
    items,
    findings,
    complete,
  });
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await send(next);
    const { status } = result.exchange;
    if (status < 200 || status >= 300) return page === 0 ? undefined : listing(false);
    const body = (result.exchange.body ?? {}) as Record<string, unknown>;
    const pageItems = Array.isArray(body[itemsMember]) ? (body[itemsMember] as unknown[]) : [];
    pageItems.forEach((item, index) => items.push({ item, index }));
    if (sizeMember !== undefined && pageItems.length > pageSize)
      findings.push({
        kind: 'constraint',
        severity: 'error',
        path: `/${itemsMember}`,
        expected: { maxItems: pageSize },
        actual: pageItems.length,
        message: `page ${page + 1} holds ${pageItems.length} items, more than the ${sizeMember} of ${pageSize} asked for`,
      });
    const token = pagination === undefined ? undefined : body[pagination.outputToken];
    if (typeof token !== 'string' || token === '' || pagination === undefined) return listing(true);
    if (tokens.has(token)) {
      findings.push({
        kind: 'state',
        severity: 'error',
        path: `/${pagination.outputToken}`,
        expected: 'a new token',
        actual: 'a token already served',
        message: `page ${page + 1} repeats a token`,
      });
      return listing(false);
    }
    tokens.add(token);
    next = { ...first, [pagination.inputToken]: token };
  }
  return listing(false);
}

/**
 * What a complete listing owes the items a test made: each listed exactly once, found by `idMember` (`state` at the
 * items member when absent or listed twice). An incomplete listing cannot say an item is missing.
 */
export function listedOnce(listing: Listing, idMember: string, ids: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const id of ids) {
    const places = listing.items.filter(
      ({ item }) => (item as Record<string, unknown> | null)?.[idMember] === id,
    );
    const path = `/${listing.itemsMember}`;
    if (places.length === 0 && listing.complete)
      findings.push({
        kind: 'state',
        severity: 'error',
        path,
        // Under the id's own member name, so redaction hides it where the model marks it sensitive (a user name).
        expected: { [idMember]: id },
        actual: 'absent',
        message: 'a resource the test made is not listed',
      });
    if (places.length > 1)
      findings.push({
        kind: 'state',
        severity: 'error',
        path,
        expected: { [idMember]: id, times: 1 },
        actual: places.length,
        message: 'a resource the test made is listed twice',
      });
  }
  return findings;
}

/** A listing's one array member, where the operation is not paginated. */
function arrayMember(spec: OperationSpec): string {
  const found = Object.entries((spec.response['properties'] ?? {}) as Record<string, JsonSchema>).find(
    ([, schema]) => schema['type'] === 'array',
  );
  return found?.[0] ?? '';
}
