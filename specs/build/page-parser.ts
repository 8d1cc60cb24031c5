import { parseBulletTree } from './bullet-tree-parser.ts';
import { parseChangesBlock } from './changes-block-parser.ts';
import { describeSectionEnd, findLine, firstNonBlankLine, linesBetween } from './document-lines.ts';
import type { OperationSection } from './operation-section.ts';
import { parseParamBlocks } from './param-block-parser.ts';
import { findSectionHeaders, type SectionHeader } from './section-headers.ts';
import { documentError, type SourceDocument } from './source-document.ts';
import { type ParsedBlock, parseSyntaxBlock } from './syntax-parser.ts';
import type { CallNode } from './syntax-tree.ts';

const REQUEST_SYNTAX = 'Request Syntax';
const RESPONSE_SYNTAX = 'Response Syntax';
const RESPONSE_STRUCTURE = 'Response Structure';

/**
 * Splits an API reference page into its operation sections and reads each one's parts: header, `Changes`
 * block, `Request Syntax` call, `param` blocks, `Response Syntax` and `Response Structure`. Throws a
 * located error (`<file>:<line>: expected …`) for any part that is missing or malformed.
 */
export function parsePage(document: SourceDocument): OperationSection[] {
  return findSectionHeaders(document).map((header) => parseSection(document, header));
}

function parseSection(document: SourceDocument, header: SectionHeader): OperationSection {
  const { changes, nextLine } = parseChangesBlock(document, header.line + 1, header.lastLine);
  const requestLine = landmark(document, header, REQUEST_SYNTAX, nextLine);
  const request = syntaxAfter(document, header, requestLine, `client.<${header.operation}>(...)`);
  const requestCall = asRequestCall(document, header, request);
  const responseLine = landmark(document, header, RESPONSE_SYNTAX, request.end.line + 1);
  const response = syntaxAfter(document, header, responseLine, 'a {...} response literal');
  if (response.node.kind !== 'dict')
    throw documentError(document, response.node.line, `expected a {...} literal under '${RESPONSE_SYNTAX}'`);
  return {
    operation: header.operation,
    status: header.status,
    heading: header.heading,
    line: header.line,
    changes,
    requestCall,
    params: parseParamBlocks(document, request.end.line + 1, responseLine - 1),
    responseSyntax: response.node,
    responseStructure: responseStructure(document, header, response.end.line + 1),
  };
}

/** The line of a landmark that must occur exactly once in the section, at or after `from`. */
function landmark(document: SourceDocument, header: SectionHeader, text: string, from: number): number {
  const line = findLine(document, from, header.lastLine, (trimmed) => trimmed === text);
  if (line === undefined) {
    const end = describeSectionEnd(document, header.lastLine);
    throw documentError(
      document,
      from,
      `expected '${text}' in section ${header.heading} (line ${header.line}), found ${end}`,
    );
  }
  const again = findLine(document, line + 1, header.lastLine, (trimmed) => trimmed === text);
  if (again !== undefined) {
    throw documentError(
      document,
      again,
      `expected one '${text}' in section ${header.heading} (line ${header.line}), found another; is a section header missing?`,
    );
  }
  return line;
}

function syntaxAfter(
  document: SourceDocument,
  header: SectionHeader,
  landmarkLine: number,
  expected: string,
): ParsedBlock {
  const start = firstNonBlankLine(document, landmarkLine + 1, header.lastLine);
  if (start === undefined) {
    throw documentError(
      document,
      landmarkLine,
      `expected ${expected} after '${document.lines[landmarkLine - 1]!.trim()}', found ${describeSectionEnd(document, header.lastLine)}`,
    );
  }
  const text = document.lines[start - 1]!;
  const block = parseSyntaxBlock(document, { line: start, column: text.length - text.trimStart().length });
  const trailing = document.lines[block.end.line - 1]!.slice(block.end.column).trim();
  if (trailing !== '')
    throw documentError(
      document,
      block.end.line,
      `expected the end of the line after the syntax block, found '${trailing}'`,
    );
  return block;
}

function asRequestCall(document: SourceDocument, header: SectionHeader, block: ParsedBlock): CallNode {
  const node = block.node;
  const method =
    node.kind === 'call' && node.callee.startsWith('client.')
      ? node.callee.slice('client.'.length)
      : undefined;
  if (
    node.kind !== 'call' ||
    method === undefined ||
    method.replaceAll('_', '').toLowerCase() !== header.operation.toLowerCase()
  ) {
    const found = node.kind === 'call' ? `${node.callee}(` : `a ${node.kind} literal`;
    throw documentError(
      document,
      node.line,
      `expected client.<${header.operation} in snake_case>(...) under '${REQUEST_SYNTAX}', found ${found}`,
    );
  }
  return node;
}

function responseStructure(
  document: SourceDocument,
  header: SectionHeader,
  from: number,
): OperationSection['responseStructure'] {
  const line = findLine(document, from, header.lastLine, (trimmed) => trimmed === RESPONSE_STRUCTURE);
  if (line === undefined) return [];
  return parseBulletTree(linesBetween(document, line + 1, header.lastLine), line + 1).bullets;
}
