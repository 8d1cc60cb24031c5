import { isPresent } from './_internals/edit.ts';
import { valueFixup } from './_internals/user-values.ts';

/**
 * A social identity provider, for what the model leaves to the provider type: Google's `ProviderDetails` keys, and
 * its name, which for a social provider is the type's own (`IdentityProviderTypeType`).
 */
const GOOGLE_DETAILS = {
  client_id: 'cognito-conformance-client',
  client_secret: 'cognito-conformance-secret',
  authorize_scopes: 'profile email openid',
};

/** CreateIdentityProvider: a Google provider with its details, no attribute mapping or identifiers. */
export const createIdentityProviderFixup = valueFixup('CreateIdentityProvider', (request) => {
  request.ProviderName = 'Google';
  request.ProviderType = 'Google';
  request.ProviderDetails = { ...GOOGLE_DETAILS };
  delete request.AttributeMapping;
  delete request.IdpIdentifiers;
});

/** UpdateIdentityProvider: Google's details where the request changes them, no attribute mapping or identifiers. */
export const updateIdentityProviderFixup = valueFixup('UpdateIdentityProvider', (request) => {
  if (isPresent(request, 'ProviderDetails')) request.ProviderDetails = { ...GOOGLE_DETAILS };
  delete request.AttributeMapping;
  delete request.IdpIdentifiers;
});
