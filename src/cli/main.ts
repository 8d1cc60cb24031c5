import { EXIT_FAILURE, EXIT_OK, UsageError } from './exit-codes.ts';

type CommandRunner = (argv: readonly string[], log: (line: string) => void) => Promise<number>;

/**
 * The command table. Each command is imported when it is chosen: `run` pulls in vitest, the SDK and every
 * suite's dependencies, which `diff --help` or `cleanup` have no use for (seconds of start-up each).
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandRunner> }> = {
  run: {
    summary: 'run the suites against a target and write the reports',
    load: async () => (await import('./run-command.ts')).runCommand,
  },
  report: {
    summary: 'one compatibility page (HTML, Markdown) from the reports of several targets',
    load: async () => (await import('./report-command.ts')).reportCommand,
  },
  diff: {
    summary: 'what changed between two reports; exit 1 on a new error deviation',
    load: async () => (await import('./diff-command.ts')).diffCommand,
  },
  'sdk-diff': {
    summary: 'run the suites with two SDK versions (installed side by side) and diff the reports',
    load: async () => (await import('./sdk-diff-command.ts')).sdkDiffCommand,
  },
  merge: {
    summary: 'merge the reports of a sharded run (run --shard i/n) into one',
    load: async () => (await import('./merge-command.ts')).mergeCommand,
  },
  reproduce: {
    summary: 'send one deviation of a report again and say whether the rule is still broken',
    load: async () => (await import('./reproduce-command.ts')).reproduceCommand,
  },
  cleanup: {
    summary: 'delete the user pools an interrupted run left behind (by prefix)',
    load: async () => (await import('./cleanup-command.ts')).cleanupCommand,
  },
};

const USAGE = `Usage: cognito-conformance <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`)
  .join('\n')}

Run 'cognito-conformance <command> --help' for a command's options.
`;

/** Entry point: exit 0/1 as the command decides, 2 for usage errors and for failures of the target or the tool. */
export async function main(argv: readonly string[]): Promise<number> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? EXIT_FAILURE : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    log(`cognito-conformance: unknown command ${name}\n\n${USAGE}`);
    return EXIT_FAILURE;
  }
  try {
    const run = await command.load();
    return await run(rest, log);
  } catch (error) {
    log(
      error instanceof UsageError
        ? error.message
        : `cognito-conformance ${name}: ${(error as Error).message}`,
    );
    return EXIT_FAILURE;
  }
}
