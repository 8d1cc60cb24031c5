import { runCommand } from './run-command.ts';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exit-codes.ts';

const COMMANDS: Record<string, { summary: string; run: (argv: readonly string[], log: (line: string) => void) => Promise<number> }> = {
  run: { summary: 'run the suites against a target and write the reports', run: runCommand },
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
  const command = COMMANDS[name];
  if (!command) {
    log(`cognito-conformance: unknown command ${name}\n\n${USAGE}`);
    return EXIT_FAILURE;
  }
  try {
    return await command.run(rest, log);
  } catch (error) {
    log(error instanceof UsageError ? error.message : `cognito-conformance ${name}: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
}
