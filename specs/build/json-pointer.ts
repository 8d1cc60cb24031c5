/** The pointer segment that stands for any array item (and any map value). */
export const ANY_ITEM = '*';

/** Appends a member name (escaped per RFC 6901) or `*` to a JSON pointer. */
export function childPointer(pointer: string, segment: string): string {
  const escaped = segment === ANY_ITEM ? segment : segment.replaceAll('~', '~0').replaceAll('/', '~1');
  return `${pointer}/${escaped}`;
}
