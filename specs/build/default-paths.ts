import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the build works from any clone, wherever it is run from. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `<repo>/specs/operations`: where the generated specs, one per operation of the service, are committed. */
export const DEFAULT_OUT_DIR = join(REPO_ROOT, 'specs', 'operations');

/** `<repo>/../shared`: the source documents' directory when neither `--documents` nor the environment names one. */
export const DEFAULT_DOCUMENTS_DIR = join(REPO_ROOT, '..', 'shared');

/** The environment variable that names the source documents' directory when `--documents` is not given. */
export const DOCUMENTS_ENV = 'COGNITO_CONFORMANCE_DOCUMENTS';

/** Where each source document sits inside the documents directory. */
export const DOCUMENT_FILES = {
  /** The API reference pages, `*.txt`, whose names start with their release order. */
  seeds: 'seeds',
  /** The service model of the pages' release (botocore `service-2.json`). */
  model: join('models', 'cognito-idp-2016-04-18.2018-02-12.service-2.json'),
  /** The current reference (Smithy JSON AST), which later documents defer to. */
  reference: join('models', 'cognito-identity-provider-2016-04-18.smithy.json'),
} as const;

/** What a documents directory must hold, for error messages. */
export const DOCUMENTS_CONTENT =
  `${join(DOCUMENT_FILES.seeds, '*.txt')} (the API reference pages), ${DOCUMENT_FILES.model} ` +
  `and ${DOCUMENT_FILES.reference}`;

/** The source documents' directory chosen for this run, and the paths of the documents in it. */
export interface DocumentsLocation {
  /** The directory, absolute. */
  readonly dir: string;
  /** What chose it, for messages: `from --documents`, `from COGNITO_CONFORMANCE_DOCUMENTS` or `the default, …`. */
  readonly from: string;
  readonly seedsDir: string;
  readonly modelPath: string;
  readonly referencePath: string;
}

/** Where {@link locateDocuments} looks for a setting. */
export interface LocateOptions {
  /** The value of `--documents`, if given; it wins over the environment. */
  readonly flag?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** The directory a relative setting is taken from (default: the current directory). */
  readonly cwd?: string;
}

/**
 * The source documents' directory: `--documents`, else {@link DOCUMENTS_ENV} (an empty value counts as
 * unset), else {@link DEFAULT_DOCUMENTS_DIR}. A relative setting is taken from `cwd`; the default is
 * always beside the repository, whatever the current directory. Nothing is read here.
 */
export function locateDocuments(options: LocateOptions = {}): DocumentsLocation {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fromEnv = env[DOCUMENTS_ENV];
  const [setting, from] =
    options.flag !== undefined
      ? [options.flag, 'from --documents']
      : fromEnv !== undefined && fromEnv !== ''
        ? [fromEnv, `from ${DOCUMENTS_ENV}`]
        : [undefined, 'the default, ../shared beside the repository'];
  const dir = setting === undefined ? DEFAULT_DOCUMENTS_DIR : resolve(cwd, setting);
  return {
    dir,
    from,
    seedsDir: join(dir, DOCUMENT_FILES.seeds),
    modelPath: join(dir, DOCUMENT_FILES.model),
    referencePath: join(dir, DOCUMENT_FILES.reference),
  };
}

/** Which of a location's documents a run reads (all of them unless said otherwise). */
export interface DocumentNeeds {
  readonly seeds?: boolean;
  readonly model?: boolean;
  readonly reference?: boolean;
}

/**
 * Why `location` cannot serve `needs`, as one phrase (`/x does not exist`, `/x lacks models/….json`), or
 * undefined when everything needed is there.
 */
export function missingDocuments(location: DocumentsLocation, needs: DocumentNeeds = {}): string | undefined {
  const { seeds = true, model = true, reference = true } = needs;
  if (!seeds && !model && !reference) return undefined;
  if (!isDirectory(location.dir)) return `${location.dir} does not exist`;
  const lacking = [
    ...(seeds && pagesIn(location.seedsDir).length === 0 ? [join(DOCUMENT_FILES.seeds, '*.txt')] : []),
    ...(model && !existsSync(location.modelPath) ? [DOCUMENT_FILES.model] : []),
    ...(reference && !existsSync(location.referencePath) ? [DOCUMENT_FILES.reference] : []),
  ];
  return lacking.length === 0 ? undefined : `${location.dir} lacks ${lacking.join(', ')}`;
}

/** Every `*.txt` page in a directory, sorted by name (the seeds' names start with their release order). */
export function documentsIn(dir: string): string[] {
  const names = pagesIn(dir);
  if (names.length === 0) throw new Error(`specs: expected *.txt documents in ${dir}, found none`);
  return names.map((name) => join(dir, name));
}

function pagesIn(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
