import type { FamilyRole } from '../format/index.ts';
import { modelError, shapeOf, type SmithyModel, type SmithyShape } from './smithy-ast.ts';

/** An operation of the service with the shapes the resource graph reads. */
export interface GraphOperation {
  readonly name: string;
  readonly id: string;
  readonly inputId: string;
  readonly outputId: string;
  readonly input: SmithyShape;
}

/** A family as naming finds it, before the explicit table's roles are added. */
export interface NamedFamily {
  readonly name: string;
  readonly roles: Partial<Record<FamilyRole, string>>;
}

/** A family's own identifier: the kind's name (its request member) and where its creator puts a new one. */
export interface FamilyKind {
  readonly family: string;
  readonly kind: string;
  /** The family's `Create<X>`. */
  readonly create: string;
  readonly id: { readonly in: 'response' | 'request'; readonly pointer: string };
}

const CREATE = /^(Admin)?Create([A-Z][A-Za-z0-9]*)$/;

/**
 * The families the model's names give: each `Create<X>` (or `AdminCreate<X>`) with the `Describe<X>`/`Get<X>`,
 * `Update<X>`, `List<X>s` and `Delete<X>` operations that exist, the `Admin` form first when the creator has it
 * (AdminGetUser and AdminDeleteUser, not the self-service GetUser and DeleteUser). Sorted by name.
 */
export function namedFamilies(operations: ReadonlyMap<string, GraphOperation>): NamedFamily[] {
  const families: NamedFamily[] = [];
  for (const name of operations.keys()) {
    const match = CREATE.exec(name);
    if (match === null) continue;
    const prefix = match[1] ?? '';
    const noun = match[2]!;
    const first = (...verbs: string[]) =>
      [...new Set([prefix, ''])]
        .flatMap((p) => verbs.map((verb) => `${p}${verb}`))
        .find((candidate) => operations.has(candidate));
    const roles: Partial<Record<FamilyRole, string>> = { create: name };
    const found = {
      describe: first(`Describe${noun}`, `Get${noun}`),
      update: first(`Update${noun}`),
      list: first(`List${noun}s`),
      delete: first(`Delete${noun}`),
    };
    for (const [role, operation] of Object.entries(found))
      if (operation !== undefined) roles[role as FamilyRole] = operation;
    families.push({ name: noun, roles });
  }
  return families.sort((a, b) => compare(a.name, b.name));
}

/**
 * Each family's own identifier. The required members of its `Delete<X>` request (else its `Describe<X>`'s) name
 * the resource: those that are another family's identifier are its parents (a client's user pool), and the one
 * left is its own, found by resolving families in turn until none is left. A new one is where `Create<X>`'s
 * output has a member of that name (or `<Member>Id` as `Member`'s `Id`: the pool's `/UserPool/Id`), the
 * shallowest; else it is the request member the caller chooses (a domain's `/Domain`).
 * @throws Error naming the file and the family's operation when a family has no such operation, or its members
 *   leave no single own identifier, or the identifier is neither in the output nor in the request.
 */
export function familyKinds(
  model: SmithyModel,
  operations: ReadonlyMap<string, GraphOperation>,
  families: readonly NamedFamily[],
): FamilyKind[] {
  const known = new Set<string>();
  const kinds: FamilyKind[] = [];
  const pending = families.map((family) => ({
    family,
    members: identifyingMembers(model, operations, family),
  }));
  while (pending.length > 0) {
    const ready = pending.findIndex(
      ({ members }) => members.filter((member) => !known.has(member)).length === 1,
    );
    if (ready < 0) {
      const { family, members } = pending[0]!;
      throw modelError(
        model,
        operations.get(family.roles.create!)!.id,
        `expected the family ${family.name} to have one identifier of its own among ${members.join(', ')}, ` +
          `found ${members.filter((member) => !known.has(member)).length} that no other family has`,
      );
    }
    const [{ family, members }] = pending.splice(ready, 1) as [(typeof pending)[number]];
    const kind = members.find((member) => !known.has(member))!;
    known.add(kind);
    const create = family.roles.create!;
    kinds.push({
      family: family.name,
      kind,
      create,
      id: newIdLocation(model, operations.get(create)!, kind),
    });
  }
  return kinds.sort((a, b) => compare(a.kind, b.kind));
}

function identifyingMembers(
  model: SmithyModel,
  operations: ReadonlyMap<string, GraphOperation>,
  family: NamedFamily,
): string[] {
  const name = family.roles.delete ?? family.roles.describe;
  if (name === undefined)
    throw modelError(
      model,
      operations.get(family.roles.create!)!.id,
      `expected a Delete${family.name} or Describe${family.name} operation to name the resource, found neither`,
    );
  return Object.entries(operations.get(name)!.input.members ?? {})
    .filter(([, member]) => member.traits?.['smithy.api#required'] !== undefined)
    .map(([member]) => member);
}

function newIdLocation(model: SmithyModel, create: GraphOperation, kind: string): FamilyKind['id'] {
  let level: { pointer: string; parent: string; shapeId: string }[] = [
    { pointer: '', parent: '', shapeId: create.outputId },
  ];
  const seen = new Set<string>();
  while (level.length > 0) {
    const next: typeof level = [];
    const found: string[] = [];
    for (const { pointer, parent, shapeId } of level) {
      const shape = shapeOf(model, shapeId, create.id);
      if (shape.type !== 'structure' || seen.has(shapeId)) continue;
      seen.add(shapeId);
      for (const [member, { target }] of Object.entries(shape.members ?? {})) {
        if (member === kind || (member === 'Id' && `${parent}Id` === kind))
          found.push(`${pointer}/${member}`);
        next.push({ pointer: `${pointer}/${member}`, parent: member, shapeId: target });
      }
    }
    if (found.length === 1) return { in: 'response', pointer: found[0]! };
    if (found.length > 1)
      throw modelError(
        model,
        create.id,
        `expected one place for a new ${kind} in the output, found ${found.join(', ')}`,
      );
    level = next;
  }
  if (create.input.members?.[kind] !== undefined) return { in: 'request', pointer: `/${kind}` };
  throw modelError(
    model,
    create.id,
    `expected the output or the request to hold the new ${kind}, found neither`,
  );
}

/** Code-unit order, as every sorted list of the graph uses. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
