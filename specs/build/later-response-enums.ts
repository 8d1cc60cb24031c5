import type { JsonSchema } from '../format/index.ts';

/**
 * A page's response schema with the enum values the current reference adds wherever both have an enum at the same
 * place (structure members, list items, map values): where the documents disagree the later one stands, so a
 * response carrying a value the reference lists (`ChallengeName: EMAIL_OTP`) is up to date, not a deviation. The
 * page's values come first, in its order, then the reference's others, in its order. A value only the page lists
 * stays: a target may still answer with it. Returns a copy; `page` is not changed.
 */
export function withLaterResponseEnums(page: JsonSchema, model: JsonSchema | undefined): JsonSchema {
  if (model === undefined) return page;
  const copy: Record<string, unknown> = { ...page };
  const pageEnum = page['enum'];
  const modelEnum = model['enum'];
  if (Array.isArray(pageEnum) && Array.isArray(modelEnum))
    copy['enum'] = [...pageEnum, ...modelEnum.filter((value: unknown) => !pageEnum.includes(value))];
  const pageProperties = page['properties'] as Record<string, JsonSchema> | undefined;
  const modelProperties = model['properties'] as Record<string, JsonSchema> | undefined;
  if (pageProperties !== undefined)
    copy['properties'] = Object.fromEntries(
      Object.entries(pageProperties).map(([name, schema]) => [
        name,
        withLaterResponseEnums(schema, modelProperties?.[name]),
      ]),
    );
  for (const keyword of ['items', 'additionalProperties'] as const) {
    const pageChild = page[keyword];
    const modelChild = model[keyword];
    if (
      typeof pageChild === 'object' &&
      pageChild !== null &&
      typeof modelChild === 'object' &&
      modelChild !== null
    )
      copy[keyword] = withLaterResponseEnums(pageChild as JsonSchema, modelChild as JsonSchema);
  }
  return copy;
}

/**
 * The page's modeled errors and the ones the current reference adds, sorted: an error the reference lists for the
 * operation is one the target may answer with (the later document stands).
 */
export function withLaterErrors(page: readonly string[], model: readonly string[] | undefined): string[] {
  return [...new Set([...page, ...(model ?? [])])].sort();
}
