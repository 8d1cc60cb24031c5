import { cleanupByPrefix } from '../resources/index.ts';
import { ENV } from '../settings/index.ts';
import { startTarget, parseTargetSelection, type TargetSelection } from '../targets/index.ts';
import { helpText, parseCommandArgs, type CommandDefinition } from './command-args.ts';
import { EXIT_OK, UsageError } from './exit-codes.ts';

/** Shorter prefixes would match pools no run of this tool created. */
const MIN_PREFIX_LENGTH = 3;

export const CLEANUP_COMMAND = {
  name: 'cleanup',
  usage:
    'cognito-conformance cleanup --target aws|endpoint --prefix <prefix> [--endpoint url] [--region r] [--allow-aws]',
  options: {
    target: { type: 'string' },
    prefix: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
    'allow-aws': { type: 'boolean' },
  },
  help: {
    target: 'aws or endpoint (an emulator you started yourself)',
    prefix: `delete the user pools whose name starts with this (a run's prefix, e.g. cc-1a2b3c4d-; at least ${MIN_PREFIX_LENGTH} characters; cc- matches every run's, including runs still going)`,
    endpoint: 'URL of the endpoint (required with --target endpoint)',
    region: 'region (default us-east-1)',
    'allow-aws': `required with --target aws (or ${ENV.allowAws}=1)`,
  },
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * `cleanup`: deletes what an earlier run left behind when it was killed before its own clean-up (every pool
 * a run creates carries the run's prefix). Against AWS the same opt-in as `run` applies, since it deletes.
 */
export async function cleanupCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const { values } = parseCommandArgs(CLEANUP_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(CLEANUP_COMMAND));
    return EXIT_OK;
  }
  const prefix = checkedPrefix(values.prefix);
  const selection = cleanupSelection(values);
  const target = await startTarget(selection, {
    announcement: { prefix, estimate: { requests: 0, pools: 0 } },
    log: awsNotice(log),
  });
  try {
    const deleted = await cleanupByPrefix(target.descriptor, prefix);
    process.stdout.write(
      `cleanup: deleted ${deleted.length} user pool(s) with prefix ${prefix} on ${target.descriptor.name} (${target.descriptor.endpoint})\n`,
    );
  } finally {
    await target.stop();
  }
  return EXIT_OK;
}

function checkedPrefix(prefix: string | undefined): string {
  if (prefix === undefined)
    throw new UsageError(
      "cleanup: give the run's prefix with --prefix (e.g. cc-1a2b3c4d-, as printed by the run)",
    );
  if (prefix.trim().length < MIN_PREFIX_LENGTH) {
    throw new UsageError(
      `cleanup: --prefix ${JSON.stringify(prefix)} is too short; it needs at least ${MIN_PREFIX_LENGTH} characters so it cannot match pools this tool did not create`,
    );
  }
  return prefix;
}

function cleanupSelection(values: {
  target?: string;
  endpoint?: string;
  region?: string;
  'allow-aws'?: boolean;
}): TargetSelection {
  if (values.target !== 'aws' && values.target !== 'endpoint') {
    throw new UsageError(
      `cleanup: --target must be aws or endpoint${values.target === undefined ? '' : ` (got ${values.target})`}; the embedded and container targets are thrown away after each run`,
    );
  }
  try {
    return parseTargetSelection({
      target: values.target,
      ...(values.endpoint ? { endpoint: values.endpoint } : {}),
      ...(values.region ? { region: values.region } : {}),
      allowAws: values['allow-aws'] === true || process.env[ENV.allowAws] === '1',
    });
  } catch (error) {
    throw new UsageError(`cleanup: ${(error as Error).message}`);
  }
}

/**
 * The AWS target announces the account and region before anything happens, then estimates a run's load; a
 * clean-up sends a listing and one delete per pool, so only the first part of that line is relevant here.
 */
function awsNotice(log: (line: string) => void): (line: string) => void {
  return (line) => log(line.split(';')[0] ?? line);
}
