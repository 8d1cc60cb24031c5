import type { SpecNarrowing } from '../format/index.ts';
import { ANY_ITEM, childPointer } from './json-pointer.ts';
import type { ResolvedExclusion } from './page-markers.ts';
import { documentError, type SourceDocument } from './source-document.ts';

/** Narrowings for the spec, and the enum values to drop, keyed by the enum's own pointer. */
export interface RequestNarrowings {
  readonly narrowings: readonly SpecNarrowing[];
  readonly excluded: ReadonlyMap<string, readonly string[]>;
}

const REASON =
  'The prose of this member rules these values out for this operation, although the syntax block lists them; the request schema leaves them out.';

/**
 * Turns `<VALUE> is not a valid value.` lines into narrowings of the request schema. Each value must be
 * one the member's enum (or its items' enum) lists; otherwise the document contradicts itself and this
 * throws a located error.
 */
export function requestNarrowings(
  document: SourceDocument,
  exclusions: readonly ResolvedExclusion[],
): RequestNarrowings {
  const byMember = new Map<string, { enumPointer: string; values: string[] }>();
  for (const exclusion of exclusions) {
    const { enumPointer, values } = enumOf(document, exclusion);
    if (!values.includes(exclusion.value)) {
      throw documentError(
        document,
        exclusion.line,
        `expected one of ${values.join('|')} for ${exclusion.memberPointer}, found '${exclusion.value}'`,
      );
    }
    const entry = byMember.get(exclusion.memberPointer) ?? { enumPointer, values: [] };
    if (!entry.values.includes(exclusion.value)) entry.values.push(exclusion.value);
    if (entry.values.length === values.length) {
      throw documentError(
        document,
        exclusion.line,
        `expected at least one value of ${exclusion.memberPointer} to remain valid, found all excluded`,
      );
    }
    byMember.set(exclusion.memberPointer, entry);
  }
  const narrowings = [...byMember].map(([path, { values }]) => ({
    direction: 'request' as const,
    path,
    excluded: values,
    reason: REASON,
  }));
  return {
    narrowings,
    excluded: new Map([...byMember.values()].map(({ enumPointer, values }) => [enumPointer, values])),
  };
}

function enumOf(
  document: SourceDocument,
  exclusion: ResolvedExclusion,
): { enumPointer: string; values: readonly string[] } {
  const shape = exclusion.memberShape;
  if (shape.kind === 'enum') return { enumPointer: exclusion.memberPointer, values: shape.values };
  if (shape.kind === 'list' && shape.item.kind === 'enum') {
    return { enumPointer: childPointer(exclusion.memberPointer, ANY_ITEM), values: shape.item.values };
  }
  throw documentError(
    document,
    exclusion.line,
    `expected ${exclusion.memberPointer} to have enum values to exclude '${exclusion.value}' from`,
  );
}
