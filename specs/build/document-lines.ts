import type { SourceDocument } from './source-document.ts';

/**
 * The first line in `[from, to]` (1-based, inclusive) whose trimmed text matches, or `undefined`. Page
 * parsing looks for its landmarks (`Request Syntax`, `rtype:`, …) with it.
 */
export function findLine(
  document: SourceDocument,
  from: number,
  to: number,
  test: (trimmed: string) => boolean,
): number | undefined {
  for (let line = from; line <= to; line++) {
    if (test(document.lines[line - 1]!.trim())) return line;
  }
  return undefined;
}

/** The first non-blank line in `[from, to]`, or `undefined`. */
export function firstNonBlankLine(document: SourceDocument, from: number, to: number): number | undefined {
  return findLine(document, from, to, (trimmed) => trimmed !== '');
}

/** The text of lines `[from, to]` (1-based, inclusive). */
export function linesBetween(document: SourceDocument, from: number, to: number): readonly string[] {
  return document.lines.slice(from - 1, Math.max(from - 1, to));
}

/** How error messages name the place where a section stops. */
export function describeSectionEnd(document: SourceDocument, lastLine: number): string {
  return lastLine >= document.lines.length ? 'end of document' : `the next section at line ${lastLine + 1}`;
}
