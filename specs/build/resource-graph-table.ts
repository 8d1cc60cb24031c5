import type { FamilyRole, OutOfBandChannel } from '../format/index.ts';

/**
 * The resource graph's explicit table: the facts about identifiers that the model's names cannot give. Everything
 * else is derived (resource-graph.ts). Each row says, in `why`, what the names leave out; the build rejects a row
 * that naming already gives, one that names an operation, member or pointer the model lacks, and a required
 * request member that looks like an identifier and that neither naming nor this table accounts for.
 */

/** Where an explicit creator's new identifier is: a graph `IdLocation` without the sources the build adds. */
export type ExplicitIdLocation =
  | { readonly in: 'response' | 'request'; readonly pointer: string }
  | { readonly in: 'read'; readonly operation: string; readonly pointer: string };

/** A creator the names do not reveal. Its needs are its operation's identifiers, derived like any other's. */
export interface ExplicitCreator {
  readonly operation: string;
  readonly id: ExplicitIdLocation;
  readonly why?: string;
}

/** A kind no `Create<X>`/`Delete<X>` pair names. */
export interface ExplicitKind {
  readonly kind: string;
  readonly why: string;
  /** Top-level request member names that carry it (resolved by name, like a derived kind's). */
  readonly members: readonly string[];
  readonly creators: readonly ExplicitCreator[];
  /** The operation that removes it; its input is derived from the operation's identifiers. */
  readonly deleter?: string;
}

/** An operation's identifier that naming misses (`kind`), or whose need or use naming gets wrong. */
export interface ExplicitIdentifier {
  readonly operation: string;
  readonly pointer: string;
  /** Set for a pointer naming does not resolve; absent to adjust a derived identifier. */
  readonly kind?: string;
  readonly need?: 'needed';
  readonly why: string;
}

/** A round-trip role whose operation is not `<Verb><X>`. */
export interface ExplicitFamilyRole {
  readonly family: string;
  readonly role: FamilyRole;
  readonly operation: string;
  readonly why: string;
}

/** A required request member that reads as an identifier (by name or shape) but is a value the caller picks. */
export interface ExplicitValue {
  readonly operation: string;
  readonly member: string;
  readonly why: string;
}

/** An out-of-band value an operation's request (or a step before the call) needs. */
export interface ExplicitOutOfBandInput {
  readonly operation: string;
  readonly pointer?: string;
  readonly value: string;
  readonly after?: readonly { readonly operation: string; readonly pointer?: string }[];
}

/** The password sign-in every token kind comes from: its request names the user in AuthParameters. */
const SIGN_IN = 'AdminInitiateAuth';

export const EXPLICIT_KINDS: readonly ExplicitKind[] = [
  {
    kind: 'AccessToken',
    why: 'Tokens come from sign-in operations, whose names do not say they create anything.',
    members: ['AccessToken'],
    creators: [
      { operation: SIGN_IN, id: { in: 'response', pointer: '/AuthenticationResult/AccessToken' } },
      { operation: 'InitiateAuth', id: { in: 'response', pointer: '/AuthenticationResult/AccessToken' } },
    ],
  },
  {
    kind: 'RefreshToken',
    why: 'A sign-in yields it and RevokeToken takes it back, under the member name Token.',
    members: [],
    creators: [{ operation: SIGN_IN, id: { in: 'response', pointer: '/AuthenticationResult/RefreshToken' } }],
    deleter: 'RevokeToken',
  },
  {
    kind: 'Session',
    why: 'A sign-in that answers with a challenge yields it; no operation is named after it.',
    members: ['Session'],
    creators: [
      { operation: SIGN_IN, id: { in: 'response', pointer: '/Session' } },
      { operation: 'InitiateAuth', id: { in: 'response', pointer: '/Session' } },
    ],
  },
  {
    kind: 'DeviceKey',
    why: 'A sign-in in a pool that remembers devices yields it; devices are forgotten, not deleted.',
    members: ['DeviceKey'],
    creators: [
      {
        operation: SIGN_IN,
        id: { in: 'response', pointer: '/AuthenticationResult/NewDeviceMetadata/DeviceKey' },
      },
    ],
    deleter: 'AdminForgetDevice',
  },
  {
    kind: 'ResourceArn',
    why: 'The member is named for what it is (an ARN), not for the user pool, the one resource that takes tags.',
    members: ['ResourceArn'],
    creators: [{ operation: 'DescribeUserPool', id: { in: 'response', pointer: '/UserPool/Arn' } }],
  },
  {
    kind: 'EventId',
    why: 'A sign-in with threat protection records an event; only the event listing returns its id.',
    members: ['EventId'],
    creators: [
      {
        operation: SIGN_IN,
        id: { in: 'read', operation: 'AdminListUserAuthEvents', pointer: '/AuthEvents/0/EventId' },
      },
    ],
  },
  {
    kind: 'CredentialId',
    why: 'A passkey is registered by CompleteWebAuthnRegistration, which returns nothing; the listing has its id.',
    members: ['CredentialId'],
    creators: [
      {
        operation: 'CompleteWebAuthnRegistration',
        id: { in: 'read', operation: 'ListWebAuthnCredentials', pointer: '/Credentials/0/CredentialId' },
      },
    ],
    deleter: 'DeleteWebAuthnCredential',
  },
  {
    kind: 'IdpIdentifier',
    why: 'It is one item of the IdpIdentifiers list of an identity provider, set by the caller; no member has its name.',
    members: ['IdpIdentifier'],
    creators: [{ operation: 'UpdateIdentityProvider', id: { in: 'request', pointer: '/IdpIdentifiers/0' } }],
  },
];

