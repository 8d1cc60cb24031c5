import type { ModelOperationSpec } from '../format/index.ts';

/**
 * What `npm run specs` prints after writing `written` (the model specs of the operations no page describes) to
 * `dir`: one count line over the whole model (`specs`; none starts with `wrote `, which the page specs' lines do),
 * then one note per relaxed model constraint of a written spec, grouped by the trait and the shape it sits on.
 */
export function modelSpecsSummary(
  specs: readonly ModelOperationSpec[],
  written: readonly ModelOperationSpec[],
  dir: string,
): string[] {
  const count = (test: (spec: ModelOperationSpec) => boolean) => specs.filter(test).length;
  const relaxed = new Map<string, { places: number; reason: string }>();
  for (const spec of written)
    for (const { source, trait, reason } of spec.relaxedConstraints) {
      const key = `${trait} of ${source}`;
      relaxed.set(key, { places: (relaxed.get(key)?.places ?? 0) + 1, reason });
    }
  return [
    `model: ${specs.length} operations (${count((spec) => spec.auth === 'sigv4')} sigv4, ` +
      `${count((spec) => spec.auth === 'none')} unsigned, ${count((spec) => spec.pagination !== undefined)} paginated); ` +
      `${written.length} specs from the model alone written to ${dir}`,
    ...[...relaxed].map(
      ([key, { places, reason }]) =>
        `note: model specs relax ${key} at ${places} ${places === 1 ? 'place' : 'places'}: ${reason}`,
    ),
  ];
}
