import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { type BuildResult, buildSpecs } from './build-specs.ts';
import { checkWithdrawals } from './current-reference.ts';
import {
  DEFAULT_MODEL_PATH,
  DEFAULT_OUT_DIR,
  DEFAULT_REFERENCE_PATH,
  DEFAULT_SEEDS_DIR,
  documentsIn,
} from './default-paths.ts';
import { diffAgainstBaseline, loadKnownDisagreements } from './disagreement-baseline.ts';
import { comparePageWithModel } from './page-model-comparison.ts';

const USAGE =
  'usage: tsx specs/build/main.ts [--model <service-2.json>] [--reference <smithy.json>] [--out <dir>] [document.txt ...]';

/** `npm run specs`: documents (default: every seed page) + model → `specs/operations/<Operation>.json`. */
function main(argv: readonly string[]): void {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      model: { type: 'string' },
      reference: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // The withdrawals are facts of the current reference: confirm them before any spec relies on them.
  checkWithdrawals(values.reference ?? DEFAULT_REFERENCE_PATH);
  const result = buildSpecs({
    documents: positionals.length > 0 ? positionals : documentsIn(DEFAULT_SEEDS_DIR),
    modelPath: values.model ?? DEFAULT_MODEL_PATH,
    outDir: values.out ?? DEFAULT_OUT_DIR,
  });
  report(result);
}

function report(result: BuildResult): void {
  result.specs.forEach((spec, index) => {
    const members = (side: 'request' | 'response') => Object.keys(spec[side]['properties'] as object).length;
    console.log(
      `wrote ${relative(process.cwd(), result.written[index]!)}: ${spec.source.section}, ${members('request')} request / ` +
        `${members('response')} response members, ${spec.changes.length} changes, ${spec.narrowings.length} narrowings, ${spec.errors.length} errors`,
    );
  });
  for (const { operation, document, by } of result.superseded)
    console.log(`note: ${operation} from ${document} superseded by ${by}`);
  for (const omitted of result.omittedPatterns) {
    console.log(
      `note: pattern left out at ${omitted.operation} ${omitted.direction} ${omitted.path}: ${omitted.reason}`,
    );
  }
  const found = result.specs.flatMap((spec) => comparePageWithModel(spec, result.model));
  const { unexpected } = diffAgainstBaseline(
    found,
    loadKnownDisagreements(new URL('./known-disagreements.json', import.meta.url)),
  );
  console.log(
    `page/model comparison: ${found.length} disagreements, ${unexpected.length} not in specs/build/known-disagreements.json`,
  );
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`specs: ${(error as Error).message}`);
  process.exitCode = 1;
}
