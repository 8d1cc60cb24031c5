import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalise, type NormalisationName } from './honest-mode.ts';
import type { Mutation, MutationContext } from './mutation.ts';
import {
  isTransportFault,
  type ProxiedRequest,
  type ProxiedResponse,
  type ProxyAnswer,
  type TransportFault,
} from './proxied-exchange.ts';
import { Upstream } from './upstream.ts';

/** What the proxy does until told otherwise: the honest-mode normalisations, and at most one mutation. */
export interface ProxyConfig {
  /** Defaults to the mutation's own `honest` list (none without a mutation). */
  readonly honest?: readonly NormalisationName[];
  readonly mutation?: Mutation;
}

/** How long the bytes before a reset or a close are given to reach the client first. */
const FLUSH_BEFORE_FAULT_MS = 50;

interface Active {
  readonly honest: readonly NormalisationName[];
  readonly mutation?: Mutation;
  readonly context: MutationContext;
  changed: number;
}

/**
 * A fault-injecting HTTP proxy between the suite and cognito-local, for tests only. It forwards every
 * request and applies one named {@link Mutation} to the exchanges it matches: rewritten JSON bodies,
 * headers or status, a slow answer, or a transport fault (reset, cut short, never ending, silent).
 * Requests that are not API calls (the pool JWKS) are forwarded too. When the target cannot be reached
 * the client's connection is dropped, as if the target itself had gone.
 */
export class MutationProxy {
  private active: Active;
  private readonly listeners = new Set<(request: ProxiedRequest) => void>();
  private readonly internalErrors: string[] = [];

  private constructor(
    private readonly server: Server,
    private readonly upstream: Upstream,
    readonly endpoint: string,
    config: ProxyConfig,
  ) {
    this.active = this.activate(config);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  /** Starts the proxy on 127.0.0.1 with a free port, in front of `upstream` (cognito-local's endpoint). */
  static async start(upstream: string, config: ProxyConfig = {}): Promise<MutationProxy> {
    const server = createServer({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new MutationProxy(server, new Upstream(upstream), `http://127.0.0.1:${port}`, config);
  }

  /** Switches mode for the requests that arrive from now on; the mutation's state and count start afresh. */
  configure(config: ProxyConfig): void {
    this.active = this.activate(config);
  }

  /** How many exchanges the installed mutation actually changed (or delayed) since it was installed. */
  get mutatedExchanges(): number {
    return this.active.changed;
  }

  /** Called with every request as it arrives, before it is forwarded; returns the unsubscribe function. */
  onRequest(listener: (request: ProxiedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Errors inside the proxy itself (never the target's); a test should expect none. */
  get errors(): readonly string[] {
    return this.internalErrors;
  }

  /** Stops listening and drops every open connection, a never-ending response included. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    this.upstream.destroy();
  }

  private activate(config: ProxyConfig): Active {
    return {
      honest: config.honest ?? config.mutation?.honest ?? [],
      ...(config.mutation ? { mutation: config.mutation } : {}),
      context: { state: new Map(), upstream: this.upstream },
      changed: 0,
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined);
    try {
      const request = await readRequest(req);
      if (request === undefined) return;
      for (const listener of this.listeners) listener(request);
      await this.answer(request, res, this.active);
    } catch (error) {
      this.internalErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
      res.socket?.destroy();
    }
  }

  private async answer(request: ProxiedRequest, res: ServerResponse, active: Active): Promise<void> {
    const mutation = matching(active, request);
    let changed = false;
    let forwarded = request;
    if (mutation?.rewriteRequest) {
      forwarded = await mutation.rewriteRequest(request, active.context);
      changed = forwarded !== request;
    }
    let response: ProxiedResponse;
    try {
      response = normalise(active.honest, await this.upstream.forward(forwarded), forwarded);
    } catch {
      // The target is gone (killed, refused): so is the connection, as if the proxy were the target.
      res.socket?.destroy();
      return;
    }
    let answer: ProxyAnswer = response;
    if (mutation?.rewriteResponse && (mutation.status === undefined || mutation.status === response.status)) {
      answer = mutation.rewriteResponse(response, forwarded, active.context);
      changed ||= answer !== response;
    }
    if (mutation?.delayMs !== undefined) {
      await delay(mutation.delayMs);
      changed = true;
    }
    if (changed) active.changed += 1;
    send(res, answer, response);
  }
}

/** The installed mutation when it applies to this request. */
function matching(active: Active, request: ProxiedRequest): Mutation | undefined {
  const mutation = active.mutation;
  if (!mutation || !mutation.operations.includes(request.operation)) return undefined;
  if (mutation.when !== undefined && !mutation.when(request)) return undefined;
  return mutation;
}

/** Buffers the request; undefined when the client went away before it was complete. */
function readRequest(req: IncomingMessage): Promise<ProxiedRequest | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => resolve(undefined));
    req.on('close', () => {
      if (!req.complete) resolve(undefined);
    });
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      resolve({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        operation: (headers['x-amz-target'] ?? '').split('.').pop() ?? '',
        body: Buffer.concat(chunks),
      });
    });
  });
}

function send(res: ServerResponse, answer: ProxyAnswer, original: ProxiedResponse): void {
  if (isTransportFault(answer)) return sendFault(res, answer, original);
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
  res.end(answer.body);
}

/** Starts the original response, then fails the way `fault` says. */
function sendFault(res: ServerResponse, fault: TransportFault, original: ProxiedResponse): void {
  if (fault.fault === 'silent') return;
  res.writeHead(original.status, { ...original.headers, 'content-length': String(original.body.length) });
  res.flushHeaders();
  const part = original.body.subarray(0, Math.min(fault.afterBytes, Math.max(0, original.body.length - 1)));
  if (part.length > 0) res.write(part);
  if (fault.fault === 'never-end') return;
  setTimeout(() => {
    if (fault.fault === 'reset') res.socket?.resetAndDestroy();
    else res.socket?.end();
  }, FLUSH_BEFORE_FAULT_MS);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
