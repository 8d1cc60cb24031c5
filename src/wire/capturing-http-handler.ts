import { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { parseJsonBody, type Exchange } from '../protocol/index.ts';

export interface CapturingHandlerOptions {
  /** Per-request deadline; a target that never finishes a response becomes a transport exchange. */
  readonly requestTimeoutMs: number;
  readonly connectionTimeoutMs: number;
}

/**
 * Wraps the SDK's Node HTTP handler and records every exchange byte for byte before the SDK parses it.
 * The body is buffered and handed back to the SDK as a fresh stream, so the SDK behaves as without capture.
 */
export class CapturingHttpHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  private readonly inner: NodeHttpHandler;
  private readonly listeners = new Set<(exchange: Exchange) => void>();

  constructor(private readonly options: CapturingHandlerOptions) {
    this.inner = new NodeHttpHandler({
      requestTimeout: options.requestTimeoutMs,
      // By default the SDK only logs a warning when a request exceeds requestTimeout; this makes it end
      // the request (the handler's own deadline below also covers a body that never finishes).
      throwOnRequestTimeout: true,
      connectionTimeout: options.connectionTimeoutMs,
      httpAgent: { keepAlive: true, maxSockets: 8 },
    });
  }

  /** Subscribes to exchanges; returns the unsubscribe function. */
  onExchange(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async handle(
    request: HttpRequest,
    handlerOptions?: HttpHandlerOptions,
  ): Promise<{ response: HttpResponse }> {
    const started = performance.now();
    const base = describeRequest(request);
    // Aborting destroys the request and its socket. Without it a target that never answers (or never
    // finishes a body) keeps the socket busy after the deadline, and once the agent's sockets are all
    // held that way, every later call times out too, however healthy the target has become.
    const abort = new AbortController();
    const options: HttpHandlerOptions = {
      ...handlerOptions,
      abortSignal: combinedSignal(abort.signal, handlerOptions?.abortSignal),
    };
    let response: HttpResponse;
    try {
      ({ response } = await withDeadline(
        this.inner.handle(request as Parameters<NodeHttpHandler['handle']>[0], options),
        this.options.requestTimeoutMs,
        () => abort.abort(),
      ));
    } catch (error) {
      this.emit({
        ...base,
        status: 0,
        headers: {},
        bodyText: '',
        ms: performance.now() - started,
        transportError: describe(error),
      });
      throw error;
    }
    let bodyText: string;
    try {
      bodyText = await withDeadline(readBody(response.body), this.options.requestTimeoutMs, () => {
        destroyStream(response.body);
        abort.abort();
      });
    } catch (error) {
      // The status line and headers came, the body did not (reset, cut short, past the deadline). Status 0:
      // there is no response to judge, and code that takes 2xx to mean "accepted, read the body" must not
      // read this one. The headers are kept, and the status is named in the error.
      const headers = lowerCaseHeaders(response.headers);
      const transportError = `${describe(error)} (after the HTTP ${response.statusCode} status line and headers)`;
      this.emit({
        ...base,
        status: 0,
        headers,
        bodyText: '',
        ms: performance.now() - started,
        transportError,
      });
      throw error;
    }
    const headers = lowerCaseHeaders(response.headers);
    this.emit({
      ...base,
      status: response.statusCode,
      headers,
      bodyText,
      body: parseJsonBody(bodyText),
      ms: performance.now() - started,
    });
    response.body = Readable.from([Buffer.from(bodyText, 'utf8')]);
    return { response };
  }

  updateHttpClientConfig(key: never, value: never): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs() {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }

  private emit(exchange: Exchange): void {
    for (const listener of this.listeners) listener(exchange);
  }
}

function describeRequest(request: HttpRequest): Pick<Exchange, 'operation' | 'request' | 'requestHeaders'> {
  const requestHeaders = lowerCaseHeaders(request.headers);
  const target = requestHeaders['x-amz-target'] ?? '';
  const bodyText = requestBodyText(request.body);
  return {
    operation: target.split('.').pop() ?? '',
    request: parseJsonBody(bodyText) ?? bodyText,
    requestHeaders,
  };
}

/** The SDK hands over a string for raw bodies and a Uint8Array for serialised ones. */
function requestBodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return '';
}

function lowerCaseHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) lowered[name.toLowerCase()] = String(value);
  return lowered;
}

async function readBody(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The SDK's requestTimeout only warns (and covers socket idleness, not a body that trickles forever); this
 * bounds the whole and, when the deadline passes, calls `onTimeout` to release what the work still holds.
 */
async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(Object.assign(new Error(`no complete response within ${ms} ms`), { name: 'TimeoutError' }));
      onTimeout();
    }, ms);
  });
  // The work settles (rejected, once aborted) after the deadline won the race; that is expected.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The caller's abort signal, if any, joined with ours. */
function combinedSignal(ours: AbortSignal, theirs: HttpHandlerOptions['abortSignal']): AbortSignal {
  return theirs === undefined ? ours : AbortSignal.any([ours, theirs as AbortSignal]);
}

function destroyStream(body: unknown): void {
  const stream = body as { destroy?: (error?: Error) => void } | undefined;
  stream?.destroy?.();
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? `${error.name} ${code}: ${error.message}`
      : `${error.name}: ${error.message}`;
  }
  return String(error);
}
