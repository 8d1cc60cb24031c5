import { basename, dirname, join } from 'node:path';
import type {
  FamilyRole,
  IdentifierKind,
  IdentifierUse,
  IdLocation,
  KindCreator,
  OperationIdentifier,
  OperationResources,
  OutOfBandInput,
  ResourceFamily,
  ResourceGraph,
} from '../format/index.ts';
import { pointerPath } from './model-pointer.ts';
import {
  checkAcyclic,
  checkClassified,
  checkDeletions,
  graphError,
  TABLE,
  tableError,
} from './resource-graph-checks.ts';
import {
  compare,
  type FamilyKind,
  familyKinds,
  type GraphOperation,
  type NamedFamily,
  namedFamilies,
} from './resource-families.ts';
import {
  type ExplicitCreator,
  type ExplicitIdentifier,
  RESOURCE_GRAPH_TABLE,
  type ResourceGraphTable,
} from './resource-graph-table.ts';
import { loadSmithyModel, modelError, shapeName, shapeOf, type SmithyModel } from './smithy-ast.ts';
import { writeFilesAtomically } from './spec-writer.ts';

/** The graph's file name. */
export const RESOURCE_GRAPH_FILE = 'resource-graph.json';

/**
 * Where `npm run specs` writes the graph: beside the specs' directory (`specs/resource-graph.json` for
 * `specs/operations`), so the directory holds operation specs only and the graph moves with `--out`.
 */
export function resourceGraphPath(specsDir: string): string {
  return join(dirname(specsDir), RESOURCE_GRAPH_FILE);
}

/**
 * The resource graph of the current reference (a Smithy JSON AST): derived from the model's names, completed by
 * the explicit table. Reads shapes and names only, never documentation. Has no side effects.
 * @throws Error naming the model file and the shape (or the table and its row) at the first fact that does not
 *   hold: a family without its own identifier, a table row naming a missing operation, member or pointer or
 *   repeating what naming gives, a required identifier-like member nothing accounts for, creators that need each
 *   other, or a deleter that needs what its kind's creation does not make.
 */
export function generateResourceGraph(referencePath: string): ResourceGraph {
  return resourceGraphOf(loadSmithyModel(referencePath));
}

/** {@link generateResourceGraph} for a model already loaded, with any explicit table. */
export function resourceGraphOf(
  model: SmithyModel,
  table: ResourceGraphTable = RESOURCE_GRAPH_TABLE,
): ResourceGraph {
  const operations = graphOperations(model);
  const families = withExplicitRoles(operations, namedFamilies(operations), table);
  const drafts = kindDrafts(model, operations, familyKinds(model, operations, families), families, table);
  const byMember = memberIndex(drafts);
  checkRowsNameOperations(operations, table);
  const context: EntryContext = { model, operations, drafts, byMember, families, table };
  const entries = new Map(
    [...operations.values()].map((operation) => [operation.name, operationEntry(context, operation)]),
  );
  checkClassified(model, operations, entries, table);
  const kinds = finishKinds(drafts, entries);
  checkAcyclic(kinds);
  checkDeletions(kinds);
  return {
    graphVersion: 1,
    source: { document: model.file, service: model.serviceId },
    kinds: Object.fromEntries([...kinds].sort(([a], [b]) => compare(a, b))),
    outOfBand: Object.fromEntries(
      Object.entries(table.outOfBandValues)
        .sort(([a], [b]) => compare(a, b))
        .map(([name, { channel, why }]) => [name, { channel, why }]),
    ),
    families: Object.fromEntries(families.map((family) => [family.name, familyJson(family, drafts)])),
    operations: Object.fromEntries(entries),
  };
}

