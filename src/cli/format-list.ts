import { UsageError } from './exit-codes.ts';

/**
 * Parses a comma-separated `--format` value against the formats a command can write. Unknown names are a
 * usage error listing the allowed ones; duplicates collapse; an empty list is refused.
 */
export function parseFormatList<F extends string>(
  command: string,
  text: string | undefined,
  allowed: readonly F[],
  fallback: readonly F[],
): F[] {
  if (text === undefined) return [...fallback];
  const formats = [
    ...new Set(
      text
        .split(',')
        .map((format) => format.trim())
        .filter((format) => format !== ''),
    ),
  ];
  const unknown = formats.filter((format) => !(allowed as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0) {
    const what = unknown.length > 0 ? `unknown --format ${unknown.join(',')}` : 'empty --format';
    throw new UsageError(`${command}: ${what}; use a comma-separated list of ${allowed.join(',')}`);
  }
  return formats as F[];
}
