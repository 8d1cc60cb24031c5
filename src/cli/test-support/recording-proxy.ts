import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request through the proxy and the answer it got, bodies as text. */
export interface RecordedExchange {
  readonly method: string;
  readonly path: string;
  readonly target: string | undefined;
  /**
   * The client's `x-amz-user-agent` and `user-agent` headers, joined by a space: an AWS SDK names its own version
   * there (`aws-sdk-js/3.600.0`), which shows which copy of the SDK sent the request.
   */
  readonly userAgent: string;
  readonly requestBody: string;
  readonly status: number;
  readonly responseBody: string;
}

export interface RecordingProxy extends AsyncDisposable {
  /** The URL to give `run --endpoint`. */
  readonly endpoint: string;
  /** Everything forwarded so far, in the order the answers completed. */
  readonly exchanges: readonly RecordedExchange[];
  close(): Promise<void>;
}

/**
 * A tiny HTTP proxy in front of an emulator that keeps every request and response body: what was on the
 * wire, independent of the tool's own capture, so a test can look for those values in the tool's output.
 */
export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const exchanges: RecordedExchange[] = [];
  const server = createServer((incoming, outgoing) => {
    void forward(new URL(upstream), incoming, outgoing, exchanges);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => closeServer(server);
  return { endpoint: `http://127.0.0.1:${port}`, exchanges, close, [Symbol.asyncDispose]: close };
}

async function forward(
  upstream: URL,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  into: RecordedExchange[],
): Promise<void> {
  const requestBody = await readBody(incoming);
  const headers = { ...incoming.headers, host: upstream.host };
  const upstreamRequest = request(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: incoming.method,
      path: incoming.url,
      headers,
    },
    (answer) => {
      void readBody(answer).then((responseBody) => {
        into.push({
          method: incoming.method ?? 'GET',
          path: incoming.url ?? '/',
          target: headerText(incoming.headers['x-amz-target']),
          userAgent: [incoming.headers['x-amz-user-agent'], incoming.headers['user-agent']]
            .map(headerText)
            .filter((value) => value !== undefined)
            .join(' '),
          requestBody: requestBody.toString('utf8'),
          status: answer.statusCode ?? 0,
          responseBody: responseBody.toString('utf8'),
        });
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        outgoing.end(responseBody);
      });
    },
  );
  upstreamRequest.on('error', (error) => {
    outgoing.writeHead(502, { 'content-type': 'text/plain' });
    outgoing.end(`recording proxy: ${error.message}`);
  });
  upstreamRequest.end(requestBody);
}

function readBody(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
