/**
 * The error an unknown identifier of each kind gets, by the kind of the resource graph. A user name only for the
 * operations that name the pool too (`Admin…`): the others answer as the app client's `PreventUserExistenceErrors`
 * decides. A domain is left out: DescribeUserPoolDomain answers an unknown one with an empty description.
 */
export const NOT_FOUND_ERRORS: Readonly<Record<string, string>> = {
  UserPoolId: 'ResourceNotFoundException',
  ClientId: 'ResourceNotFoundException',
  GroupName: 'ResourceNotFoundException',
  ProviderName: 'ResourceNotFoundException',
  Identifier: 'ResourceNotFoundException',
  JobId: 'ResourceNotFoundException',
  ManagedLoginBrandingId: 'ResourceNotFoundException',
  Username: 'UserNotFoundException',
  AccessToken: 'NotAuthorizedException',
};
