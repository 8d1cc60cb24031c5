import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import type { BuildMiddleware, MetadataBearer } from '@smithy/types';
import type { TargetDescriptor } from './target-descriptor.ts';
import { CapturingHttpHandler } from './capturing-http-handler.ts';
import type { Exchange } from '../protocol/index.ts';
import { RateLimiter } from './rate-limiter.ts';

/** How an SDK error looked, judged by name, class, fault and status, never by message text. */
export interface SdkErrorSummary {
  readonly name: string;
  readonly fault?: string;
  readonly httpStatusCode?: number;
  /**
   * Whether the SDK threw one of its modeled exception classes (a subclass of the service exception it exports,
   * such as `ResourceNotFoundException`): false for the generic service exception it throws for an error type it
   * does not know, and for errors of its own.
   */
  readonly modeled: boolean;
  /**
   * Whether the error is the service's (modeled or generic), that is an error answer the SDK read. False for an
   * error the SDK raised itself: a deserialization error on a 2xx answer, or a request it never sent.
   */
  readonly service: boolean;
  /** For an error of the SDK's own: the first line of its message, at most 200 characters. */
  readonly message?: string;
}

/** One call: the exchange as it crossed the wire, plus what the SDK made of it. */
export interface CallResult {
  readonly exchange: Exchange;
  readonly output?: Record<string, unknown>;
  readonly error?: SdkErrorSummary;
  /** Set when the target kept throttling after every retry; the call proves nothing either way. */
  readonly throttled?: boolean;
}

/** Options of a {@link WireClient}: rate limit (requests per second), throttling retries and timeouts (ms). */
export interface WireClientOptions {
  readonly requestTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
  /** Client-side request rate; real Cognito enforces per-account quotas. Unlimited by default. */
  readonly maxRequestsPerSecond?: number;
  /** Retries of `TooManyRequestsException` with exponential backoff before giving up as throttled. */
  readonly throttleRetries?: number;
  readonly throttleBaseDelayMs?: number;
}

/** What the suite needs of any SDK command: its middleware stack, to replace the serialised body. */
interface AnyCommand {
  readonly middlewareStack: {
    add(
      middleware: BuildMiddleware<object, MetadataBearer>,
      options: { step: 'build'; priority: 'high'; name: string },
    ): void;
  };
}
type CommandConstructor = new (input: object) => AnyCommand;

/**
 * The SDK client every suite uses, with every exchange captured. Calls run one at a time per client so
 * each result is paired with exactly its own exchange and a run is deterministic.
 */
export class WireClient {
  private readonly handler: CapturingHttpHandler;
  private readonly client: sdk.CognitoIdentityProviderClient;
  private readonly limiter: RateLimiter;
  private queue: Promise<unknown> = Promise.resolve();
  /** How many exchanges so far, and the latest: a long-lived client keeps no history (see {@link onExchange}). */
  private count = 0;
  private latest: Exchange | undefined;
  private readonly listeners = new Set<(exchange: Exchange) => void>();

  constructor(
    readonly target: TargetDescriptor,
    private readonly options: WireClientOptions = {},
  ) {
    this.handler = new CapturingHttpHandler({
      requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
      connectionTimeoutMs: options.connectionTimeoutMs ?? 3_000,
    });
    this.handler.onExchange((exchange) => this.observe(exchange));
    this.limiter = new RateLimiter(options.maxRequestsPerSecond);
    this.client = new sdk.CognitoIdentityProviderClient({
      region: target.region,
      // For AWS this is the regional endpoint, or an override (an emulator standing in, in tests).
      endpoint: target.endpoint,
      ...(target.credentials ? { credentials: target.credentials } : {}),
      requestHandler: this.handler,
      maxAttempts: 1,
    });
  }

  /** How many exchanges this client has made (one per request sent, or attempted and never sent). */
  get exchangeCount(): number {
    return this.count;
  }