/** Creators of derived kinds that are not the family's `Create<X>`. */
export const EXPLICIT_CREATORS: readonly { readonly kind: string; readonly creator: ExplicitCreator }[] = [
  {
    kind: 'Username',
    creator: {
      operation: 'SignUp',
      id: { in: 'request', pointer: '/Username' },
      why: 'Self-service sign-up makes a user too; its name does not follow Create<X>.',
    },
  },
];

export const EXPLICIT_FAMILY_ROLES: readonly ExplicitFamilyRole[] = [
  {
    family: 'User',
    role: 'update',
    operation: 'AdminUpdateUserAttributes',
    why: 'No operation is named AdminUpdateUser; a user is changed through its attributes.',
  },
];

export const EXPLICIT_IDENTIFIERS: readonly ExplicitIdentifier[] = [
  ...['AdminInitiateAuth', 'InitiateAuth'].map((operation) => ({
    operation,
    pointer: '/AuthParameters/USERNAME',
    kind: 'Username',
    need: 'needed' as const,
    why: 'AuthParameters is a string map; the user a password sign-in is for is under the key USERNAME.',
  })),
  ...['AdminRespondToAuthChallenge', 'RespondToAuthChallenge'].flatMap((operation) => [
    {
      operation,
      pointer: '/ChallengeResponses/USERNAME',
      kind: 'Username',
      need: 'needed' as const,
      why: 'ChallengeResponses is a string map; the user who answers is under the key USERNAME.',
    },
    {
      operation,
      pointer: '/Session',
      need: 'needed' as const,
      why: 'A challenge answer continues the sign-in that asked it, which its session names.',
    },
  ]),
  {
    operation: 'RevokeToken',
    pointer: '/Token',
    kind: 'RefreshToken',
    why: 'The member is named Token; only a refresh token can be revoked.',
  },
  ...['AssociateSoftwareToken', 'VerifySoftwareToken'].map((operation) => ({
    operation,
    pointer: '/AccessToken',
    need: 'needed' as const,
    why: 'The user is named by an access token or by a session, so the model requires neither; a walk uses the token.',
  })),
  ...['GetDevice', 'ForgetDevice'].map((operation) => ({
    operation,
    pointer: '/AccessToken',
    need: 'needed' as const,
    why: 'The call is sent unsigned, so only the access token says whose device it is.',
  })),
  ...['/UserPoolId', '/ManagedLoginBrandingId'].map((pointer) => ({
    operation: 'UpdateManagedLoginBranding',
    pointer,
    need: 'needed' as const,
    why: 'Every member of the request is optional in the model, yet these two name the branding to change.',
  })),
  {
    operation: 'AdminLinkProviderForUser',
    pointer: '/DestinationUser/ProviderAttributeValue',
    kind: 'Username',
    need: 'needed',
    why: 'The destination is a Cognito user (provider name Cognito), named in a generic provider-user structure.',
  },
  ...[
    ['AdminLinkProviderForUser', '/SourceUser/ProviderName'],
    ['AdminDisableProviderForUser', '/User/ProviderName'],
  ].map(([operation, pointer]) => ({
    operation: operation!,
    pointer: pointer!,
    kind: 'ProviderName',
    need: 'needed' as const,
    why: 'The federated user belongs to an identity provider of the pool, named in a structure of optional members.',
  })),
];

/** None in the current reference: every required member that reads as an identifier is one, or is out-of-band. */
export const EXPLICIT_VALUES: readonly ExplicitValue[] = [];

/** The values no operation returns, with the channel they come through. */
export const OUT_OF_BAND_VALUES: Readonly<
  Record<string, { readonly channel: OutOfBandChannel; readonly why: string }>
