import { Agent, request } from 'node:http';
import type { RecordedExchange } from '../src/wire/index.ts';

/** What replaying a recorded request stream took: requests sent, wall time (ms), and answers with the recorded status. */
export interface ReplayResult {
  readonly requests: number;
  readonly ms: number;
  readonly sameStatus: number;
}

/**
 * Sends recorded request streams again, as raw awsJson1.1 over keep-alive HTTP, to a fresh target: each stream in
 * its own order on its own connection, `concurrency` streams at a time (streams start in the order they began
 * when recorded). Ids the target returned when recorded (pool and client ids, tokens, sessions) are learnt from
 * each answer and put into the later requests that name them, so the replay does the same work, not a run of
 * "not found". This is the floor the suite is measured against: the target's own time for the suite's traffic.
 */
export async function replayStreams(
  streams: readonly (readonly RecordedExchange[])[],
  endpoint: string,
  concurrency: number,
): Promise<ReplayResult> {
  const ids = new IdMap();
  const url = new URL(endpoint);
  const queue = [...streams];
  let requests = 0;
  let sameStatus = 0;
  const started = performance.now();
  const runner = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let stream = queue.shift(); stream !== undefined; stream = queue.shift()) {
        for (const recorded of stream) {
          const answer = await post(agent, url, recorded.operation, ids.rewrite(recorded.body));
          requests += 1;
          if (answer.status === recorded.status) sameStatus += 1;
          ids.learn(recorded.response, answer.body);
        }
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, runner));
  return { requests, ms: performance.now() - started, sameStatus };
}

/** Recorded value → the value the replay's target returned in its place. */
export class IdMap {
  private readonly map = new Map<string, string>();

  /** Learns the strings that differ at the same place in a recorded answer and the replayed one. */
  learn(recordedText: string, replayedText: string): void {
    const recorded = parse(recordedText);
    const replayed = parse(replayedText);
    if (recorded !== undefined && replayed !== undefined) this.walk(recorded, replayed);
  }

  /** The request body with every string value the map knows replaced. */
  rewrite(body: string): string {
    if (this.map.size === 0) return body;
    const parsed = parse(body);
    return parsed === undefined ? body : JSON.stringify(this.replace(parsed));
  }

  get size(): number {
    return this.map.size;
  }

  private walk(recorded: unknown, replayed: unknown): void {
    if (typeof recorded === 'string' && typeof replayed === 'string') {
      // Short strings are values (an enum, a flag), not ids a target makes up. The first answer that names an
      // id (the one that created it) decides what it maps to; a later answer never remaps it.
      if (recorded !== replayed && recorded.length >= MIN_ID_LENGTH && !this.map.has(recorded))
        this.map.set(recorded, replayed);
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(replayed)) {
      // Lists are paired item by item only when they are the same length: a listing that, on replay, also
      // shows another stream's resources pairs nothing.
      if (recorded.length === replayed.length)
        recorded.forEach((item, index) => this.walk(item, replayed[index]));
      return;
    }
    if (isObject(recorded) && isObject(replayed))
      for (const [key, value] of Object.entries(recorded))
        if (key in replayed) this.walk(value, replayed[key]);
  }

  private replace(value: unknown): unknown {
    if (typeof value === 'string') return this.map.get(value) ?? value;
    if (Array.isArray(value)) return value.map((item) => this.replace(item));
    if (isObject(value))
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.replace(item)]));
    return value;
  }
}

const MIN_ID_LENGTH = 8;

function post(
  agent: Agent,
  url: URL,
  operation: string,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: '/',
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