/** The committed form: keys in build order, 2-space indent, trailing newline (generated, so .prettierignore has it). */
export function serialiseResourceGraph(graph: ResourceGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

/** Writes the graph to `path` (through a temporary file); returns the path. */
export function writeResourceGraph(graph: ResourceGraph, path: string): string {
  return writeFilesAtomically(dirname(path), new Map([[basename(path), serialiseResourceGraph(graph)]]))[0]!;
}

/** What `npm run specs` prints after writing the graph to `path`: one line of counts, naming against explicit. */
export function resourceGraphSummary(graph: ResourceGraph, path: string): string {
  const kinds = Object.values(graph.kinds);
  const identifiers = Object.values(graph.operations).flatMap((entry) => entry.identifiers);
  const outOfBand = Object.values(graph.operations).flatMap((entry) => entry.outOfBand);
  const byNaming = <T extends { basis: string }>(items: readonly T[]) =>
    items.filter((item) => item.basis === 'naming').length;
  return (
    `resource graph: ${kinds.length} identifier kinds (${byNaming(kinds)} by naming, ` +
    `${kinds.length - byNaming(kinds)} explicit), ${Object.keys(graph.families).length} families, ` +
    `${identifiers.length} identifiers in ${Object.keys(graph.operations).length} operations ` +
    `(${byNaming(identifiers)} by naming, ${identifiers.length - byNaming(identifiers)} explicit), ` +
    `${outOfBand.length} out-of-band inputs, written to ${path}`
  );
}

const UNIT = 'smithy.api#Unit';

function graphOperations(model: SmithyModel): Map<string, GraphOperation> {
  const list = (model.service.operations ?? []).map(({ target: id }) => {
    const shape = shapeOf(model, id, model.serviceId);
    if (shape.type !== 'operation')
      throw modelError(model, model.serviceId, `expected ${id} to be an operation, found a ${shape.type}`);
    const inputId = shape.input?.target ?? UNIT;
    return {
      name: shapeName(id),
      id,
      inputId,
      outputId: shape.output?.target ?? UNIT,
      input: shapeOf(model, inputId, id),
    };
  });
  return new Map(
    list.sort((a, b) => compare(a.name, b.name)).map((operation) => [operation.name, operation]),
  );
}

/** A family with every role, and the roles the table filled. */
interface Family extends NamedFamily {
  readonly explicit: Partial<Record<FamilyRole, string>>;
}

function withExplicitRoles(
  operations: ReadonlyMap<string, GraphOperation>,
  named: readonly NamedFamily[],
  table: ResourceGraphTable,
): Family[] {
  const families: Family[] = named.map((family) => ({ ...family, roles: { ...family.roles }, explicit: {} }));
  for (const row of table.familyRoles) {
    const where = `family ${row.family} ${row.role}`;
    const family = families.find(({ name }) => name === row.family);
    if (family === undefined) throw tableError(where, `expected a family ${row.family}, found none`);
    if (!operations.has(row.operation))
      throw tableError(where, `expected an operation ${row.operation}, found none`);
    const named = family.roles[row.role];
    if (named !== undefined) throw tableError(where, `naming already gives ${named}; remove the row`);
    family.roles[row.role] = row.operation;
    family.explicit[row.role] = row.why;
  }
  return families;
}

/** A kind before the operations are read: its creators' and deleter's needs come from the operation entries. */
interface KindDraft {
  readonly basis: 'naming' | 'explicit';
  readonly why?: string;
  readonly family?: string;
  readonly members: readonly string[];
  readonly creators: CreatorDraft[];
  readonly deleter?: { readonly operation: string; readonly basis: 'naming' | 'explicit' };
}

interface CreatorDraft {
  readonly operation: string;
  readonly basis: 'naming' | 'explicit';
  readonly why?: string;
  /** The family's `Create<X>`: every identifier of the kind in its request is the new one. */
  readonly familyCreate: boolean;
  readonly id: IdLocationDraft;
}

type IdLocationDraft =
  | { readonly in: 'response' | 'request'; readonly pointer: string; readonly source: readonly string[] }
  | {
      readonly in: 'read';
      readonly operation: string;
      readonly pointer: string;
      readonly source: readonly string[];
    };

function kindDrafts(
  model: SmithyModel,
  operations: ReadonlyMap<string, GraphOperation>,
  derived: readonly FamilyKind[],
  families: readonly Family[],
  table: ResourceGraphTable,
): Map<string, KindDraft> {
  const drafts = new Map<string, KindDraft>();
  for (const { family, kind, create, id } of derived) {
    const remover = families.find(({ name }) => name === family)?.roles.delete;
    drafts.set(kind, {
      basis: 'naming',
      family,
      members: [kind],
      creators: [
        {
          operation: create,
          basis: 'naming',
          familyCreate: true,
          id: {
            ...id,
            source: pointerPath(model, sideOf(operations.get(create)!, id.in), id.pointer, create).source,
          },
        },
      ],
      ...(remover === undefined ? {} : { deleter: { operation: remover, basis: 'naming' as const } }),
    });
  }
  for (const row of table.kinds) {
    const where = `kind ${row.kind}`;
    if (drafts.has(row.kind)) throw tableError(where, 'naming already gives this kind; remove the row');
    if (row.creators.length === 0) throw tableError(where, 'expected at least one creator, found none');
    if (row.deleter !== undefined && !operations.has(row.deleter))
      throw tableError(where, `expected an operation ${row.deleter}, found none`);
    drafts.set(row.kind, {
      basis: 'explicit',
      why: row.why,
      members: row.members,
      creators: row.creators.map((creator) => explicitCreator(model, operations, creator, where)),
      ...(row.deleter === undefined
        ? {}
        : { deleter: { operation: row.deleter, basis: 'explicit' as const } }),
    });
  }
  for (const { kind, creator } of table.creators) {
    const where = `creator ${creator.operation} of ${kind}`;
    const draft = drafts.get(kind);
    if (draft === undefined) throw tableError(where, `expected a kind ${kind}, found none`);
    if (draft.creators.some(({ operation }) => operation === creator.operation))
      throw tableError(where, 'the kind already has this creator; remove the row');
    draft.creators.push(explicitCreator(model, operations, creator, where));
  }
  return drafts;
}

function explicitCreator(
  model: SmithyModel,
  operations: ReadonlyMap<string, GraphOperation>,
  creator: ExplicitCreator,
  where: string,
): CreatorDraft {
  const operation = operations.get(creator.operation);
  if (operation === undefined)
    throw tableError(where, `expected an operation ${creator.operation}, found none`);
  const { id } = creator;
  const from = id.in === 'read' ? operations.get(id.operation) : operation;
  if (from === undefined)
    throw tableError(where, `expected an operation ${(id as { operation: string }).operation}, found none`);
  const source = pointerPath(model, sideOf(from, id.in), id.pointer, `${TABLE}: ${where}`).source;
  return {
    operation: creator.operation,
    basis: 'explicit',
    ...(creator.why === undefined ? {} : { why: creator.why }),
    familyCreate: false,
    id: { ...id, source },
  };
}

/** The shape a location's pointer starts from: the request for `request`, else the response. */
function sideOf(operation: GraphOperation, location: 'response' | 'request' | 'read'): string {
  return location === 'request' ? operation.inputId : operation.outputId;
}

/** Request member name → the kind it carries. */
function memberIndex(drafts: ReadonlyMap<string, KindDraft>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [kind, { members }] of drafts)
    for (const member of members) {
      const other = index.get(member);
      if (other !== undefined)
        throw tableError(`kind ${kind}`, `the member ${member} already carries ${other}`);
      index.set(member, kind);
    }
  return index;
}

