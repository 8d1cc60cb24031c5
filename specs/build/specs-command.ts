import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildResult, buildSpecs } from './build-specs.ts';
import { checkWithdrawals } from './current-reference.ts';
import {
  DEFAULT_OUT_DIR,
  DOCUMENTS_CONTENT,
  DOCUMENTS_ENV,
  documentsIn,
  locateDocuments,
  missingDocuments,
} from './default-paths.ts';
import { diffAgainstBaseline, loadKnownDisagreements } from './disagreement-baseline.ts';
import { generateModelSpecs } from './model-specs.ts';
import { modelSpecsSummary } from './model-specs-summary.ts';
import { comparePageWithModel } from './page-model-comparison.ts';
import {
  generateResourceGraph,
  resourceGraphPath,
  resourceGraphSummary,
  writeResourceGraph,
} from './resource-graph.ts';

/** `npm run specs --help`. */
export const SPECS_USAGE = [
  'usage: npm run specs -- [--documents <dir>] [--model <service-2.json>] [--reference <smithy.json>] [--out <dir>] [document.txt ...]',
  '  --documents <dir>  the source documents (default: $COGNITO_CONFORMANCE_DOCUMENTS, else ../shared beside the repository);',
  `                     it holds ${DOCUMENTS_CONTENT}`,
  '  --model <file>     the service model, instead of the one in the documents directory',
  '  --reference <file> the current reference, instead of the one in the documents directory',
  '  --out <dir>        where to write <Operation>.json for every operation of the reference (default: specs/operations):',
  '                     from the pages where one describes it, else from the reference alone; the resource graph goes',
  '                     beside that directory, as resource-graph.json',
  '  document.txt ...   the pages to parse, in release order, instead of every seeds/*.txt',
].join('\n');

const OPTIONS = {
  documents: { type: 'string' },
  model: { type: 'string' },
  reference: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean' },
} as const;

const VALID_OPTIONS = '--documents <dir>, --model <file>, --reference <file>, --out <dir>, --help';

/** Exit codes of `npm run specs`. */
export const SPECS_EXIT = {
  ok: 0,
  /** A document, the model or the reference is not what the build expects (the message says where). */
  buildFailed: 1,
  /** A usage error: an unknown flag, or documents that are not where the settings say. */
  usage: 2,
} as const;

/** Where `npm run specs` writes and what it reads from the process. */
export interface SpecsCommandIo {
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Relative settings and the summary's paths are taken from here. */
  readonly cwd: string;
}

const PROCESS_IO: SpecsCommandIo = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  env: process.env,
  cwd: process.cwd(),
};

/** A failure whose message is the whole report, with the exit code it ends the command with. */
class SpecsCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * `npm run specs`: the pages (default: every `seeds/*.txt` of the documents directory) and the model →
 * `<out>/<Operation>.json` for each operation a page describes; the current reference alone → `<out>/<Operation>.json`
 * for every other operation of the service, and the resource graph → `<out>/../resource-graph.json`. The model specs and the graph are generated before
 * anything is written. Returns the exit code ({@link SPECS_EXIT}); every failure is one `specs: …` line on
 * `io.error`, never a stack.
 */
export function runSpecsCommand(argv: readonly string[], io: SpecsCommandIo = PROCESS_IO): number {
  try {
    const { values, positionals: given } = parseOptions(argv);
    const at = (path: string | undefined) => (path === undefined ? undefined : resolve(io.cwd, path));
    const positionals = given.map((path) => resolve(io.cwd, path));
    if (values.help) {
      io.log(SPECS_USAGE);
      return SPECS_EXIT.ok;
    }
    const location = locateDocuments({ flag: values.documents, env: io.env, cwd: io.cwd });
    const missing = missingDocuments(location, {
      seeds: positionals.length === 0,
      model: values.model === undefined,
      reference: values.reference === undefined,
    });
    if (missing !== undefined) {
      throw new SpecsCommandError(
        `no source documents: ${missing} (${location.from}). ` +
          `--documents <dir> (or ${DOCUMENTS_ENV}) must name a directory holding ${DOCUMENTS_CONTENT}.`,
        SPECS_EXIT.usage,
      );
    }
    const documents = positionals.length > 0 ? positionals : documentsIn(location.seedsDir);
    const modelPath = at(values.model) ?? location.modelPath;
    const referencePath = at(values.reference) ?? location.referencePath;
    for (const [what, path] of [
      ['--model', modelPath],
      ['--reference', referencePath],
      ...positionals.map((path) => ['document', path] as const),
    ] as const) {
      if (!existsSync(path)) throw new SpecsCommandError(`${what} ${path}: no such file`, SPECS_EXIT.usage);
    }
    // The model specs first: they read the reference alone, and name its file and shape when it is bad.
    const modelSpecs = generateModelSpecs(referencePath);
    const graph = generateResourceGraph(referencePath);
    // The withdrawals are facts of the current reference: confirm them before any spec relies on them.
    checkWithdrawals(referencePath);
    const outDir = at(values.out) ?? DEFAULT_OUT_DIR;
    const result = buildSpecs({ documents, modelPath, referencePath, outDir, modelSpecs });
    for (const line of modelSpecsSummary(modelSpecs, result.modelWritten, relative(io.cwd, outDir) || '.'))
      io.log(line);
    const graphPath = writeResourceGraph(graph, resourceGraphPath(outDir));
    io.log(resourceGraphSummary(graph, relative(io.cwd, graphPath)));
    report(result, io);
    return SPECS_EXIT.ok;
  } catch (error) {
    io.error(`specs: ${(error as Error).message}`);
    return error instanceof SpecsCommandError ? error.exitCode : SPECS_EXIT.buildFailed;
  }
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? 'option';
      throw new SpecsCommandError(
        `unknown option '${option}'; the valid ones are ${VALID_OPTIONS}`,
        SPECS_EXIT.usage,
      );
    }
    if (code?.startsWith('ERR_PARSE_ARGS_') === true)
      throw new SpecsCommandError(
        `${(error as Error).message}; the valid options are ${VALID_OPTIONS}`,
        SPECS_EXIT.usage,
      );
    throw error;
  }
}

function report(result: BuildResult, io: SpecsCommandIo): void {
  result.specs.forEach((spec, index) => {
    const members = (side: 'request' | 'response') => Object.keys(spec[side]['properties'] as object).length;
    io.log(
      `wrote ${relative(io.cwd, result.written[index]!)}: ${spec.source.section}, ${members('request')} request / ` +
        `${members('response')} response members, ${spec.changes.length} changes, ${spec.narrowings.length} narrowings, ${spec.errors.length} errors`,
    );
  });
  for (const { operation, document, by } of result.superseded)
    io.log(`note: ${operation} from ${document} superseded by ${by}`);
  for (const omitted of result.omittedPatterns) {
    io.log(
      `note: pattern left out at ${omitted.operation} ${omitted.direction} ${omitted.path}: ${omitted.reason}`,
    );
  }
  const found = result.specs.flatMap((spec) => comparePageWithModel(spec, result.model));
  const { unexpected } = diffAgainstBaseline(
    found,
    loadKnownDisagreements(new URL('./known-disagreements.json', import.meta.url)),
  );
  io.log(
    `page/model comparison: ${found.length} disagreements, ${unexpected.length} not in specs/build/known-disagreements.json`,
  );
}
