/** The edit that breaks a rule in an otherwise valid request, applied at the rule's concrete pointer. */
export type Break =
  | { readonly op: 'remove' }
  | { readonly op: 'set'; readonly value: unknown }
  /** Renames a map entry's key (the value is kept), for `propertyNames` rules. */
  | { readonly op: 'rename'; readonly key: string };

/** A short, bounded rendering of a value for violation descriptions. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length} chars)` : text;
}