> = {
  EmailOrSmsCode: {
    channel: 'email-or-sms',
    why: 'Cognito sends the code to the address or phone number of the user; no response contains it.',
  },
  EmailedFeedbackToken: {
    channel: 'email',
    why: 'The token is in the links of the email threat protection sends after a risky sign-in.',
  },
  AuthenticatorAppCode: {
    channel: 'authenticator-app',
    why: 'An authenticator computes it from the shared secret and the clock (TOTP); a test can play the app.',
  },
  WebAuthnAuthenticatorResponse: {
    channel: 'webauthn-authenticator',
    why: 'A passkey authenticator signs the registration options; the API only passes them through.',
  },
  UserImportCsv: {
    channel: 'pre-signed-url',
    why: 'The users to import are a CSV file uploaded over HTTPS to the job URL, outside the API.',
  },
  IamRoleArn: {
    channel: 'other-aws-service',
    why: 'An IAM role, made in IAM, that lets Cognito write the logs of the import job.',
  },
  LogDestinationArn: {
    channel: 'other-aws-service',
    why: 'A CloudWatch Logs group (or S3 bucket, or Firehose stream) made in that service.',
  },
  ExternalProviderUser: {
    channel: 'external-identity-provider',
    why: 'The id of the user at the third-party identity provider, which only that provider knows.',
  },
};

export const OUT_OF_BAND_INPUTS: readonly ExplicitOutOfBandInput[] = [
  {
    operation: 'ConfirmSignUp',
    pointer: '/ConfirmationCode',
    value: 'EmailOrSmsCode',
    after: [
      { operation: 'SignUp', pointer: '/CodeDeliveryDetails' },
      { operation: 'ResendConfirmationCode', pointer: '/CodeDeliveryDetails' },
    ],
  },
  {
    operation: 'ConfirmForgotPassword',
    pointer: '/ConfirmationCode',
    value: 'EmailOrSmsCode',
    after: [{ operation: 'ForgotPassword', pointer: '/CodeDeliveryDetails' }],
  },
  {
    operation: 'VerifyUserAttribute',
    pointer: '/Code',
    value: 'EmailOrSmsCode',
    after: [{ operation: 'GetUserAttributeVerificationCode', pointer: '/CodeDeliveryDetails' }],
  },
  {
    operation: 'VerifySoftwareToken',
    pointer: '/UserCode',
    value: 'AuthenticatorAppCode',
    after: [{ operation: 'AssociateSoftwareToken', pointer: '/SecretCode' }],
  },
  {
    operation: 'CompleteWebAuthnRegistration',
    pointer: '/Credential',
    value: 'WebAuthnAuthenticatorResponse',
    after: [{ operation: 'StartWebAuthnRegistration', pointer: '/CredentialCreationOptions' }],
  },
  {
    operation: 'UpdateAuthEventFeedback',
    pointer: '/FeedbackToken',
    value: 'EmailedFeedbackToken',
  },
  {
    operation: 'CreateUserImportJob',
    pointer: '/CloudWatchLogsRoleArn',
    value: 'IamRoleArn',
  },
  {
    operation: 'StartUserImportJob',
    value: 'UserImportCsv',
    after: [{ operation: 'CreateUserImportJob', pointer: '/UserImportJob/PreSignedUrl' }],
  },
  {
    operation: 'SetLogDeliveryConfiguration',
    pointer: '/LogConfigurations/0/CloudWatchLogsConfiguration/LogGroupArn',
    value: 'LogDestinationArn',
  },
  {
    operation: 'AdminLinkProviderForUser',
    pointer: '/SourceUser/ProviderAttributeValue',
    value: 'ExternalProviderUser',
  },
  {
    operation: 'AdminDisableProviderForUser',
    pointer: '/User/ProviderAttributeValue',
    value: 'ExternalProviderUser',
  },
];

/** Every part of the explicit table, as the graph build takes it (a test may pass a table of its own). */
export interface ResourceGraphTable {
  readonly kinds: readonly ExplicitKind[];
  readonly creators: readonly { readonly kind: string; readonly creator: ExplicitCreator }[];
  readonly familyRoles: readonly ExplicitFamilyRole[];
  readonly identifiers: readonly ExplicitIdentifier[];
  readonly values: readonly ExplicitValue[];
  readonly outOfBandValues: Readonly<
    Record<string, { readonly channel: OutOfBandChannel; readonly why: string }>
  >;
  readonly outOfBandInputs: readonly ExplicitOutOfBandInput[];
}

/** The table `npm run specs` builds the committed graph with. */
export const RESOURCE_GRAPH_TABLE: ResourceGraphTable = {
  kinds: EXPLICIT_KINDS,
  creators: EXPLICIT_CREATORS,
  familyRoles: EXPLICIT_FAMILY_ROLES,
  identifiers: EXPLICIT_IDENTIFIERS,
  values: EXPLICIT_VALUES,
  outOfBandValues: OUT_OF_BAND_VALUES,
  outOfBandInputs: OUT_OF_BAND_INPUTS,
};
