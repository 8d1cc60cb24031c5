import type { RunSettings } from '../run/run-settings.ts';
import { startAwsTarget } from './aws-target.ts';
import { startEmbeddedTarget } from './embedded/embedded-target.ts';
import { probeEndpoint } from './probe-endpoint.ts';
import { EMULATOR_CREDENTIALS, type StartedTarget } from './target.ts';
import type { TargetSelection } from './target-selection.ts';

/** Starts (or, for endpoints and AWS, checks) the selected target; every kind fails clearly and in bounded time. */
export async function startTarget(
  selection: TargetSelection,
  settings: RunSettings,
  log: (line: string) => void = (line) => console.error(line),
): Promise<StartedTarget> {
  switch (selection.kind) {
    case 'embedded':
      return startEmbeddedTarget();
    case 'endpoint': {
      await probeEndpoint('endpoint', selection.endpoint);
      const stop = async () => undefined;
      return {
        descriptor: {
          kind: 'endpoint',
          name: endpointName(selection.endpoint),
          endpoint: selection.endpoint,
          region: selection.region,
          credentials: EMULATOR_CREDENTIALS,
        },
        stop,
        [Symbol.asyncDispose]: stop,
      };
    }
    case 'aws':
      return startAwsTarget(
        {
          region: selection.region,
          allowAws: selection.allowAws,
          log,
          ...(selection.endpoint ? { endpoint: selection.endpoint } : {}),
        },
        settings,
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
          endpoint: started.endpoint,
          image: started.image,
          region: 'us-east-1',
          credentials: EMULATOR_CREDENTIALS,
        },
        stop,
        [Symbol.asyncDispose]: stop,
      };
    }
  }
}

function endpointName(endpoint: string): string {
  return `endpoint ${new URL(endpoint).host}`;
}
