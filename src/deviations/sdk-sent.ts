import { pointerSegment } from '../spec/index.ts';
import type { SdkSent } from './report-model.ts';

/**
 * The union of several {@link SdkSent} (the records of one operation, or the shards of a merged run), each list
 * sorted and without repeats; undefined when none has any.
 */
export function mergeSdkSent(parts: readonly (SdkSent | undefined)[]): SdkSent | undefined {
  const present = parts.filter((part): part is SdkSent => part !== undefined);
  if (present.length === 0) return undefined;
  return {
    headers: sortedUnion(present.map((part) => part.headers)),
    members: sortedUnion(present.map((part) => part.members)),
  };
}

function sortedUnion(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The JSON pointers of every member of a request body, depth first: each object entry by name, and the entries of
 * list items under `*` (`/Schema/*\/Name`; a list item itself adds no pointer of its own). What `SdkSent.members`
 * collects; map keys are folded to `*` by the caller (`rulePath`).
 */
export function memberPointers(body: unknown, pointer = ''): string[] {
  if (Array.isArray(body)) return body.flatMap((item) => memberPointers(item, `${pointer}/*`));
  if (typeof body !== 'object' || body === null) return [];
  return Object.entries(body).flatMap(([name, value]) => {
    const child = `${pointer}/${pointerSegment(name)}`;
    return [child, ...memberPointers(value, child)];
  });
}
