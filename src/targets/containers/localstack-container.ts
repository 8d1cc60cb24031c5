import { LocalstackContainer, StartedLocalStackContainer } from '@testcontainers/localstack';
import type { StartedTestContainer } from 'testcontainers';
import { defaultImage } from './container-images.ts';
import { startTargetContainer } from './start-target-container.ts';

/** LocalStack's edge port inside its container, where every service answers. */
export const LOCALSTACK_PORT = 4566;

/** The variable LocalStack Pro reads its licence from; passed through to the container. */
export const LOCALSTACK_AUTH_TOKEN_ENV = 'LOCALSTACK_AUTH_TOKEN';

/** What LocalStack logs when it accepts requests (the wait strategy of `@testcontainers/localstack`). */
export const LOCALSTACK_READY_LOG = 'Ready';

/** LocalStack Pro activates its licence and loads its plugins before `Ready`; it needs longer than the others. */
export const DEFAULT_LOCALSTACK_STARTUP_TIMEOUT_MS = 120_000;

/**
 * LocalStack Pro in a container (`--target container:localstack`): `@testcontainers/localstack`'s module
 * plus the suite's bounded, explained start-up. Cognito is a paid LocalStack feature, so the Pro image runs
 * and `LOCALSTACK_AUTH_TOKEN` must be set; without it `start()` fails at once, before touching any engine.
 */
export class LocalStackProContainer extends LocalstackContainer {
  private readonly image: string;
  private authToken: string | undefined;
  private pullTimeoutMs: number | undefined;
  private runtimeProbeTimeoutMs: number | undefined;

  /**
   * @param image Defaults to the pinned Pro image (container-images.ts).
   * @param env Where the auth token is read from; the process environment unless given.
   */
  constructor(image: string = defaultImage('localstack'), env: NodeJS.ProcessEnv = process.env) {
    super(image);
    this.image = image;
    const token = env[LOCALSTACK_AUTH_TOKEN_ENV];
    this.authToken = token !== undefined && token.trim() !== '' ? token : undefined;
    this.withStartupTimeout(DEFAULT_LOCALSTACK_STARTUP_TIMEOUT_MS);
  }

  /** Sets the licence token explicitly instead of reading `LOCALSTACK_AUTH_TOKEN`. */
  withAuthToken(authToken: string): this {
    this.authToken = authToken;
    return this;
  }

  /** Bounds pulling the image when it is not present (default in container-image-check.ts). */
  withPullTimeout(pullTimeoutMs: number): this {
    this.pullTimeoutMs = pullTimeoutMs;
    return this;
  }

  /** Bounds the check that a container engine answers at all (default 5 s). */
  withRuntimeProbeTimeout(runtimeProbeTimeoutMs: number): this {
    this.runtimeProbeTimeoutMs = runtimeProbeTimeoutMs;
    return this;
  }

  override async start(): Promise<StartedLocalStackProContainer> {
    if (this.authToken === undefined) {
      throw new Error(
        `container:localstack: ${LOCALSTACK_AUTH_TOKEN_ENV} is not set. Cognito is a paid LocalStack feature: ` +
          `the ${this.image} image only serves cognito-idp with a LocalStack auth token. Set ` +
          `${LOCALSTACK_AUTH_TOKEN_ENV} to your token, or use --target container:cognito-local or container:moto.`,
      );
    }
    this.withEnvironment({ [LOCALSTACK_AUTH_TOKEN_ENV]: this.authToken });
    const started = await startTargetContainer(
      this,
      {
        target: 'container:localstack',
        image: this.image,
        readyLog: LOCALSTACK_READY_LOG,
        startupTimeoutMs: this.startupTimeoutMs ?? DEFAULT_LOCALSTACK_STARTUP_TIMEOUT_MS,
        ...(this.pullTimeoutMs !== undefined ? { pullTimeoutMs: this.pullTimeoutMs } : {}),
        ...(this.runtimeProbeTimeoutMs !== undefined
          ? { runtimeProbeTimeoutMs: this.runtimeProbeTimeoutMs }
          : {}),
      },
      () => super.start(),
    );
    return new StartedLocalStackProContainer(started, this.image);
  }
}

/** A running LocalStack Pro container. `stop()` (also run by `await using`) stops and removes it; idempotent. */
export class StartedLocalStackProContainer extends StartedLocalStackContainer {
  constructor(
    startedTestContainer: StartedTestContainer,
    private readonly image: string,
  ) {
    super(startedTestContainer);
  }

  /** The URL for an SDK client's `endpoint`: `http://<host>:<mapped port>`. */
  getEndpoint(): string {
    return `http://${this.getHost()}:${this.getMappedPort(LOCALSTACK_PORT)}`;
  }

  /** The image reference the container was started from, as given. */
  getImage(): string {
    return this.image;
  }
}
