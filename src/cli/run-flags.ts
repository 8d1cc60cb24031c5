import { expandOps, PROFILES } from '../settings/index.ts';
import { UsageError } from './exit-codes.ts';

/**
 * Checks of the run-shaping flags (`--profile`, `--seed`, `--ops`, counts), shared by `run` and by `sdk-diff`,
 * which passes them on to two runs and must refuse a bad one before it installs anything. Each error names the
 * flag the user typed, not the environment variable the run reads, and starts with the command's name.
 */

/**
 * @returns the profile, when it is one of {@link PROFILES}.
 * @throws UsageError naming the profiles otherwise.
 */
export function checkedProfile(command: string, profile: string): string {
  if (!(profile in PROFILES))
    throw new UsageError(
      `${command}: --profile ${profile}: unknown profile; use ${Object.keys(PROFILES).join(' or ')}`,
    );
  return profile;
}

/**
 * @returns the seed, when it is a whole number fast-check takes (32-bit signed: a larger one would be cut down
 * silently).
 * @throws UsageError with the range otherwise.
 */
export function checkedSeed(command: string, seed: string): string {
  if (!/^-?\d+$/.test(seed) || Number(seed) < -(2 ** 31) || Number(seed) > 2 ** 31 - 1)
    throw new UsageError(
      `${command}: --seed takes a whole number from -2147483648 to 2147483647 (a report's run.seed), got ${seed}`,
    );
  return seed;
}

/**
 * @returns the operations the `--ops` list names, in the specs' spelling: operations, and resource groups
 * (`users`, `app-clients`) expanded to their operations the suite judges (see `expandOps`).
 * @throws UsageError when the list is empty, names an unknown operation (the message lists the operations and
 *   the groups), an operation of the model the suite does not judge yet, or a group with none it judges yet.
 */
export function checkedOps(command: string, text: string): string[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new UsageError(`${command}: --ops needs at least one operation or group name`);
  try {
    return expandOps(names);
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}

/**
 * @returns `text`, when it is a positive whole number (`--runs`, `--concurrency`).
 * @throws UsageError naming `flag` otherwise.
 */
export function positiveWholeNumber(command: string, flag: string, text: string): string {
  if (!/^[1-9]\d*$/.test(text))
    throw new UsageError(`${command}: ${flag} takes a positive whole number, got ${text}`);
  return text;
}

/**
 * @returns `text`, when it is a positive whole number of milliseconds (`--request-timeout`).
 * @throws UsageError naming `flag` otherwise.
 */
export function positiveMilliseconds(command: string, flag: string, text: string): string {
  if (!/^[1-9]\d*$/.test(text))
    throw new UsageError(`${command}: ${flag} takes a positive whole number of milliseconds, got ${text}`);
  return text;
}

/**
 * @returns the `--target-name`, trimmed.
 * @throws UsageError when it is blank.
 */
export function checkedTargetName(command: string, name: string): string {
  if (name.trim() === '') throw new UsageError(`${command}: --target-name needs a non-empty name`);
  return name.trim();
}
