import type { FixupContext, RequestFixup } from '../request-fixup.ts';
import { copyRequest, isPresent, type JsonObject, stableHash } from './_internals/edit.ts';

/**
 * Fix-ups of the operations the current model adds, for what its schemas cannot say about a member's value: a
 * password the pool's policy accepts, a new user's name no other user of the pool has, an invitation not sent, an
 * attribute the pool has, a provider's details.
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

/**
 * A new user's name: an email address, which is a valid user name whether or not the pool signs users in by email
 * (`UsernameAttributes`; with `email` there, a user name must be one). Unique in the run.
 */
export function newUsername(context: FixupContext, label: string): string {
  return `${context.uniqueName(label)}@example.com`;
}

/** SignUp: a new user name and a password the policy accepts. */
export const signUpFixup = fixup('SignUp', (request, context) => {
  request.Username = newUsername(context, 'signup');
  withPasswords(['Password'])(request, context);
});

/**
 * AdminCreateUser: a new user name, no invitation sent (so no delivery medium, which only says how to send one), a
 * temporary password the policy accepts.
 */
export const adminCreateUserFixup = fixup('AdminCreateUser', (request, context) => {
  request.Username = newUsername(context, 'user');
  request.MessageAction = 'SUPPRESS';
  delete request.DesiredDeliveryMediums;
  withPasswords([], ['TemporaryPassword'])(request, context);
});

/** AdminSetUserPassword: a password the policy accepts. */
export const adminSetUserPasswordFixup = fixup('AdminSetUserPassword', withPasswords(['Password']));

/** ChangePassword: the live user's password as the previous one, a new one the policy accepts. */
export const changePasswordFixup = fixup('ChangePassword', (request, context) => {
  if (context.password !== undefined) request.PreviousPassword = context.password;
  withPasswords(['ProposedPassword'])(request, context);
});

/**
 * The attribute the user-attribute operations write and delete: `given_name`, a standard attribute of every pool
 * (`SchemaAttributeType` of the model's standard set) that is mutable and starts no verification, unlike `email`.
 */
export const WRITTEN_ATTRIBUTE = 'given_name';

/** Sets `UserAttributes` to one standard attribute with a fresh value. */
const writeAttribute = (request: JsonObject, context: FixupContext): void => {
  request.UserAttributes = [{ Name: WRITTEN_ATTRIBUTE, Value: context.uniqueName('given') }];
};

/** Sets `UserAttributeNames` to the attribute the writes use. */
const deleteAttribute = (request: JsonObject): void => {
  request.UserAttributeNames = [WRITTEN_ATTRIBUTE];
};

/**
 * A social identity provider, for what the model leaves to the provider type: Google's `ProviderDetails` keys, and
 * its name, which for a social provider is the type's own (`IdentityProviderTypeType`).
 */
const GOOGLE_DETAILS = {
  client_id: 'cognito-conformance-client',
  client_secret: 'cognito-conformance-secret',
  authorize_scopes: 'profile email openid',
};

/**
 * AddCustomAttributes: each custom attribute a name no earlier request of the test used, since a pool refuses a name
 * it has (the model cannot say so): `ca` and the number of a unique name, which, unlike the run prefix, is the same
 * in every run of a seed. Only a name that is valid is renamed (1 to 20 characters, no spaces), so a request that
 * breaks the name's own rule keeps its break.
 */
const addCustomAttributesFixup = fixup('AddCustomAttributes', (request, context) => {
  const attributes = request.CustomAttributes;
  if (!Array.isArray(attributes)) return;
  for (const attribute of attributes) {
    if (typeof attribute !== 'object' || attribute === null) continue;
    const item = attribute as JsonObject;
    if (typeof item.Name === 'string' && /^[^\s]{1,20}$/u.test(item.Name))
      item.Name = `ca${uniqueNumber(context.uniqueName('attribute'))}`;
  }
});

/** The number a unique name ends with (`cc-1a2b-attribute-7` → `7`); the whole name's hash when it has none. */
function uniqueNumber(name: string): string {
  return /-(\d+)$/.exec(name)?.[1] ?? stableHash(name).toString(36);
}

/** The model operations' value fix-ups, by operation. */
export const USER_VALUE_FIXUPS: readonly RequestFixup[] = [
  signUpFixup,
  adminCreateUserFixup,
  adminSetUserPasswordFixup,
  changePasswordFixup,
  addCustomAttributesFixup,
  fixup('AdminUpdateUserAttributes', writeAttribute),
  fixup('UpdateUserAttributes', writeAttribute),
  fixup('AdminDeleteUserAttributes', deleteAttribute),
  fixup('DeleteUserAttributes', deleteAttribute),
  fixup('CreateIdentityProvider', (request) => {
    request.ProviderName = 'Google';
    request.ProviderType = 'Google';
    request.ProviderDetails = { ...GOOGLE_DETAILS };
    delete request.AttributeMapping;
    delete request.IdpIdentifiers;
  }),
  fixup('UpdateIdentityProvider', (request) => {
    if (isPresent(request, 'ProviderDetails')) request.ProviderDetails = { ...GOOGLE_DETAILS };
    delete request.AttributeMapping;
    delete request.IdpIdentifiers;
  }),
];
