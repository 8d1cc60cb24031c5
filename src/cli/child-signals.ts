import type { ChildProcess } from 'node:child_process';

/** Two signals closer than this are one Ctrl-C seen twice (the terminal's, and a copy a wrapper may pass on). */
const SAME_SIGNAL_MS = 1_000;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a command that does its work in child processes, each started in a process
 * group of its own (`detached`), so a signal reaches a child once, through here. From construction until
 * {@link dispose}, a signal marks the command {@link interrupted} and is passed on to the child in flight, which
 * finishes as it does on a signal (`run` writes the report of what completed and deletes its resources); the
 * command then starts nothing more. A second signal a second or more later is passed on too (`run` then exits
 * at once). If this process exits while a child still runs, the child gets SIGTERM.
 */
export class ChildSignals {
  private child: ChildProcess | undefined;
  private lastSignalAt = Number.NEGATIVE_INFINITY;
  private signalled = false;
  private readonly listener = (signal: NodeJS.Signals) => this.onSignal(signal);
  private readonly onExit = () => {
    if (this.running(this.child)) this.child.kill('SIGTERM');
  };

  constructor() {
    process.on('SIGINT', this.listener);
    process.on('SIGTERM', this.listener);
    process.on('exit', this.onExit);
  }

  /** Whether a signal has come since construction. */
  get interrupted(): boolean {
    return this.signalled;
  }

  /** Makes `child` the one that gets the signals from now on, until it exits. */
  track(child: ChildProcess): void {
    this.child = child;
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
  }

  /** Stops listening; signals are this process's own again. */
  dispose(): void {
    process.off('SIGINT', this.listener);
    process.off('SIGTERM', this.listener);
    process.off('exit', this.onExit);
  }

  private onSignal(signal: NodeJS.Signals): void {
    const now = Date.now();
    const repeated = now - this.lastSignalAt < SAME_SIGNAL_MS;
    this.lastSignalAt = now;
    this.signalled = true;
    if (!repeated && this.running(this.child)) this.child.kill(signal);
  }

  private running(child: ChildProcess | undefined): child is ChildProcess {
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }
}
