import type { Readable } from 'node:stream';

/** Colour and cursor escapes, which emulators such as cognito-local (pino-pretty) write even without a TTY. */
const ANSI_ESCAPES = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * Keeps the last lines a container wrote while it started. testcontainers removes a container whose start-up
 * failed before it reports the failure, taking the logs with it, so they are collected as they arrive and the
 * error can quote them.
 */
export class ContainerLogTail {
  private readonly kept: string[] = [];
  private partial = '';

  /** @param maxLines How many of the most recent lines to keep. */
  constructor(private readonly maxLines = 30) {}

  /** Follows a log stream as testcontainers hands it to a log consumer (stdout and stderr, as text). */
  attach(stream: Readable): void {
    stream.on('data', (chunk: Buffer | string) => this.append(chunk.toString()));
    stream.on('err', (chunk: Buffer | string) => this.append(chunk.toString()));
    stream.on('end', () => this.flush());
    stream.on('error', () => this.flush());
  }

  /** Adds raw log text; complete lines are kept, a trailing partial line waits for its end. */
  append(text: string): void {
    const lines = (this.partial + text).split(/\r?\n/);
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.keep(line);
  }

  /** The kept lines, oldest first, without colour escapes; includes a trailing unfinished line. */
  lines(): string[] {
    return this.partial === ''
      ? [...this.kept]
      : [...this.kept, this.clean(this.partial)].slice(-this.maxLines);
  }

  /** The kept lines as an indented block for an error message, or a note that there were none. */
  format(): string {
    const lines = this.lines();
    return lines.length === 0
      ? '  (the container wrote no log lines)'
      : lines.map((line) => `  | ${line}`).join('\n');
  }

  private flush(): void {
    if (this.partial !== '') this.keep(this.partial);
    this.partial = '';
  }

  private keep(line: string): void {
    const cleaned = this.clean(line);
    if (cleaned.trim() === '') return;
    this.kept.push(cleaned);
    if (this.kept.length > this.maxLines) this.kept.shift();
  }

  private clean(line: string): string {
    return line.replace(ANSI_ESCAPES, '').trimEnd();
  }
}
