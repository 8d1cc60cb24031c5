import type { ModelOperationSpec } from '../format/index.ts';

/**
 * What `npm run specs` prints after writing the model specs to `dir`: one count line (none starts with
 * `wrote `, which the document specs' lines do), then one note per relaxed model constraint, grouped by the
 * trait and the shape it sits on.
 */
export function modelSpecsSummary(specs: readonly ModelOperationSpec[], dir: string): string[] {
  const count = (test: (spec: ModelOperationSpec) => boolean) => specs.filter(test).length;
  const relaxed = new Map<string, { places: number; reason: string }>();
  for (const spec of specs)
    for (const { source, trait, reason } of spec.relaxedConstraints) {
      const key = `${trait} of ${source}`;
      relaxed.set(key, { places: (relaxed.get(key)?.places ?? 0) + 1, reason });
    }
  return [
    `model specs: ${specs.length} written to ${dir}: ${count((spec) => spec.auth === 'sigv4')} sigv4, ` +
      `${count((spec) => spec.auth === 'none')} unsigned, ${count((spec) => spec.pagination !== undefined)} paginated`,
    ...[...relaxed].map(
      ([key, { places, reason }]) =>
        `note: model specs relax ${key} at ${places} ${places === 1 ? 'place' : 'places'}: ${reason}`,
    ),
  ];
}
