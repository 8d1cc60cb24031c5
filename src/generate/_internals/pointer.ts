/**
 * Minimal RFC 6901 JSON-pointer helpers over plain JSON values. Generators use them to find, replace or
 * delete the one member a violation targets; they never create arrays or guess indices.
 */

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Joins reference tokens into a pointer; `[]` is the whole document (`''`). */
export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${escapePointerToken(String(token))}`).join('');
}

/** Splits a pointer into unescaped reference tokens. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`parsePointer: "${pointer}" is not a JSON pointer`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function child(container: unknown, token: string): { found: boolean; value: unknown } {
  if (Array.isArray(container)) {
    const index = Number(token);
    return Number.isInteger(index) && index >= 0 && index < container.length
      ? { found: true, value: container[index] }
      : { found: false, value: undefined };
  }
  if (isContainer(container) && Object.hasOwn(container, token)) {
    return { found: true, value: (container as Record<string, unknown>)[token] };
  }
  return { found: false, value: undefined };
}

/** Whether the pointer resolves to a member (an `undefined` member counts as absent). */
export function hasPointer(root: unknown, pointer: string): boolean {
  let current = root;
  for (const token of parsePointer(pointer)) {
    const next = child(current, token);
    if (!next.found || next.value === undefined) return false;
    current = next.value;
  }
  return true;
}

/** The value at the pointer, or `undefined` when any step is missing. */
export function getPointer(root: unknown, pointer: string): unknown {
  let current = root;
  for (const token of parsePointer(pointer)) {
    const next = child(current, token);
    if (!next.found) return undefined;
    current = next.value;
  }
  return current;
}

function parentOf(
  root: unknown,
  pointer: string,
  api: string,
): { parent: Record<string, unknown> | unknown[]; token: string } {
  const tokens = parsePointer(pointer);
  const token = tokens.pop();
  if (token === undefined) throw new Error(`${api}: cannot address the document root`);
  const parent = getPointer(root, formatPointer(tokens));
  if (!isContainer(parent)) throw new Error(`${api}: no container at the parent of "${pointer}"`);
  return { parent, token };
}

/** Sets the value at the pointer in place; the parent must exist (array indices must be in range or `length`). */
export function setPointer(root: unknown, pointer: string, value: unknown): void {
  const { parent, token } = parentOf(root, pointer, 'setPointer');
  if (Array.isArray(parent)) {
    const index = Number(token);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new Error(`setPointer: index "${token}" out of range in "${pointer}"`);
    }
    parent[index] = value;
    return;
  }
  parent[token] = value;
}

/** Removes the member at the pointer in place (array items are spliced out). */
export function removePointer(root: unknown, pointer: string): void {
  const { parent, token } = parentOf(root, pointer, 'removePointer');
  if (Array.isArray(parent)) {
    parent.splice(Number(token), 1);
    return;
  }
  delete parent[token];
}
