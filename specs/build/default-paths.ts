import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the build works from any clone with `shared/` beside it. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `<repo>/../shared/seeds`: where the document pages are kept. */
export const DEFAULT_SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'seeds');

/** `<repo>/../shared/models/…service-2.json`: the service model of the documents' release. */
export const DEFAULT_MODEL_PATH = join(
  REPO_ROOT,
  '..',
  'shared',
  'models',
  'cognito-idp-2016-04-18.2018-02-12.service-2.json',
);

/** `<repo>/../shared/models/…smithy.json`: the current reference (Smithy JSON AST), which later documents defer to. */
export const DEFAULT_REFERENCE_PATH = join(
  REPO_ROOT,
  '..',
  'shared',
  'models',
  'cognito-identity-provider-2016-04-18.smithy.json',
);

/** `<repo>/specs/operations`: where the generated specs are committed. */
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'specs', 'operations');

/** Every `*.txt` page in a directory, sorted by name (the seeds' names start with their release order). */
export function documentsIn(dir: string): string[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (names.length === 0) throw new Error(`specs: expected *.txt documents in ${dir}, found none`);
  return names.map((name) => join(dir, name));
}
