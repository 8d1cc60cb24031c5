import { escapePointerToken } from './pointer.ts';

/**
 * A location in every instance of a schema: named members, plus "some item" of an array and "some entry"
 * of a map. Rules are derived per template; a generated request turns the template into a concrete pointer.
 */
export type PathStep =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'item' }
  | { readonly kind: 'entry' };

/** The template as a pointer with `*` for array items and map entries (the spec files' convention). */
export function formatTemplate(steps: readonly PathStep[]): string {
  return steps
    .map((step) => (step.kind === 'property' ? `/${escapePointerToken(step.name)}` : '/*'))
    .join('');
}

/** Parses a `*`-pointer (as used by spec narrowings) into steps; `*` stands for any item or entry. */
export function parseTemplate(template: string): PathStep[] {
  if (template === '') return [];
  return template
    .slice(1)
    .split('/')
    .map((token): PathStep =>
      token === '*'
        ? { kind: 'item' }
        : { kind: 'property', name: token.replaceAll('~1', '/').replaceAll('~0', '~') },
    );
}

/** How many `*` choices a template needs. */
export function wildcardCount(steps: readonly PathStep[]): number {
  return steps.filter((step) => step.kind !== 'property').length;
}

/**
 * The concrete pointer a template designates in `instance`, choosing the `k`-th wildcard's item or entry
 * by `picks[k]` modulo how many there are (map entries in key order). `undefined` when the instance does
 * not reach that far (an absent member, an empty array or map).
 */
export function instantiateTemplate(
  instance: unknown,
  steps: readonly PathStep[],
  picks: readonly number[],
): string | undefined {
  let current: unknown = instance;
  let pointer = '';
  let wildcard = 0;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null) return undefined;
    let token: string;
    if (step.kind === 'property') {
      if (Array.isArray(current) || !Object.hasOwn(current, step.name)) return undefined;
      token = step.name;
    } else {
      const keys = Array.isArray(current)
        ? current.map((_, index) => String(index))
        : Object.keys(current).sort();
      if (keys.length === 0) return undefined;
      token = keys[(picks[wildcard++] ?? 0) % keys.length] as string;
    }
    current = (current as Record<string, unknown>)[token];
    pointer += `/${escapePointerToken(token)}`;
  }
  return pointer;
}
