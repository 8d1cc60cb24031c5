import type { StartedTestContainer } from 'testcontainers';
import { defaultImage } from './container-images.ts';
import { EmulatorContainer, StartedEmulatorContainer } from './emulator-container.ts';

/** The port moto's server listens on inside its container. */
export const MOTO_PORT = 5000;

/** moto's server (werkzeug) logs ` * Running on http://127.0.0.1:5000` once it listens. */
export const MOTO_READY_LOG = /Running on http/;

/**
 * moto's server mode in a container (`--target container:moto`), written like a testcontainers module.
 * moto mocks every AWS service on one port; the suite only talks cognito-idp to it.
 *
 * Both default images run the same moto release (container-images.ts): the registry's `motoserver/moto`
 * where an engine can pull it, or the one scripts/container-engine.sh builds from Debian's python3 and moto's
 * source where no registry is reachable. Both start the server on {@link MOTO_PORT} by their own command.
 *
 * Start-up is bounded (60 s by default, `withStartupTimeout`) and fails with a message naming the target and
 * what to do: see start-target-container.ts.
 */
export class MotoContainer extends EmulatorContainer<StartedMotoContainer> {
  /** @param image Defaults to the pinned image for this machine (container-images.ts). */
  constructor(image: string = defaultImage('moto')) {
    super(image, { target: 'container:moto', port: MOTO_PORT, readyLog: MOTO_READY_LOG });
  }

  protected override started(container: StartedTestContainer): StartedMotoContainer {
    return new StartedMotoContainer(container, this.image, MOTO_PORT);
  }
}

/** A running moto container. `stop()` (also run by `await using`) stops and removes it; it is idempotent. */
export class StartedMotoContainer extends StartedEmulatorContainer {}
