import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { TargetDescriptor } from '../wire/index.ts';
import type { StartedTarget } from './target.ts';

/** The environment variable that opts in to real AWS, as `--allow-aws` does on the command line. */
export const ALLOW_AWS_ENV = 'COGNITO_CONFORMANCE_ALLOW_AWS';

/** What the operator is told before a run touches a real account: the run's prefix and its estimated load. */
export interface AwsRunAnnouncement {
  /** Every resource the run creates starts with this (`cc-<runid>-`). */
  readonly prefix: string;
  /** A rough upper bound of requests sent and user pools created. */
  readonly estimate: { readonly requests: number; readonly pools: number };
}

/** How to reach real Cognito (or, in tests, an emulator standing in for it). */
export interface AwsTargetOptions {
  readonly region: string;
  readonly allowAws: boolean;
  /** Only for testing the AWS code paths against an emulator standing in for AWS. */
  readonly endpoint?: string;
  readonly log: (line: string) => void;
  readonly credentialTimeoutMs?: number;
}

/** Why an aws target does not start without `--allow-aws`: the one wording the target and the CLI's early check use. */
export const AWS_OPT_IN_REFUSAL = `aws target: refusing to run against real AWS without an explicit opt-in. Pass --allow-aws (or set ${ALLOW_AWS_ENV}=1).`;

/**
 * Real Cognito, the reference. It costs money and touches a real account, so it refuses to start without
 * an explicit opt-in, states the account and the estimated load first, and needs credentials up front.
 */
export async function startAwsTarget(
  options: AwsTargetOptions,
  announcement: AwsRunAnnouncement,
): Promise<StartedTarget> {
  if (!options.allowAws) throw new Error(AWS_OPT_IN_REFUSAL);
  const endpoint = options.endpoint ?? `https://cognito-idp.${options.region}.amazonaws.com`;
  await assertCredentials(options.region, options.credentialTimeoutMs ?? 5_000);
  const account = await callerAccount(options.region, options.endpoint !== undefined);
  const { estimate, prefix } = announcement;
  options.log(
    `aws target: account ${account}, region ${options.region}, prefix ${prefix}; ` +
      `about ${estimate.requests} requests and at most ${estimate.pools} user pools, all deleted at the end.`,
  );
  const descriptor: TargetDescriptor = { kind: 'aws', name: 'aws', endpoint, region: options.region };
  const stop = async () => undefined;
  return { descriptor, stop, [Symbol.asyncDispose]: stop };
}

async function assertCredentials(region: string, timeoutMs: number): Promise<void> {
  const client = new CognitoIdentityProviderClient({ region });
  try {
    const resolve = client.config.credentials();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`none found within ${timeoutMs} ms`)), timeoutMs).unref(),
    );
    await Promise.race([resolve, timeout]);
  } catch (error) {
    throw new Error(
      `aws target: no AWS credentials (${(error as Error).message}). Configure the SDK's default chain: ` +
        'AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or an instance role.',
    );
  } finally {
    client.destroy();
  }
}

/** The account id from STS, or why it is unknown; informative only, so it never stops the run. */
async function callerAccount(region: string, standIn: boolean): Promise<string> {
  if (standIn) return 'unknown (endpoint override: not real AWS)';
  const sts = new STSClient({ region, maxAttempts: 1 });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}), {
      abortSignal: AbortSignal.timeout(5_000),
    });
    return identity.Account ?? 'unknown';
  } catch (error) {
    return `unknown (STS GetCallerIdentity: ${(error as Error).name})`;
  } finally {
    sts.destroy();
  }
}
