import type { WireClient } from './wire-client.ts';

/**
 * The one thing multi-call checks (round-trip, stateful) need from the wire: send a request through the
 * SDK and get the captured exchange back. Unit tests implement it with an in-memory fake target.
 */
export type Sender = Pick<WireClient, 'send'>;
