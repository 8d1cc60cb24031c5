import { loadOperationSpecs, RESOURCE_GROUPS, resourceGroupNamed, resourceGroupOf } from '../spec/index.ts';

/** The resource groups as `--ops` takes them without quotes (`app-clients`), for help texts. */
export const OPS_GROUP_NAMES: readonly string[] = RESOURCE_GROUPS.map((group) =>
  group.toLowerCase().replace(/ /g, '-'),
);

/**
 * The operations an `--ops` list names, in the specs' spelling, in the order given, each once. A name is an
 * operation (one with a spec in `specs/operations/`, every operation of the current model; any case) or a resource
 * group of the model (`users`, `app clients`; any case, with spaces, `-` and `_` alike), which stands for the
 * group's operations, sorted.
 * @param source what named them, for the error (`--ops`, or the environment variable)
 * @throws Error starting `<source>:` for an unknown name, listing the operations and the groups it may use.
 */
export function expandOps(names: readonly string[], source = '--ops'): string[] {
  const judged = loadOperationSpecs().map((spec) => spec.operation);
  const byLowerCase = new Map(judged.map((operation) => [operation.toLowerCase(), operation]));
  const selected: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const group = resourceGroupNamed(name);
    const operation = byLowerCase.get(name.toLowerCase());
    if (group !== undefined) selected.push(...judged.filter((entry) => resourceGroupOf(entry) === group));
    else if (operation !== undefined) selected.push(operation);
    else unknown.push(name);
  }
  if (unknown.length > 0)
    throw new Error(
      `${source}: unknown operation ${unknown.join(', ')}; use one of ${judged.join(', ')}, or a resource group: ` +
        RESOURCE_GROUPS.join(', '),
    );
  return [...new Set(selected)];
}
