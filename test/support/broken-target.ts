import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * How a broken target answers every request, whatever it asks for:
 * - `truncated-json`: HTTP 200 with the protocol's media type and a request id, and a JSON body cut off
 *   halfway (Content-Length matches what is sent, so it is a complete HTTP answer, not a transport failure);
 * - `html-500`: HTTP 500 with an HTML error page, as a crashed framework or a proxy in front of nothing gives;
 * - `silent`: the connection is accepted and nothing is ever answered.
 */
export type BrokenAnswer = 'truncated-json' | 'html-500' | 'silent';

/** A running broken target: its endpoint, how many requests reached it, and how to stop it. */
export interface BrokenTarget {
  readonly endpoint: string;
  readonly requests: () => number;
  close(): Promise<void>;
}

const ANSWERS: Record<Exclude<BrokenAnswer, 'silent'>, { status: number; type: string; body: string }> = {
  'truncated-json': {
    status: 200,
    type: 'application/x-amz-json-1.1',
    body: '{"UserPool":{"Id":"us-east-1_AbCdEf123","Name":"cc-pool-1","Policies":{"PasswordPol',
  },
  'html-500': {
    status: 500,
    type: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n<body><h1>Internal Server Error</h1></body></html>\n',
  },
};

/**
 * Starts a target on 127.0.0.1 (a free port) that answers every request the same broken way. It answers HTTP,
 * so it is reachable: a run against it must judge it, not fail as if nothing were there.
 */
export async function startBrokenTarget(answer: BrokenAnswer): Promise<BrokenTarget> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests += 1;
    req.resume();
    if (answer === 'silent') return;
    const { status, type, body } = ANSWERS[answer];
    req.on('end', () => {
      res.writeHead(status, {
        'content-type': type,
        'content-length': Buffer.byteLength(body),
        'x-amzn-requestid': `broken-${requests}`,
      });
      res.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An endpoint where nothing listens: a port taken from the system and given back at once. */
export async function refusingEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
