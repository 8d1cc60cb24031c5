/**
 * Spaces requests evenly so a run stays under a target's request-rate quota (real Cognito throttles
 * per account). Without a rate it never waits.
 */
export class RateLimiter {
  private nextSlot = 0;

  constructor(private readonly perSecond?: number) {}

  async take(): Promise<void> {
    if (!this.perSecond || this.perSecond <= 0) return;
    const interval = 1000 / this.perSecond;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + interval;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
