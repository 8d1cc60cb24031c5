import { adminInitiateAuthFixup } from './fixups/admin-initiate-auth.ts';
import { createUserPoolClientFixup } from './fixups/create-user-pool-client.ts';
import { createUserPoolFixup } from './fixups/create-user-pool.ts';
import { describeUserPoolClientFixup } from './fixups/describe-user-pool-client.ts';
import { describeUserPoolFixup } from './fixups/describe-user-pool.ts';
import { getSigningCertificateFixup } from './fixups/get-signing-certificate.ts';
import { initiateAuthFixup } from './fixups/initiate-auth.ts';
import { listUserPoolsFixup } from './fixups/list-user-pools.ts';
import { updateUserPoolClientFixup } from './fixups/update-user-pool-client.ts';
import { updateUserPoolFixup } from './fixups/update-user-pool.ts';
import type { RequestFixup } from './request-fixup.ts';

/** One fix-up per operation of this release; an operation without one is sent as generated. */
export const REQUEST_FIXUPS: readonly RequestFixup[] = [
  getSigningCertificateFixup,
  adminInitiateAuthFixup,
  createUserPoolFixup,
  createUserPoolClientFixup,
  describeUserPoolFixup,
  describeUserPoolClientFixup,
  initiateAuthFixup,
  listUserPoolsFixup,
  updateUserPoolFixup,
  updateUserPoolClientFixup,
];

const byOperation = new Map(REQUEST_FIXUPS.map((fixup) => [fixup.operation, fixup]));

/** The operation's fix-up, or `undefined` when generated requests need none. */
export function fixupFor(operation: string): RequestFixup | undefined {
  return byOperation.get(operation);
}
