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
import { identifierFixup } from './identifier-fixup.ts';
import { addCustomAttributesFixup } from './fixups/add-custom-attributes.ts';
import { adminCreateUserFixup } from './fixups/admin-create-user.ts';
import { adminSetUserPasswordFixup } from './fixups/admin-set-user-password.ts';
import { changePasswordFixup } from './fixups/change-password.ts';
import { createIdentityProviderFixup, updateIdentityProviderFixup } from './fixups/identity-provider.ts';
import { signUpFixup } from './fixups/sign-up.ts';
import {
  adminDeleteUserAttributesFixup,
  adminUpdateUserAttributesFixup,
  deleteUserAttributesFixup,
  updateUserAttributesFixup,
} from './fixups/user-attributes.ts';
import type { FixupContext, RequestFixup } from './request-fixup.ts';

/**
 * The operations whose requests need more than live identifiers: one fix-up each, for what the model cannot say
 * (settings consistent with each other, well-formed ARNs and URLs). {@link fixupFor} adds the identifiers.
 */
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

/**
 * The value fix-ups of operations the current model adds: what the model cannot say about one member's value (a
 * password the pool's policy accepts, an email-form user name, the attribute the attribute operations write, a
 * provider's details, unique custom attribute names). Unlike {@link REQUEST_FIXUPS} they do not make every
 * generated request meaningful, so only the smallest valid request must be accepted (see {@link hasOwnFixup}).
 */
export const VALUE_FIXUPS: readonly RequestFixup[] = [
  addCustomAttributesFixup,
  adminCreateUserFixup,
  adminDeleteUserAttributesFixup,
  adminSetUserPasswordFixup,
  adminUpdateUserAttributesFixup,
  changePasswordFixup,
  createIdentityProviderFixup,
  deleteUserAttributesFixup,
  signUpFixup,
  updateIdentityProviderFixup,
  updateUserAttributesFixup,
];

const byOperation = new Map(REQUEST_FIXUPS.map((fixup) => [fixup.operation, fixup]));
const valuesByOperation = new Map(VALUE_FIXUPS.map((fixup) => [fixup.operation, fixup]));
const composed = new Map<string, RequestFixup | undefined>();

/**
 * The operation's fix-up: the live identifiers the resource graph names ({@link identifierFixup}), then the
 * operation's own fix-up from {@link REQUEST_FIXUPS} (or its value fix-up, {@link VALUE_FIXUPS}) where it has one. `undefined` for an operation neither knows.
 */
export function fixupFor(operation: string): RequestFixup | undefined {
  if (composed.has(operation)) return composed.get(operation);
  const identifiers = identifierFixup(operation);
  const own = byOperation.get(operation) ?? valuesByOperation.get(operation);
  const fixup =
    identifiers === undefined || own === undefined
      ? (own ?? identifiers)
      : {
          operation,
          apply: (request: Readonly<Record<string, unknown>>, context: FixupContext) =>
            own.apply(identifiers.apply(request, context), context),
        };
  composed.set(operation, fixup);
  return fixup;
}

/**
 * Whether the operation has a fix-up of its own ({@link REQUEST_FIXUPS}), which makes every generated request
 * meaningful. Without one, only its smallest valid request (required members and live identifiers) is one the
 * target must accept: the model cannot say which optional members are consistent with each other.
 */
export function hasOwnFixup(operation: string): boolean {
  return byOperation.has(operation);
}