  /**
   * Calls `listener` with every exchange from now on, in order; returns the unsubscribe function. The client
   * itself keeps none of them, so a client that lives for a whole run does not grow with it.
   */
  onExchange(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private observe(exchange: Exchange): void {
    this.count += 1;
    this.latest = exchange;
    for (const listener of this.listeners) listener(exchange);
  }

  /** Sends a request through the SDK's own serialisation, as an application would. */
  send(operation: string, input: object): Promise<CallResult> {
    return this.enqueue(() => this.call(operation, input));
  }

  /**
   * Sends `body` as the exact awsJson1.1 payload, skipping the SDK's serialisation (which would drop
   * unknown members and coerce types), so deliberately invalid requests reach the target as written.
   * Signing, headers and capture stay the same as for `send`.
   */
  sendRaw(operation: string, body: unknown): Promise<CallResult> {
    const payload = JSON.stringify(body);
    const replaceBody: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
      const request = args.request as { body?: unknown; headers: Record<string, string> };
      request.body = payload;
      request.headers['content-length'] = String(Buffer.byteLength(payload));
      return next(args);
    };
    return this.enqueue(() => this.call(operation, {}, replaceBody));
  }

  destroy(): void {
    this.client.destroy();
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async call(
    operation: string,
    input: object,
    bodyOverride?: BuildMiddleware<object, MetadataBearer>,
  ): Promise<CallResult> {
    const retries = this.options.throttleRetries ?? 0;
    for (let attempt = 0; ; attempt++) {
      await this.limiter.take();
      const result = await this.callOnce(operation, input, bodyOverride);
      if (!isThrottled(result)) return result;
      if (attempt >= retries) return { ...result, throttled: true };
      await delay((this.options.throttleBaseDelayMs ?? 200) * 2 ** attempt);
    }
  }

  private async callOnce(
    operation: string,
    input: object,
    bodyOverride?: BuildMiddleware<object, MetadataBearer>,
  ): Promise<CallResult> {
    const command = new (commandFor(operation))(input);
    if (bodyOverride)
      command.middlewareStack.add(bodyOverride, {
        step: 'build',
        priority: 'high',
        name: 'conformanceRawBody',
      });
    const before = this.count;
    try {
      const output = (await this.client.send(command as never)) as unknown as Record<string, unknown>;
      return { exchange: this.exchangeSince(before, operation), output };
    } catch (error) {
      return { exchange: this.exchangeSince(before, operation), error: summariseError(error) };
    }
  }

  private exchangeSince(before: number, operation: string): Exchange {
    const exchange = this.latest;
    if (this.count > before && exchange) return exchange;
    // The SDK failed before anything was sent (for example, missing credentials).
    const synthetic: Exchange = {
      operation,
      request: undefined,
      requestHeaders: {},
      status: 0,
      headers: {},
      bodyText: '',
      ms: 0,
      transportError: 'request was not sent',
    };
    this.observe(synthetic);
    return synthetic;
  }
}

function commandFor(operation: string): CommandConstructor {
  const command = (sdk as unknown as Record<string, unknown>)[`${operation}Command`];
  if (typeof command !== 'function')
    throw new Error(`WireClient: the SDK has no command for operation ${operation}`);
  return command as CommandConstructor;
}

function summariseError(error: unknown): SdkErrorSummary {
  const candidate = error as {
    name?: unknown;
    message?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const base = sdk.CognitoIdentityProviderServiceException;
  const service = error instanceof base;
  const message =
    typeof candidate.message === 'string' ? candidate.message.split('\n')[0]?.slice(0, 200) : undefined;
  return {
    name: typeof candidate.name === 'string' ? candidate.name : 'Error',
    modeled: service && (error as object).constructor !== base,
    service,
    ...(!service && message !== undefined ? { message } : {}),
    ...(typeof candidate.$fault === 'string' ? { fault: candidate.$fault } : {}),
    ...(typeof candidate.$metadata?.httpStatusCode === 'number'
      ? { httpStatusCode: candidate.$metadata.httpStatusCode }
      : {}),
  };
}

function isThrottled(result: CallResult): boolean {
  const type = (result.exchange.body as { __type?: unknown } | undefined)?.__type;
  return typeof type === 'string' && type.endsWith('TooManyRequestsException');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
