import { runSpecsCommand } from './specs-command.ts';

/** `npm run specs` (see `SPECS_USAGE` in specs-command.ts): the exit code is the command's. */
process.exitCode = runSpecsCommand(process.argv.slice(2));
