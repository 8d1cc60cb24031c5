import type { IdentifierKind, KindCreator, OperationResources } from '../format/index.ts';
import type { GraphOperation } from './resource-families.ts';
import type { ResourceGraphTable } from './resource-graph-table.ts';
import { modelError, type SmithyModel } from './smithy-ast.ts';

/** The explicit table's file, which every error about a row names. */
export const TABLE = 'specs/build/resource-graph-table.ts';

/** An error about a row of the explicit table (`where` says which). */
export function tableError(where: string, message: string): Error {
  return new Error(`${TABLE}: ${where}: ${message}`);
}

/** An error about the graph as a whole. */
export function graphError(message: string): Error {
  return new Error(`resource graph: ${message}`);
}

/** Required members whose names read as identifiers (ids, keys, ARNs, tokens, codes). */
const IDENTIFIER_NAME = /(Id|Key|Arn|Token|Code|Identifier)$/;

/**
 * Every required request member that reads as an identifier (by its name, or by targeting a shape that a member
 * naming resolves also targets) must be an identifier or an out-of-band input, or hold one, or be listed as a value.
 */
export function checkClassified(
  model: SmithyModel,
  operations: ReadonlyMap<string, GraphOperation>,
  entries: ReadonlyMap<string, OperationResources>,
  table: ResourceGraphTable,
): void {
  const identifierShapes = new Set<string>();
  for (const operation of operations.values())
    for (const { pointer, basis } of entries.get(operation.name)!.identifiers)
      if (basis === 'naming') identifierShapes.add(operation.input.members![pointer.slice(1)]!.target);
  const flagged = new Set<string>();
  for (const operation of operations.values()) {
    const entry = entries.get(operation.name)!;
    const pointers = [...entry.identifiers, ...entry.outOfBand].map(({ pointer }) => pointer);
    for (const [member, { target, traits }] of Object.entries(operation.input.members ?? {})) {
      if (traits?.['smithy.api#required'] === undefined) continue;
      if (pointers.some((pointer) => pointer === `/${member}` || pointer?.startsWith(`/${member}/`)))
        continue;
      if (IDENTIFIER_NAME.test(member) || identifierShapes.has(target))
        flagged.add(`${operation.name} ${member}`);
    }
  }
  for (const row of table.values) {
    const where = `${row.operation} ${row.member}`;
    if (!flagged.delete(where))
      throw tableError(
        where,
        'expected a required member that reads as an identifier and is none, found none; remove the row',
      );
  }
  const [first] = flagged;
  if (first === undefined) return;
  const [operation, member] = first.split(' ') as [string, string];
  throw modelError(
    model,
    `${operations.get(operation)!.inputId}$${member}`,
    `expected a required member that reads as an identifier to resolve to a kind or an out-of-band value, ` +
      `found neither; add a row to ${TABLE}`,
  );
}

/** Every kind each creator of `kind` needs (a read operation's needs included). */
function creatorKinds(creator: KindCreator): string[] {
  return [...creator.needs, ...(creator.id.in === 'read' ? creator.id.needs : [])].map(({ kind }) => kind);
}

/** No kind may need itself through any of its creators. */
export function checkAcyclic(kinds: ReadonlyMap<string, IdentifierKind>): void {
  const done = new Set<string>();
  const visit = (kind: string, path: readonly string[]): void => {
    if (path.includes(kind))
      throw graphError(
        `the creators of ${kind} need each other: ${[...path.slice(path.indexOf(kind)), kind].join(' → ')}`,
      );
    if (done.has(kind)) return;
    for (const creator of kinds.get(kind)!.creators)
      for (const need of creatorKinds(creator)) visit(need, [...path, kind]);
    done.add(kind);
  };
  for (const kind of kinds.keys()) visit(kind, []);
}

/**
 * What a walk makes, it can remove: a deleter needs only its kind and what the kind's first creator needs (through
 * any depth), and a kind without a deleter needs, through its first creator, a kind that has one.
 */
export function checkDeletions(kinds: ReadonlyMap<string, IdentifierKind>): void {
  const ancestors = (kind: string): Set<string> => {
    const found = new Set<string>();
    const visit = (current: string) => {
      for (const need of creatorKinds(kinds.get(current)!.creators[0]!))
        if (!found.has(need)) {
          found.add(need);
          visit(need);
        }
    };
    visit(kind);
    return found;
  };
  for (const [kind, { deleter }] of kinds) {
    const above = ancestors(kind);
    if (deleter === undefined) {
      if (![...above].some((ancestor) => kinds.get(ancestor)!.deleter !== undefined))
        throw graphError(`${kind} has no deleter, and neither has anything its first creator needs`);
      continue;
    }
    const stray = deleter.input.find((use) => use.kind !== kind && !above.has(use.kind));
    if (stray !== undefined)
      throw graphError(
        `${deleter.operation}, the deleter of ${kind}, needs ${stray.kind}, which making ${kind} does not make`,
      );
  }
}
