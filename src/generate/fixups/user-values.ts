import type { FixupContext, RequestFixup } from '../request-fixup.ts';
import { copyRequest, isPresent, type JsonObject } from './_internals/edit.ts';

/**
 * Fix-ups of the operations the current model adds, for what its schemas cannot say about a member's value: a
 * password the pool's policy accepts, a new user's name no other user of the pool has, an invitation not sent.
 * They make the smallest valid request meaningful; they do not make every combination of optional members
 * consistent, so these operations are held to accepting their smallest valid request only (see `hasOwnFixup`).
 * Source: the model's `PasswordType` (a pool's policy decides), `AdminCreateUserRequest$MessageAction`.
 */

/** A password Cognito's default policy accepts (upper, lower, digit, symbol, 8 or more), unique in the run. */
export function policyPassword(context: FixupContext): string {
  return `Aa1!${context.uniqueName('pw')}`;
}

/** Sets each named member, present or not, to a fresh password. */
function withPasswords(members: readonly string[], onlyPresent: readonly string[] = []) {
  return (request: JsonObject, context: FixupContext): void => {
    for (const member of members) request[member] = policyPassword(context);
    for (const member of onlyPresent)
      if (isPresent(request, member)) request[member] = policyPassword(context);
  };
}

function fixup(operation: string, edit: (request: JsonObject, context: FixupContext) => void): RequestFixup {
  return {
    operation,
    apply(input, context) {
      const request = copyRequest(input);
      edit(request, context);
      return request;
    },
  };
}

/** SignUp: a new user name and a password the policy accepts. */
export const signUpFixup = fixup('SignUp', (request, context) => {
  request.Username = context.uniqueName('signup');
  withPasswords(['Password'])(request, context);
});

/** AdminCreateUser: a new user name, no invitation sent, a temporary password the policy accepts. */
export const adminCreateUserFixup = fixup('AdminCreateUser', (request, context) => {
  request.Username = context.uniqueName('user');
  request.MessageAction = 'SUPPRESS';
  withPasswords([], ['TemporaryPassword'])(request, context);
});

/** AdminSetUserPassword: a password the policy accepts. */
export const adminSetUserPasswordFixup = fixup('AdminSetUserPassword', withPasswords(['Password']));

/** ChangePassword: the live user's password as the previous one, a new one the policy accepts. */
export const changePasswordFixup = fixup('ChangePassword', (request, context) => {
  if (context.password !== undefined) request.PreviousPassword = context.password;
  withPasswords(['ProposedPassword'])(request, context);
});

/** The model operations' value fix-ups, by operation. */
export const USER_VALUE_FIXUPS: readonly RequestFixup[] = [
  signUpFixup,
  adminCreateUserFixup,
  adminSetUserPasswordFixup,
  changePasswordFixup,
];
