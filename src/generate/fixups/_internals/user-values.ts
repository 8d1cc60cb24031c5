import type { FixupContext, RequestFixup } from '../../request-fixup.ts';
import { copyRequest, isPresent, type JsonObject } from './edit.ts';

/**
 * What the value fix-ups of the operations the current model adds share. They make the smallest valid request
 * meaningful, for what the model's schemas cannot say about a member's value; they do not make every combination of
 * optional members consistent, so these operations are held to accepting their smallest valid request only (see
 * `hasOwnFixup`).
 */

/** A password Cognito's default policy accepts (upper, lower, digit, symbol, 8 or more), unique in the run. */
export function policyPassword(context: FixupContext): string {
  return `Aa1!${context.uniqueName('pw')}`;
}

/** Sets each of `members` to a fresh password, present or not, and each of `onlyPresent` where it is present. */
export function setPasswords(
  request: JsonObject,
  context: FixupContext,
  members: readonly string[],
  onlyPresent: readonly string[] = [],
): void {
  for (const member of members) request[member] = policyPassword(context);
  for (const member of onlyPresent) if (isPresent(request, member)) request[member] = policyPassword(context);
}

/**
 * A new user's name: an email address, which is a valid user name whether or not the pool signs users in by email
 * (`UsernameAttributes`; with `email` there, a user name must be one). Unique in the run.
 */
export function newUsername(context: FixupContext, label: string): string {
  return `${context.uniqueName(label)}@example.com`;
}

/**
 * The attribute the user-attribute operations write and delete: `given_name`, a standard attribute of every pool
 * (the model's standard set) that is mutable and starts no verification, unlike `email`.
 */
export const WRITTEN_ATTRIBUTE = 'given_name';

/** A fix-up of `operation` that edits a copy of the request. */
export function valueFixup(
  operation: string,
  edit: (request: JsonObject, context: FixupContext) => void,
): RequestFixup {
  return {
    operation,
    apply(input, context) {
      const request = copyRequest(input);
      edit(request, context);
      return request;
    },
  };
}
