import { parseBulletTree } from './bullet-tree-parser.ts';
import { firstNonBlankLine, linesBetween } from './document-lines.ts';
import { documentError, type SourceDocument } from './source-document.ts';
import type { ParamBlock } from './operation-section.ts';

const TYPE = /^type (\S+):$/;
const PARAM = /^param (\S+):$/;
const RTYPE = /^rtype:$/;

interface Marker {
  readonly kind: 'type' | 'param';
  readonly name: string;
  readonly line: number;
}

/**
 * Reads the `type X:` / `param X:` blocks between a request's syntax block and `rtype:` (or `to`, if
 * there is none). Anything else there that is not blank is an error.
 */
export function parseParamBlocks(document: SourceDocument, from: number, to: number): ParamBlock[] {
  const markers = findMarkers(document, from, to);
  const types = new Map(
    markers.filter((m) => m.kind === 'type').map((m) => [m.name, declaredType(document, m)]),
  );
  const params = markers
    .filter((m) => m.kind === 'param')
    .map((m) => toParamBlock(document, m, types.get(m.name)));
  assertUnique(document, params);
  return params;
}

interface LocatedMarker extends Marker {
  /** Last line of the block this marker opens. */
  readonly end: number;
}

function findMarkers(document: SourceDocument, from: number, to: number): LocatedMarker[] {
  const markers: Marker[] = [];
  let stop = to;
  for (let line = from; line <= to; line++) {
    const trimmed = document.lines[line - 1]!.trim();
    if (RTYPE.test(trimmed)) {
      stop = line - 1;
      break;
    }
    const marker = toMarker(trimmed, line);
    if (marker) markers.push(marker);
    else if (markers.length === 0 && trimmed !== '') {
      throw documentError(
        document,
        line,
        `expected 'type <Name>:', 'param <Name>:' or 'rtype:', found '${trimmed}'`,
      );
    }
  }
  return markers.map((marker, index) => ({ ...marker, end: (markers[index + 1]?.line ?? stop + 1) - 1 }));
}

function toMarker(trimmed: string, line: number): Marker | undefined {
  const type = TYPE.exec(trimmed);
  if (type) return { kind: 'type', name: type[1]!, line };
  const param = PARAM.exec(trimmed);
  return param ? { kind: 'param', name: param[1]!, line } : undefined;
}

function declaredType(document: SourceDocument, marker: LocatedMarker): ParamBlock['declaredType'] {
  const line = firstNonBlankLine(document, marker.line + 1, marker.end);
  if (line === undefined)
    throw documentError(
      document,
      marker.line,
      `expected a type name under 'type ${marker.name}:', found none`,
    );
  return { name: document.lines[line - 1]!.trim(), line };
}

function toParamBlock(
  document: SourceDocument,
  marker: LocatedMarker,
  type: ParamBlock['declaredType'],
): ParamBlock {
  const first = firstNonBlankLine(document, marker.line + 1, marker.end);
  const required = first !== undefined && document.lines[first - 1]!.trim() === '[REQUIRED]';
  const tree = parseBulletTree(linesBetween(document, marker.line + 1, marker.end), marker.line + 1);
  return { name: marker.name, line: marker.line, declaredType: type, required, ...tree };
}

function assertUnique(document: SourceDocument, params: readonly ParamBlock[]): void {
  const seen = new Map<string, number>();
  for (const param of params) {
    const first = seen.get(param.name);
    if (first !== undefined) {
      throw documentError(
        document,
        param.line,
        `expected one 'param ${param.name}:' block, found another (first at line ${first})`,
      );
    }
    seen.set(param.name, param.line);
  }
}
