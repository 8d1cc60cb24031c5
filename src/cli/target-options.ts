import { ENV } from '../settings/index.ts';
import { AWS_OPT_IN_REFUSAL, parseTargetSelection, type TargetSelection } from '../targets/index.ts';
import { UsageError } from './exit-codes.ts';

/** The flags that choose a target, shared by the commands that start or reach one (`run`, `reproduce`, `sdk-diff`). */
export const TARGET_OPTIONS = {
  target: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  image: { type: 'string' },
  'allow-aws': { type: 'boolean' },
} as const;

/** Help for {@link TARGET_OPTIONS}; `embedded` says what the default target is for the command. */
export function targetHelp(embedded: string): Record<keyof typeof TARGET_OPTIONS, string> {
  return {
    target: `${embedded}, endpoint, aws, container:cognito-local|moto|localstack`,
    endpoint: 'URL of a running awsJson1.1 Cognito endpoint (implies --target endpoint)',
    region: 'region to sign requests for (default us-east-1)',
    image: 'container image to launch instead of the pinned default',
    'allow-aws': `required to run against real AWS (or ${ENV.allowAws}=1)`,
  };
}

/** The parsed values of {@link TARGET_OPTIONS}. */
export interface TargetFlags {
  readonly target?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
  readonly image?: string | undefined;
  readonly 'allow-aws'?: boolean | undefined;
}

/**
 * The target the flags choose, checked as far as it can be before anything starts. Each flag not given falls
 * back to its environment variable (`COGNITO_CONFORMANCE_TARGET`, `_ENDPOINT`, `_REGION`, `_IMAGE`, `_ALLOW_AWS`),
 * as under plain vitest, so a CI job configured through the environment reaches the target it names. `run`,
 * `reproduce` and `sdk-diff` all choose their target here, so a choice one refuses, the others refuse the same way
 * and as early (`sdk-diff` before it installs anything).
 * @throws UsageError, prefixed with `command`, when the choice is not a target (an unknown kind, a bad URL), or is
 * real AWS without the opt-in (`--allow-aws` or `COGNITO_CONFORMANCE_ALLOW_AWS=1`; the AWS target refuses to start
 * without it too, with the same words).
 */
export function targetFromFlags(
  command: string,
  flags: TargetFlags,
  env: NodeJS.ProcessEnv = process.env,
): TargetSelection {
  const target = flags.target ?? env[ENV.target];
  const endpoint = flags.endpoint ?? env[ENV.endpoint];
  const region = flags.region ?? env[ENV.region];
  const image = flags.image ?? env[ENV.image];
  let selection: TargetSelection;
  try {
    selection = parseTargetSelection({
      ...(target ? { target } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(region ? { region } : {}),
      ...(image ? { image } : {}),
      allowAws: flags['allow-aws'] === true || env[ENV.allowAws] === '1',
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
  if (selection.kind === 'aws' && !selection.allowAws)
    throw new UsageError(`${command}: ${AWS_OPT_IN_REFUSAL}`);
  return selection;
}

/** The selected target in words, before it is started (the header's first line). */
export function selectionText(selection: TargetSelection): string {
  switch (selection.kind) {
    case 'embedded':
      return 'embedded cognito-local';
    case 'endpoint':
      return `endpoint ${selection.endpoint}`;
    case 'aws':
      return `aws ${selection.region}`;
    case 'container':
      return `container:${selection.emulator}${selection.image ? ` (${selection.image})` : ''}`;
  }
}
