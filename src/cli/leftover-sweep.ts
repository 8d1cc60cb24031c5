import { sweepByPrefix } from '../resources/index.ts';
import type { StartedTarget } from '../targets/index.ts';

/**
 * The sweep of a run's leftovers: every user pool with the run's prefix is deleted once the last test has ended,
 * on targets that outlive the run (an embedded target is thrown away with everything on it). The report asks
 * for it first ({@link LeftoverSweep.forReport}), so a sweep that cannot finish (a target
 * whose ListUserPools answers garbage) is a warning in the report rather than a failure of the tool. When no
 * report was written (nothing recorded, or the run failed before the end), {@link LeftoverSweep.atExit} sweeps
 * and logs the warning instead.
 */
export class LeftoverSweep {
  private swept: Promise<readonly string[]> | undefined;

  constructor(
    private readonly target: StartedTarget,
    private readonly prefix: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Sweeps (once) and returns the warnings the report should carry. */
  forReport(): Promise<readonly string[]> {
    this.swept ??= this.sweep();
    return this.swept;
  }

  /**
   * Sweeps once more when everything has stopped, logging the warnings the report does not already carry; never
   * throws. The report's sweep can run while an interrupted test's last create is still in flight (Ctrl-C
   * cancels the run, the reporter writes what completed, the request lands afterwards): only this one comes
   * after every worker has stopped.
   */
  async atExit(): Promise<void> {
    const reported = new Set(this.swept === undefined ? [] : await this.swept);
    this.swept = this.sweep();
    for (const warning of await this.swept)
      if (!reported.has(warning)) this.log(`cleanup: warning: ${warning}`);
  }

  private async sweep(): Promise<readonly string[]> {
    const { descriptor } = this.target;
    if (descriptor.kind === 'embedded') return [];
    try {
      const { deleted, warning } = await sweepByPrefix(descriptor, this.prefix);
      if (deleted.length > 0)
        this.log(`cleanup: deleted ${deleted.length} leftover pool(s) with prefix ${this.prefix}`);
      return warning === undefined ? [] : [`${warning}${this.cleanupHint()}`];
    } catch (error) {
      return [`the clean-up sweep failed (${(error as Error).message})${this.cleanupHint()}`];
    }
  }

  /** How to remove the leftovers later, for the targets the `cleanup` command serves. */
  private cleanupHint(): string {
    const { kind, endpoint, region } = this.target.descriptor;
    const command =
      kind === 'endpoint'
        ? `cognito-conformance cleanup --target endpoint --endpoint ${endpoint} --prefix ${this.prefix}`
        : kind === 'aws'
          ? `cognito-conformance cleanup --target aws --region ${region} --prefix ${this.prefix} --allow-aws`
          : undefined;
    return command === undefined
      ? ''
      : `; \`${command}\` removes them once the target lists and deletes pools`;
  }
}
