import { startAwsTarget, type AwsRunAnnouncement } from './aws-target.ts';
import { startEmbeddedTarget } from './embedded/embedded-target.ts';
import { pinnedVersion } from './containers/container-images.ts';
import { identifyEndpoint } from './identify-endpoint.ts';
import { probeEndpoint } from './probe-endpoint.ts';
import { EMULATOR_CREDENTIALS, type StartedTarget } from './target.ts';
import type { TargetSelection } from './target-selection.ts';

/** Plain options for {@link startTarget}: what real AWS announces before a run, and where lines go. */
export interface StartTargetOptions {
  /** Shown before a run against real AWS; required for the `aws` selection. */
  readonly announcement?: AwsRunAnnouncement;
  /** Progress and announcements (default: standard error). */
  readonly log?: (line: string) => void;
  /** What reports call the target (`--target-name`); default: the emulator where known, else the endpoint's host. */
  readonly targetName?: string;
}

/**
 * Starts (or, for endpoints and AWS, checks) the selected target; every kind fails clearly and in bounded time.
 * @throws Error naming the target and what to do when it cannot be started or reached, or when `aws` is
 *   selected without an opt-in, credentials or an announcement.
 */
export async function startTarget(
  selection: TargetSelection,
  options: StartTargetOptions = {},
): Promise<StartedTarget> {
  const started = await startSelected(selection, options);
  if (options.targetName === undefined) return started;
  return { ...started, descriptor: { ...started.descriptor, name: options.targetName } };
}

async function startSelected(
  selection: TargetSelection,
  options: StartTargetOptions,
): Promise<StartedTarget> {
  const log = options.log ?? ((line: string) => console.error(line));
  switch (selection.kind) {
    case 'embedded':
      return startEmbeddedTarget();
    case 'endpoint': {
      await probeEndpoint('endpoint', selection.endpoint);
      const identity = await identifyEndpoint(selection.endpoint);
      const stop = async () => undefined;
      return {
        descriptor: {
          kind: 'endpoint',
          name: identity.emulator ?? endpointName(selection.endpoint),
          ...identity,
          endpoint: selection.endpoint,
          region: selection.region,
          credentials: EMULATOR_CREDENTIALS,
        },
        stop,
        [Symbol.asyncDispose]: stop,
      };
    }
    case 'aws':
      if (options.announcement === undefined)
        throw new Error(
          'startTarget: the aws target needs an announcement (the run prefix and estimated load)',
        );
      return startAwsTarget(
        {
          region: selection.region,
          allowAws: selection.allowAws,
          log,
          ...(selection.endpoint ? { endpoint: selection.endpoint } : {}),
        },
        options.announcement,
      );
    case 'container': {
      const { launchContainerTarget } = await import('./containers/launch-container-target.ts');
      const started = await launchContainerTarget(
        selection.emulator,
        selection.image ? { image: selection.image } : {},
      );
      const stop = () => started.stop();
      return {
        descriptor: {
          kind: 'container',
          name: selection.emulator,
          emulator: selection.emulator,
          endpoint: started.endpoint,
          image: started.image,
          ...versionOf(started.image),
          region: 'us-east-1',
          credentials: EMULATOR_CREDENTIALS,
        },
        stop,
        [Symbol.asyncDispose]: stop,
      };
    }
  }
}

/** The emulator release a pinned image runs, for the report's `target.version`. */
function versionOf(image: string): { version?: string } {
  const version = pinnedVersion(image);
  return version === undefined ? {} : { version };
}

/**
 * The name of an endpoint nothing identifies: its host name, without the port, so a baseline written for an
 * emulator on one port still matches it on another.
 */
function endpointName(endpoint: string): string {
  return `endpoint ${new URL(endpoint).hostname}`;
}