interface EntryContext {
  readonly model: SmithyModel;
  readonly operations: ReadonlyMap<string, GraphOperation>;
  readonly drafts: ReadonlyMap<string, KindDraft>;
  readonly byMember: ReadonlyMap<string, string>;
  readonly families: readonly Family[];
  readonly table: ResourceGraphTable;
}

function operationEntry(context: EntryContext, operation: GraphOperation): OperationResources {
  const rows = context.table.identifiers.filter((row) => row.operation === operation.name);
  const used = new Set<ExplicitIdentifier>();
  const identifiers: OperationIdentifier[] = [];
  for (const member of Object.keys(operation.input.members ?? {})) {
    const pointer = `/${member}`;
    const named = context.byMember.get(member);
    const here = rows.filter((row) => row.pointer === pointer || row.pointer.startsWith(`${pointer}/`));
    here.forEach((row) => used.add(row));
    const exact = here.find((row) => row.pointer === pointer);
    const where = `${operation.name} ${pointer}`;
    if (exact?.kind !== undefined && exact.kind === named)
      throw tableError(where, `naming already resolves it to ${named}; leave the row's kind out`);
    if (exact !== undefined && exact.kind === undefined && named === undefined)
      throw tableError(where, 'naming resolves no kind here; give the row a kind');
    const kind = exact?.kind ?? named;
    if (kind !== undefined) identifiers.push(identifier(context, operation, pointer, kind, exact));
    for (const row of here.filter((candidate) => candidate !== exact)) {
      if (row.kind === undefined)
        throw tableError(`${operation.name} ${row.pointer}`, 'expected a kind, found none');
      identifiers.push(identifier(context, operation, row.pointer, row.kind, row));
    }
  }
  const unused = rows.find((row) => !used.has(row));
  if (unused !== undefined)
    throw tableError(
      `${operation.name} ${unused.pointer}`,
      `expected a request member ${unused.pointer.split('/')[1]}, found none`,
    );
  const role = familyRole(context.families, operation.name);
  return {
    shape: operation.id,
    ...(role === undefined ? {} : { family: role }),
    identifiers,
    outOfBand: outOfBandInputs(context, operation),
  };
}

