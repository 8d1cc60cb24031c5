import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run specs` commits one spec per operation of the current Smithy model (`specs/operations/`), each named
 * `<Operation>.json`: the page's for an operation a page describes, else the model's.
 */
export const MODEL_SPECS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'specs',
  'operations',
);

/**
 * The operations of the current model, sorted by name: the file names of {@link MODEL_SPECS_DIR} (the pipeline
 * names each spec after its operation; specs/build's tests hold it to that), so the list is never typed by hand.
 * @throws Error when the directory holds no spec.
 */
export function loadModelOperations(dir: string = MODEL_SPECS_DIR): string[] {
  const operations = readdirSync(dir)
    .filter((name) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name))
    .map((name) => name.slice(0, -'.json'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (operations.length === 0)
    throw new Error(`loadModelOperations: no specs in ${dir}; run \`npm run specs\``);
  return operations;
}
