import type {
  IdentifierUse,
  IdLocation,
  KindCreator,
  OutOfBandInput,
  ResourceGraph,
} from './resource-graph.ts';

/** One call that makes prerequisites: the operation, the identifiers it needs, and the kinds it yields. */
export interface CreationStep {
  readonly operation: string;
  /** The request pointers and kinds it needs, every one made by an earlier step. */
  readonly needs: readonly IdentifierUse[];
  /**
   * The kinds this call yields and where each is. One call yields several when their first creators are the
   * same operation with the same needs, read from the same top-level response member (one sign-in's
   * `AuthenticationResult` holds its access token, refresh token and new device key).
   */
  readonly yields: readonly { readonly kind: string; readonly id: IdLocation }[];
}

/** One call that removes prerequisites, with the identifiers its request needs. */
export interface DeletionStep {
  readonly operation: string;
  readonly input: readonly IdentifierUse[];
  /** The kinds it removes (several where one call removes what several kinds name). */
  readonly kinds: readonly string[];
}

/** An out-of-band value the walk needs, and the operation whose request (or step before it) needs it. */
export interface WalkOutOfBand {
  readonly operation: string;
  readonly input: OutOfBandInput;
}

/** What calling an operation takes: the prerequisites in creation order, and their removal afterwards. */
export interface PrerequisiteWalk {
  readonly operation: string;
  /** Every identifier the operation needs (`existing`, `required` or `needed`), and theirs, each made once. */
  readonly creations: readonly CreationStep[];
  /**
   * The creations undone in reverse order, for the kinds that have a deleter; the rest go with what they need.
   * The operation itself may already have removed one (DeleteGroup's group), so a walker tolerates "not found".
   */
  readonly deletions: readonly DeletionStep[];
  /** The out-of-band values of every creation step, in step order, then the operation's own. */
  readonly outOfBand: readonly WalkOutOfBand[];
}

/**
 * The prerequisites of calling `operation`, read from the resource graph: a depth-first walk from the operation's
 * identifiers through each kind's first creator, in request member order, so each kind comes after the kinds its
 * creator needs. Use it to set up an operation, then undo the set-up with {@link PrerequisiteWalk.deletions}.
 * @throws Error `walkPrerequisites: …` when the operation or a kind it reaches is not in the graph, a kind has no
 *   creator, or creators need each other (a graph `npm run specs` would not write).
 */
export function walkPrerequisites(graph: ResourceGraph, operation: string): PrerequisiteWalk {
  const entry = graph.operations[operation];
  if (entry === undefined) throw new Error(`walkPrerequisites: no operation '${operation}' in the graph`);
  const order: string[] = [];
  const visiting: string[] = [];
  const visit = (kind: string): void => {
    if (order.includes(kind)) return;
    if (visiting.includes(kind)) {
      const cycle = [...visiting.slice(visiting.indexOf(kind)), kind].join(' → ');
      throw new Error(`walkPrerequisites: the creators of ${kind} need each other: ${cycle}`);
    }
    visiting.push(kind);
    for (const need of creatorNeeds(firstCreator(graph, kind))) visit(need.kind);
    visiting.pop();
    order.push(kind);
  };
  for (const identifier of entry.identifiers)
    if (identifier.use === 'existing' && identifier.need !== 'optional') visit(identifier.kind);
  const creations = creationSteps(graph, order);
  return {
    operation,
    creations,
    deletions: deletionSteps(graph, creations),
    outOfBand: [...creations.map((step) => step.operation), operation].flatMap((name) =>
      (graph.operations[name]?.outOfBand ?? []).map((input) => ({ operation: name, input })),
    ),
  };
}

function firstCreator(graph: ResourceGraph, kind: string): KindCreator {
  const found = graph.kinds[kind];
  if (found === undefined) throw new Error(`walkPrerequisites: no kind '${kind}' in the graph`);
  const creator = found.creators[0];
  if (creator === undefined) throw new Error(`walkPrerequisites: kind '${kind}' has no creator`);
  return creator;
}

/** What a creator needs, the read operation's needs included. */
function creatorNeeds(creator: KindCreator): IdentifierUse[] {
  return [...creator.needs, ...(creator.id.in === 'read' ? creator.id.needs : [])];
}

/** The kinds in creation order, as calls: a kind joins an earlier call that yields a sibling of it. */
function creationSteps(graph: ResourceGraph, order: readonly string[]): CreationStep[] {
  const steps: {
    operation: string;
    needs: readonly IdentifierUse[];
    yields: CreationStep['yields'][number][];
  }[] = [];
  for (const kind of order) {
    const creator = firstCreator(graph, kind);
    const step = steps.find(
      (candidate) =>
        candidate.operation === creator.operation &&
        sameUses(candidate.needs, creator.needs) &&
        candidate.yields.every(({ id }) => sameResponseMember(id, creator.id)),
    );
    if (step === undefined)
      steps.push({ operation: creator.operation, needs: creator.needs, yields: [{ kind, id: creator.id }] });
    else step.yields.push({ kind, id: creator.id });
  }
  return steps;
}

function deletionSteps(graph: ResourceGraph, creations: readonly CreationStep[]): DeletionStep[] {
  const steps: { operation: string; input: readonly IdentifierUse[]; kinds: string[] }[] = [];
  for (const { yields } of [...creations].reverse())
    for (const { kind } of [...yields].reverse()) {
      const deleter = graph.kinds[kind]?.deleter;
      if (deleter === undefined) continue;
      const same = steps.find(
        (step) => step.operation === deleter.operation && sameUses(step.input, deleter.input),
      );
      if (same === undefined)
        steps.push({ operation: deleter.operation, input: deleter.input, kinds: [kind] });
      else same.kinds.push(kind);
    }
  return steps;
}

function sameUses(a: readonly IdentifierUse[], b: readonly IdentifierUse[]): boolean {
  return (
    a.length === b.length &&
    a.every((use, index) => use.pointer === b[index]?.pointer && use.kind === b[index].kind)
  );
}

/** Both in the response, under the same top-level member. */
function sameResponseMember(a: IdLocation, b: IdLocation): boolean {
  const top = (location: IdLocation) => location.pointer.split('/')[1];
  return a.in === 'response' && b.in === 'response' && top(a) === top(b);
}