function identifier(
  context: EntryContext,
  operation: GraphOperation,
  pointer: string,
  kind: string,
  row: ExplicitIdentifier | undefined,
): OperationIdentifier {
  const where = `${operation.name} ${pointer}`;
  if (!context.drafts.has(kind)) throw tableError(where, `expected a kind ${kind}, found none`);
  const path = pointerPath(
    context.model,
    operation.inputId,
    pointer,
    row === undefined ? operation.id : `${TABLE}: ${where}`,
  );
  if (row !== undefined && row.kind === undefined && row.need === undefined)
    throw tableError(where, 'the row changes nothing naming gives; remove it');
  if (row?.need === 'needed' && path.required)
    throw tableError(where, "the model already requires it; leave the row's need out");
  return {
    pointer,
    kind,
    need: row?.need ?? (path.required ? 'required' : 'optional'),
    use: makesNew(context.drafts.get(kind)!, operation.name, pointer) ? 'new' : 'existing',
    basis: row === undefined ? 'naming' : 'explicit',
    ...(row === undefined ? {} : { why: row.why }),
    source: path.source,
  };
}

/** Whether the operation's request brings the identifier at `pointer` into being, as a creator of its kind. */
function makesNew(draft: KindDraft, operation: string, pointer: string): boolean {
  return draft.creators.some(
    (creator) =>
      creator.operation === operation &&
      (creator.id.in === 'request' ? creator.id.pointer === pointer : creator.familyCreate),
  );
}

function familyRole(families: readonly Family[], operation: string): OperationResources['family'] {
  for (const family of families)
    for (const [role, name] of Object.entries(family.roles))
      if (name === operation) return { name: family.name, role: role as FamilyRole };
  return undefined;
}

