import { readdirSync } from 'node:fs';
import { SPECS_DIR } from './load-specs.ts';

/**
 * The operations of the current model, sorted by name: the file names of `specs/operations/` ({@link SPECS_DIR}: one
 * spec per operation of the model, the page's where a page describes it, else the model's; the pipeline
 * names each spec after its operation; specs/build's tests hold it to that), so the list is never typed by hand.
 * @throws Error when the directory holds no spec.
 */
export function loadModelOperations(dir: string = SPECS_DIR): string[] {
  const operations = readdirSync(dir)
    .filter((name) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name))
    .map((name) => name.slice(0, -'.json'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (operations.length === 0)
    throw new Error(`loadModelOperations: no specs in ${dir}; run \`npm run specs\``);
  return operations;
}
