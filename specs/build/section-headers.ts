import { documentError, type SourceDocument } from './source-document.ts';

/** Where an operation's section begins, and the last line it owns. */
export interface SectionHeader {
  readonly operation: string;
  readonly status: 'new' | 'updated';
  readonly heading: string;
  readonly line: number;
  readonly lastLine: number;
}

const HEADER = /^([A-Z][A-Za-z0-9]*)\s+\((new|updated)\)(?:\s+Link\s*¶)?\s*$/;
const LINKED_HEADER = /^([A-Z][A-Za-z0-9]*)\s+\(([^)]*)\)\s+Link\s*¶\s*$/;

/**
 * Finds the `<Operation> (new|updated) Link ¶` lines that open each operation's section. A linked header
 * with another status, or an operation listed twice, is an error.
 */
export function findSectionHeaders(document: SourceDocument): SectionHeader[] {
  const starts = document.lines.flatMap((text, index) => {
    const header = toHeader(document, text, index + 1);
    return header ? [header] : [];
  });
  if (starts.length === 0) {
    throw documentError(
      document,
      1,
      "expected at least one '<Operation> (new|updated) Link ¶' section header, found none",
    );
  }
  assertUnique(document, starts);
  return starts.map((start, index) => ({
    ...start,
    lastLine: (starts[index + 1]?.line ?? document.lines.length + 1) - 1,
  }));
}

function toHeader(
  document: SourceDocument,
  text: string,
  line: number,
): Omit<SectionHeader, 'lastLine'> | undefined {
  const match = HEADER.exec(text);
  if (match) {
    const [, operation, status] = match as unknown as [string, string, 'new' | 'updated'];
    return { operation, status, heading: `${operation} (${status})`, line };
  }
  const linked = LINKED_HEADER.exec(text);
  if (linked)
    throw documentError(
      document,
      line,
      `expected status 'new' or 'updated' in the header of ${linked[1]}, found '${linked[2]}'`,
    );
  return undefined;
}

function assertUnique(document: SourceDocument, headers: readonly Omit<SectionHeader, 'lastLine'>[]): void {
  const seen = new Map<string, number>();
  for (const header of headers) {
    const first = seen.get(header.operation);
    if (first !== undefined) {
      throw documentError(
        document,
        header.line,
        `expected one section per operation, found ${header.operation} again (first at line ${first})`,
      );
    }
    seen.set(header.operation, header.line);
  }
}
