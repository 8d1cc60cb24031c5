import { documentError, type SourceDocument } from './source-document.ts';
import type { ChangeLiteral } from './operation-section.ts';
import { parseSyntaxBlock } from './syntax-parser.ts';
import type { SourcePosition } from './syntax-tree.ts';

type Direction = ChangeLiteral['direction'];

const CHANGES = /^Changes\s+\(((?:request|response)(?:, ?(?:request|response))?)\)(.*)$/;
const LABEL = /^(Request|Response)\b\s*(.*)$/;

/** The literals of a `Changes (…)` block and the first line after it. */
export interface ChangesBlock {
  readonly changes: readonly ChangeLiteral[];
  readonly nextLine: number;
}

/**
 * Reads the `Changes (request|response|request, response)` block that may follow a section header: one
 * `{…}` literal per direction, introduced by a `Request`/`Response` label when both are announced (a
 * literal may also sit on the label's or the `Changes` line). Returns no changes when the block is absent.
 */
export function parseChangesBlock(document: SourceDocument, line: number, lastLine: number): ChangesBlock {
  const header = line <= lastLine ? CHANGES.exec(document.lines[line - 1]!.trim()) : null;
  if (!header) return { changes: [], nextLine: line };
  const declared = header[1]!.split(',').map((word) => word.trim() as Direction);
  const reader = new ChangesReader(document, declared, lastLine);
  reader.read(line, header[2]!);
  reader.assertComplete(line);
  return { changes: reader.changes, nextLine: reader.nextLine };
}

class ChangesReader {
  readonly changes: ChangeLiteral[] = [];
  nextLine = 0;
  private direction: Direction | undefined;

  constructor(
    private readonly document: SourceDocument,
    private readonly declared: readonly Direction[],
    private readonly lastLine: number,
  ) {
    this.direction = declared.length === 1 ? declared[0] : undefined;
  }

  read(headerLine: number, inline: string): void {
    let line = headerLine + 1;
    if (inline.trim() !== '') line = this.literal(this.positionOf(headerLine, inline));
    while (line <= this.lastLine) {
      const text = this.document.lines[line - 1]!;
      const trimmed = text.trim();
      const label = LABEL.exec(trimmed);
      if (trimmed === '') line++;
      else if (label && (label[2] === '' || label[2]!.startsWith('{'))) line = this.label(line, label);
      else if (trimmed.startsWith('{')) line = this.literal({ line, column: text.indexOf('{') });
      else break;
    }
    this.nextLine = line;
  }

  assertComplete(headerLine: number): void {
    for (const direction of this.declared) {
      if (!this.changes.some((change) => change.direction === direction)) {
        throw documentError(
          this.document,
          headerLine,
          `expected a {...} literal for the ${direction} changes announced here, found none`,
        );
      }
    }
  }

  private label(line: number, label: RegExpExecArray): number {
    const direction = label[1]!.toLowerCase() as Direction;
    if (!this.declared.includes(direction)) {
      throw documentError(
        this.document,
        line,
        `expected only ${this.declared.join(' and ')} changes, found a ${label[1]} label`,
      );
    }
    this.direction = direction;
    return label[2] === '' ? line + 1 : this.literal(this.positionOf(line, label[2]!));
  }

  private literal(start: SourcePosition): number {
    if (!this.direction) {
      throw documentError(
        this.document,
        start.line,
        "expected a 'Request' or 'Response' label before this change literal",
      );
    }
    const { node, end } = parseSyntaxBlock(this.document, start);
    if (node.kind !== 'dict')
      throw documentError(this.document, start.line, 'expected a {...} change literal');
    const trailing = this.document.lines[end.line - 1]!.slice(end.column).trim();
    if (trailing !== '')
      throw documentError(
        this.document,
        end.line,
        `expected the end of the line after the change literal, found '${trailing}'`,
      );
    this.changes.push({ direction: this.direction, node, line: start.line });
    return end.line + 1;
  }

  private positionOf(line: number, fragment: string): SourcePosition {
    return { line, column: this.document.lines[line - 1]!.lastIndexOf(fragment.trim()) };
  }
}
