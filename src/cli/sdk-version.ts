import { UsageError } from './exit-codes.ts';

/** The package whose versions `sdk-diff` compares: the one the suite's wire client sends and parses with. */
export const SDK_PACKAGE = '@aws-sdk/client-cognito-identity-provider';

/** `x.y.z` with an optional prerelease (`-rc.1`), as semver 2.0.0 writes it: no range, tag, `v` or build suffix. */
const EXACT_SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?$/;

/**
 * An exact SDK version as `sdk-diff` takes it, so that what is installed, run and named in the report is one
 * version and never whatever a range or a dist-tag (`latest`) means on the day.
 * @returns `text`, when it is exact.
 * @throws UsageError naming `flag` and the form it takes otherwise.
 */
export function checkedSdkVersion(command: string, flag: string, text: string): string {
  if (!EXACT_SEMVER.test(text))
    throw new UsageError(
      `${command}: ${flag} takes an exact version of ${SDK_PACKAGE}, such as 3.600.0 or 3.700.0-rc.1 ` +
        `(no range, tag or leading v), got ${JSON.stringify(text)}\n` +
        `Run 'cognito-conformance ${command} --help' for usage.`,
    );
  return text;
}
