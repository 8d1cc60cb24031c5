import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelOperationSpec, OperationSpec } from '../format/index.ts';

/** The committed form of a spec (either version): keys in build order, 2-space indent, trailing newline. */
export function serialiseSpec(spec: OperationSpec | ModelOperationSpec): string {
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** `specs/operations/<Operation>.json` */
export function specFileName(operation: string): string {
  return `${operation}.json`;
}

/**
 * Writes all files into `dir` or none: each goes to a temporary file first, and only when every one is
 * written are they renamed into place. A failure while writing removes the temporary files.
 */
export function writeFilesAtomically(dir: string, files: ReadonlyMap<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  const staged: [string, string][] = [];
  try {
    for (const [name, content] of files) {
      const temporary = join(dir, `.${name}.${process.pid}.tmp`);
      staged.push([temporary, join(dir, name)]);
      writeFileSync(temporary, content);
    }
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const [temporary, target] of staged) renameSync(temporary, target);
  return staged.map(([, target]) => target);
}
