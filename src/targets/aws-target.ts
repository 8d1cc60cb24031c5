import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { RunSettings } from '../run/run-settings.ts';
import { ENV } from '../run/run-settings.ts';
import type { StartedTarget, TargetDescriptor } from './target.ts';

export interface AwsTargetOptions {
  readonly region: string;
  readonly allowAws: boolean;
  /** Only for testing the AWS code paths against an emulator standing in for AWS. */
  readonly endpoint?: string;
  readonly log: (line: string) => void;
  readonly credentialTimeoutMs?: number;
}

/**
 * Real Cognito, the reference. It costs money and touches a real account, so it refuses to start without
 * an explicit opt-in, states the account and the estimated load first, and needs credentials up front.
 */
export async function startAwsTarget(
  options: AwsTargetOptions,
  settings: RunSettings,
): Promise<StartedTarget> {
  if (!options.allowAws) {
    throw new Error(
      `aws target: refusing to run against real AWS without an explicit opt-in. Pass --allow-aws or set ${ENV.allowAws}=1.`,
    );
  }
  const endpoint = options.endpoint ?? `https://cognito-idp.${options.region}.amazonaws.com`;
  await assertCredentials(options.region, options.credentialTimeoutMs ?? 5_000);
  const account = await callerAccount(options.region, options.endpoint !== undefined);
  const estimate = estimateLoad(settings);
  options.log(
    `aws target: account ${account}, region ${options.region}, prefix ${settings.prefix}; ` +
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

/** A rough upper bound of what a run sends and creates, for the operator to see before it starts. */
export function estimateLoad(settings: RunSettings): { requests: number; pools: number } {
  const operations = settings.operations?.length ?? 10;
  const perOperation = settings.runsPerProperty * 3 + 20;
  const stateful = settings.statefulRuns * settings.statefulMaxCommands * 3;
  return {
    requests: operations * perOperation + stateful,
    pools: operations * (settings.runsPerProperty + 3) + stateful,
  };
}
