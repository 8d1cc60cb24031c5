import type { Finding } from '../deviations/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { checkRefusal } from './negative.ts';

/** A sign-in the target must refuse: why, where in the request, and the error types that may say so. */
export interface Refusal {
  /** In our words, e.g. `wrong password`. */
  readonly rule: string;
  /** JSON pointer into the request (the member that makes it invalid). */
  readonly path: string;
  readonly allowed: readonly string[];
}

/** The sign-in must be refused as any invalid request must (see `checkRefusal`). */
export function checkRefused(exchange: Exchange, refusal: Refusal): Finding[] {
  return checkRefusal(exchange, {
    path: refusal.path,
    allowed: refusal.allowed,
    subject: `sign-in with ${refusal.rule}`,
  });
}
