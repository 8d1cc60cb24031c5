import {
  loadModelOperations,
  loadOperationSpecs,
  type ModelOperation,
  RESOURCE_GROUPS,
  type ResourceGroup,
  resourceGroupNamed,
  resourceGroupOf,
} from '../spec/index.ts';

/** The resource groups as `--ops` takes them without quotes (`app-clients`), for help texts. */
export const OPS_GROUP_NAMES: readonly string[] = RESOURCE_GROUPS.map((group) =>
  group.toLowerCase().replace(/ /g, '-'),
);

/**
 * The operations an `--ops` list names, in the specs' spelling, in the order given, each once. A name is an
 * operation the suite judges (one with a spec in `specs/operations/`; any case) or a resource group of the
 * current model (`users`, `app clients`; any case, with spaces, `-` and `_` alike), which stands for the group's
 * operations the suite judges.
 * @param source what named them, for the error (`--ops`, or the environment variable)
 * @throws Error starting `<source>:` for an unknown name (listing the operations and the groups it may use), a
 *   model operation the suite does not judge yet, or a group with no operation the suite judges yet.
 */
export function expandOps(names: readonly string[], source = '--ops'): string[] {
  const judged = loadOperationSpecs().map((spec) => spec.operation);
  const model = groupedModel();
  const byLowerCase = new Map(judged.map((operation) => [operation.toLowerCase(), operation]));
  const selected: string[] = [];
  const problems: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const group = resourceGroupNamed(name);
    const operation = byLowerCase.get(name.toLowerCase());
    const modelOperation = model.find((entry) => entry.operation.toLowerCase() === name.toLowerCase());
    if (group !== undefined) {
      const operations = judgedIn(group, model, judged);
      if (operations.length === 0) problems.push(emptyGroupText(group, model));
      selected.push(...operations);
    } else if (operation !== undefined) selected.push(operation);
    else if (modelOperation !== undefined)
      problems.push(
        `the suite does not judge ${modelOperation.operation} yet (it is in the model, group ${modelOperation.group}, with no spec in specs/operations/)`,
      );
    else unknown.push(name);
  }
  if (unknown.length > 0)
    problems.unshift(
      `unknown operation ${unknown.join(', ')}; use one of ${judged.join(', ')}, or a resource group: ${judgedGroups(model, judged).join(', ')}`,
    );
  if (problems.length > 0) throw new Error(`${source}: ${problems.join('; ')}`);
  return [...new Set(selected)];
}

/**
 * The operations of the model with their group; one the groups do not place yet (a newer model) is left out,
 * so it cannot be selected by group but the flag still works.
 */
function groupedModel(): ModelOperation[] {
  return loadModelOperations().flatMap((operation) => {
    const group = resourceGroupOf(operation);
    return group === undefined ? [] : [{ operation, group }];
  });
}

/** The group's operations the suite judges, sorted. */
function judgedIn(
  group: ResourceGroup,
  model: readonly ModelOperation[],
  judged: readonly string[],
): string[] {
  return model
    .filter((entry) => entry.group === group && judged.includes(entry.operation))
    .map((entry) => entry.operation);
}

/** The groups with at least one operation the suite judges, in `RESOURCE_GROUPS` order. */
function judgedGroups(model: readonly ModelOperation[], judged: readonly string[]): ResourceGroup[] {
  return RESOURCE_GROUPS.filter((group) => judgedIn(group, model, judged).length > 0);
}

function emptyGroupText(group: ResourceGroup, model: readonly ModelOperation[]): string {
  const operations = model.filter((entry) => entry.group === group).map((entry) => entry.operation);
  return `the group ${group} has no operation the suite judges yet (its ${operations.length}: ${operations.join(', ')})`;
}
