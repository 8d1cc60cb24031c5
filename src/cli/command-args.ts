import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './exit-codes.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandDefinition<O extends OptionSpec> {
  readonly name: string;
  readonly usage: string;
  readonly options: O;
  /** One line per option, shown by --help. */
  readonly help: Readonly<Record<keyof O & string, string>>;
  readonly allowPositionals?: boolean;
}

/**
 * Parses a command's arguments strictly. An unknown flag is a usage error with the closest known flag
 * as a hint, so a typo never silently changes what a run does.
 */
export function parseCommandArgs<O extends OptionSpec>(
  definition: CommandDefinition<O>,
  argv: readonly string[],
) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...definition.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: definition.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    const hint = unknown ? closestFlag(unknown, Object.keys(definition.options)) : undefined;
    throw new UsageError(
      `${definition.name}: ${unknown ? `unknown flag ${unknown}` : message}${hint ? ` (did you mean --${hint}?)` : ''}\n` +
        `Run 'cognito-conformance ${definition.name} --help' for the flags it takes.`,
    );
  }
}

/** The --help text of a command. */
export function helpText<O extends OptionSpec>(definition: CommandDefinition<O>): string {
  const lines = Object.entries(definition.help).map(([flag, text]) => {
    const option = definition.options[flag];
    const value = option?.type === 'string' ? ' <value>' : '';
    return `  --${flag}${value}`.padEnd(30) + String(text);
  });
  return `Usage: ${definition.usage}\n\nOptions:\n${lines.join('\n')}\n${'  --help, -h'.padEnd(30)}show this help\n`;
}

function closestFlag(unknown: string, known: readonly string[]): string | undefined {
  const name = unknown.replace(/^-+/, '').split('=')[0] ?? '';
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = editDistance(name, flag);
    if (!best || distance < best.distance) best = { flag, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.flag : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = saved;
    }
  }
  return row[b.length] as number;
}
