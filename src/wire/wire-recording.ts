import { appendFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Exchange } from '../protocol/index.ts';

/**
 * One exchange as a wire recording holds it: enough to send the same request again as raw awsJson1.1 and to
 * learn which ids the target returned. `body` and `response` are the JSON texts; `at` is epoch milliseconds.
 */
export interface RecordedExchange {
  readonly operation: string;
  readonly body: string;
  readonly status: number;
  readonly response: string;
  readonly at: number;
}

let streams = 0;

/**
 * Appends every exchange `source` makes from now on to a file of its own under `dir` (one JSON line each), and
 * returns the function that stops recording. A recording is raw traffic, secrets and all: it is for the
 * benchmark's replay (`npm run bench`), which deletes it, and never goes into a report or a log.
 */
export function recordWire(
  source: { onExchange(listener: (exchange: Exchange) => void): () => void },
  dir: string,
): () => void {
  mkdirSync(dir, { recursive: true });
  streams += 1;
  const file = join(dir, `${process.pid}-${threadId}-${streams}.jsonl`);
  return source.onExchange((exchange) => {
    if (exchange.request === undefined) return; // never sent: nothing to replay
    const line: RecordedExchange = {
      operation: exchange.operation,
      body: JSON.stringify(exchange.request),
      status: exchange.status,
      response: exchange.bodyText,
      at: Date.now(),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}

/** The streams of a recording directory, each in the order it was sent, streams by when they began. */
export function readWireRecording(dir: string): RecordedExchange[][] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as RecordedExchange),
    )
    .filter((stream) => stream.length > 0)
    .sort((a, b) => (a[0]?.at ?? 0) - (b[0]?.at ?? 0));
}
