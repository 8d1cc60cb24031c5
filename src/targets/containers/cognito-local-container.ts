import type { StartedTestContainer } from 'testcontainers';
import { defaultImage } from './container-images.ts';
import { EmulatorContainer, StartedEmulatorContainer } from './emulator-container.ts';

/** The port cognito-local listens on inside its container (its image sets `PORT=9229`). */
export const COGNITO_LOCAL_PORT = 9229;

/** What cognito-local logs once its server listens: `Cognito Local running on http://0.0.0.0:9229`. */
export const COGNITO_LOCAL_READY_LOG = 'Cognito Local running on';

/**
 * cognito-local in a container, written like a testcontainers module: configure with the inherited and the
 * `with*` builder methods, then `start()`. Use it to judge the published image (`--target
 * container:cognito-local`) rather than the copy in node_modules that the embedded target runs.
 *
 * Start-up is bounded (60 s by default, `withStartupTimeout`) and fails with a message naming the target and
 * what to do: see start-target-container.ts.
 */
export class CognitoLocalContainer extends EmulatorContainer<StartedCognitoLocalContainer> {
  /** @param image Defaults to the pinned image for this machine (container-images.ts). */
  constructor(image: string = defaultImage('cognito-local')) {
    super(image, {
      target: 'container:cognito-local',
      port: COGNITO_LOCAL_PORT,
      readyLog: COGNITO_LOCAL_READY_LOG,
    });
  }

  protected override started(container: StartedTestContainer): StartedCognitoLocalContainer {
    return new StartedCognitoLocalContainer(container, this.image, COGNITO_LOCAL_PORT);
  }
}

/** A running cognito-local container. `stop()` (also run by `await using`) stops and removes it; it is idempotent. */
export class StartedCognitoLocalContainer extends StartedEmulatorContainer {}
