/** One row of the mutation detection table. */
export interface DetectionRow {
  readonly mutation: string;
  readonly description: string;
  /** The deviation that must catch it: `operation check kind path`. */
  readonly caughtBy: string;
  readonly detected: boolean;
}

/**
 * The table printed after the mutation tests: each mutation, where it must be caught, and whether it
 * was (reported by the mutated run, not by the honest baseline), with the detection rate.
 */
export function formatDetectionTable(rows: readonly DetectionRow[]): string {
  const header = ['mutation', 'detected', 'caught by (operation check kind path)'];
  const body = rows.map((row) => [row.mutation, row.detected ? 'yes' : 'NO', row.caughtBy]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const detected = rows.filter((row) => row.detected).length;
  const rate = rows.length === 0 ? 0 : Math.round((detected / rows.length) * 100);
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
    '',
    `${detected}/${rows.length} mutations detected (${rate}%)`,
  ].join('\n');
}
