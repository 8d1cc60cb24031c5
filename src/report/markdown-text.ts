/**
 * Text helpers for the Markdown this layer writes (reports, diffs, CI summaries). Everything that comes from a
 * report — names, messages, values — passes through one of these, so a `|` or a backtick in a target's error
 * message cannot break a table or a code span.
 */

/** A table cell: `|` escaped, line breaks flattened to spaces, empty shown as an em dash. */
export function cell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  return flat.trim() === '' ? '—' : flat;
}

/** One table row from raw cell texts. */
export function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A GitHub-flavoured Markdown table; `align` marks numeric columns right-aligned. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[] = [],
): string {
  const rule = header.map((_h, i) => (align[i] === 'r' ? '---:' : '---'));
  return [row(header), `| ${rule.join(' | ')} |`, ...rows.map(row)].join('\n');
}

/** Inline code that survives backticks in the text (the fence grows past the longest backtick run). */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block that survives fences in the text. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** A JSON value for display: compact when short, `undefined` shown as `(absent)`. */
export function jsonText(value: unknown): string {
  if (value === undefined) return '(absent)';
  return JSON.stringify(value) ?? String(value);
}

/** A JSON pointer for display: the root (`''`) is named rather than left blank. */
export function pointerText(path: string): string {
  return path === '' ? '(whole body)' : path;
}

/**
 * Markdown-inert text for headings and prose: characters that start emphasis, links or HTML are escaped.
 * Not `|`: inside a table pass the result through `cell`, which escapes it exactly once.
 */
export function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>#~])/g, '\\$1');
}
