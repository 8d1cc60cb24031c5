/** What one explored command sequence did (stateful and behaviour runs): the commands it ran, and its replay path. */
export interface SequenceRun {
  readonly steps: readonly string[];
  readonly replayPath?: string;
}

/**
 * A sequence finding's request: the commands the sequence ran. fast-check replays a command sequence from seed and
 * path only together with its `replayPath`, so a shrunk example carries that too.
 */
export function sequenceRequest(run: SequenceRun | undefined, shrunk: boolean): Record<string, unknown> {
  return {
    commands: [...(run?.steps ?? [])],
    ...(shrunk && run?.replayPath !== undefined ? { replayPath: run.replayPath } : {}),
  };
}

/** fast-check prints a command sequence as `A,B /*replayPath="…"*\/`; this takes the replay path out. */
export function replayPathOf(commands: Iterable<unknown>): { replayPath?: string } {
  const match = /replayPath=("(?:[^"\\]|\\.)*")/.exec(String(commands));
  return match?.[1] ? { replayPath: JSON.parse(match[1]) as string } : {};
}