function outOfBandInputs(context: EntryContext, operation: GraphOperation): OutOfBandInput[] {
  const { model, operations, table } = context;
  return table.outOfBandInputs
    .filter((row) => row.operation === operation.name)
    .map((row) => {
      const where = `out-of-band ${row.value} of ${operation.name}`;
      if (!(row.value in table.outOfBandValues))
        throw tableError(where, `expected an out-of-band value ${row.value}, found none`);
      for (const after of row.after ?? []) {
        const from = operations.get(after.operation);
        if (from === undefined)
          throw tableError(where, `expected an operation ${after.operation}, found none`);
        if (after.pointer !== undefined)
          pointerPath(model, from.outputId, after.pointer, `${TABLE}: ${where}`);
      }
      const source =
        row.pointer === undefined
          ? undefined
          : pointerPath(model, operation.inputId, row.pointer, `${TABLE}: ${where}`).source;
      return {
        ...(row.pointer === undefined ? {} : { pointer: row.pointer }),
        value: row.value,
        ...(row.after === undefined ? {} : { after: row.after.map((after) => ({ ...after })) }),
        ...(source === undefined ? {} : { source }),
      };
    });
}

function finishKinds(
  drafts: ReadonlyMap<string, KindDraft>,
  entries: ReadonlyMap<string, OperationResources>,
): Map<string, IdentifierKind> {
  const needsOf = (operation: string) => uses(entries.get(operation)!);
  const kinds = new Map<string, IdentifierKind>();
  for (const [kind, draft] of drafts) {
    const creators = draft.creators.map((creator): KindCreator => {
      const needs = needsOf(creator.operation);
      if (needs.some((need) => need.kind === kind))
        throw graphError(`${creator.operation} makes ${kind}, yet its request needs an existing one`);
      const { id: draftId } = creator;
      const id: IdLocation =
        draftId.in === 'read'
          ? {
              in: 'read',
              operation: draftId.operation,
              pointer: draftId.pointer,
              needs: needsOf(draftId.operation),
              source: draftId.source,
            }
          : draftId;
      return {
        operation: creator.operation,
        basis: creator.basis,
        ...(creator.why === undefined ? {} : { why: creator.why }),
        needs,
        id,
      };
    });
    const deleter = draft.deleter && { ...draft.deleter, input: needsOf(draft.deleter.operation) };
    if (deleter !== undefined && !deleter.input.some((use) => use.kind === kind))
      throw graphError(`${deleter.operation}, the deleter of ${kind}, does not name one`);
    kinds.set(kind, {
      basis: draft.basis,
      ...(draft.why === undefined ? {} : { why: draft.why }),
      ...(draft.family === undefined ? {} : { family: draft.family }),
      members: draft.members,
      creators,
      ...(deleter === undefined ? {} : { deleter }),
    });
  }
  return kinds;
}

/** The identifiers an operation's request cannot do without, as pointers and kinds. */
function uses(entry: OperationResources): IdentifierUse[] {
  return entry.identifiers
    .filter(({ use, need }) => use === 'existing' && need !== 'optional')
    .map(({ pointer, kind }) => ({ pointer, kind }));
}

function checkRowsNameOperations(
  operations: ReadonlyMap<string, GraphOperation>,
  table: ResourceGraphTable,
): void {
  for (const row of [...table.identifiers, ...table.outOfBandInputs])
    if (!operations.has(row.operation))
      throw tableError(
        `${row.operation} ${row.pointer ?? ''}`.trimEnd(),
        `expected an operation ${row.operation}, found none`,
      );
}

function familyJson(family: Family, drafts: ReadonlyMap<string, KindDraft>): ResourceFamily {
  const kind = [...drafts].find(([, draft]) => draft.family === family.name)![0];
  const { create, describe, update, list, delete: remove } = family.roles;
  return {
    kind,
    create: create!,
    ...(describe === undefined ? {} : { describe }),
    ...(update === undefined ? {} : { update }),
    ...(list === undefined ? {} : { list }),
    ...(remove === undefined ? {} : { delete: remove }),
    ...(Object.keys(family.explicit).length === 0 ? {} : { explicit: family.explicit }),
  };
}
