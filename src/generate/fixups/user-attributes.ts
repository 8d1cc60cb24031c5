import type { FixupContext } from '../request-fixup.ts';
import type { JsonObject } from './_internals/edit.ts';
import { valueFixup, WRITTEN_ATTRIBUTE } from './_internals/user-values.ts';

/** Sets `UserAttributes` to one standard attribute with a fresh value. */
const writeAttribute = (request: JsonObject, context: FixupContext): void => {
  request.UserAttributes = [{ Name: WRITTEN_ATTRIBUTE, Value: context.uniqueName('given') }];
};

/** Sets `UserAttributeNames` to the attribute the writes use. */
const deleteAttribute = (request: JsonObject): void => {
  request.UserAttributeNames = [WRITTEN_ATTRIBUTE];
};

/** AdminUpdateUserAttributes: an attribute every pool has (`given_name`), with a fresh value. */
export const adminUpdateUserAttributesFixup = valueFixup('AdminUpdateUserAttributes', writeAttribute);

/** UpdateUserAttributes: as AdminUpdateUserAttributes, for the signed-in user. */
export const updateUserAttributesFixup = valueFixup('UpdateUserAttributes', writeAttribute);

/** AdminDeleteUserAttributes: the attribute the writes use. */
export const adminDeleteUserAttributesFixup = valueFixup('AdminDeleteUserAttributes', deleteAttribute);

/** DeleteUserAttributes: as AdminDeleteUserAttributes, for the signed-in user. */
export const deleteUserAttributesFixup = valueFixup('DeleteUserAttributes', deleteAttribute);
