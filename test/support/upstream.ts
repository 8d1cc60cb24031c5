import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { ProxiedRequest, ProxiedResponse } from './proxied-exchange.ts';

/** Headers that describe one hop's framing; the proxy frames each side itself. */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'proxy-connection',
  'upgrade',
]);

/** The awsJson1.1 target prefix of Cognito user pools. */
export const COGNITO_TARGET_PREFIX = 'AWSCognitoIdentityProviderService';

/**
 * The target behind the proxy: cognito-local. Requests are forwarded byte for byte (only the framing
 * headers are redone), over a keep-alive agent of its own so the suite's connections and the proxy's
 * never mix.
 */
export class Upstream {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });
  private readonly url: URL;

  constructor(endpoint: string) {
    this.url = new URL(endpoint);
  }

  /** Forwards `request` and buffers the whole response; rejects when the target cannot be reached or dies mid-response. */
  forward(request: ProxiedRequest): Promise<ProxiedResponse> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers))
      if (!HOP_HEADERS.has(name)) headers[name] = value;
    headers['host'] = this.url.host;
    headers['content-length'] = String(request.body.length);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: this.url.hostname,
          port: this.url.port,
          method: request.method,
          path: request.path,
          headers,
          agent: this.agent,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('close', () => {
            if (!incoming.complete) reject(new Error('the target closed the connection mid-response'));
          });
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 502,
              headers: endToEndHeaders(incoming.headers),
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  /** Calls one operation on the target directly, past every mutation (a mutation taking a snapshot, say). */
  call(operation: string, body: Record<string, unknown>): Promise<ProxiedResponse> {
    return this.forward({
      method: 'POST',
      path: '/',
      operation,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${COGNITO_TARGET_PREFIX}.${operation}`,
      },
      body: Buffer.from(JSON.stringify(body), 'utf8'),
    });
  }

  destroy(): void {
    this.agent.destroy();
  }
}

function endToEndHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
