import type { JsonSchema, OperationSpec } from '../../../specs/format/index.ts';

/**
 * Request schemas written by hand in the spec files' conventions, with constraints as the AWS model
 * declares them. The generators' tests run against these always, and against `specs/operations/*.json`
 * once those are generated, so the generators never depend on one particular build of the specs.
 */

const LETTERS = String.raw`\p{L}\p{M}\p{S}\p{N}\p{P}`;

const userPoolId: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 55,
  pattern: String.raw`[\w-]+_[0-9a-zA-Z]+`,
};
const clientId: JsonSchema = { type: 'string', minLength: 1, maxLength: 128, pattern: String.raw`[\w+]+` };
const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 128, pattern: String.raw`[\w\s+=,.@-]+` };
const arn: JsonSchema = {
  type: 'string',
  minLength: 20,
  maxLength: 2048,
  pattern: String.raw`arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?`,
};
const smsMessage: JsonSchema = {
  type: 'string',
  minLength: 6,
  maxLength: 140,
  pattern: String.raw`.*\{####\}.*`,
};
const emailMessage: JsonSchema = {
  type: 'string',
  minLength: 6,
  maxLength: 20000,
  pattern: String.raw`[${LETTERS}\s*]*\{####\}[${LETTERS}\s*]*`,
};
const emailSubject: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 140,
  pattern: String.raw`[${LETTERS}\s]+`,
};
const emailByLink: JsonSchema = {
  type: 'string',
  minLength: 6,
  maxLength: 20000,
  pattern: String.raw`[${LETTERS}\s*]*\{##[${LETTERS}\s*]*##\}[${LETTERS}\s*]*`,
};
const email: JsonSchema = { type: 'string', pattern: String.raw`[${LETTERS}]+@[${LETTERS}]+` };
const plain: JsonSchema = { type: 'string' };
const bool: JsonSchema = { type: 'boolean' };
const stringMap: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

function structure(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

function enumOf(...values: string[]): JsonSchema {
  return { type: 'string', enum: values };
}

const lambdaConfig = structure(
  Object.fromEntries(
    [
      'PreSignUp',
      'CustomMessage',
      'PostConfirmation',
      'PreAuthentication',
      'PostAuthentication',
      'DefineAuthChallenge',
      'CreateAuthChallenge',
      'VerifyAuthChallengeResponse',
      'PreTokenGeneration',
      'UserMigration',
    ].map((trigger) => [trigger, arn]),
  ),
);

const poolSettings: Record<string, JsonSchema> = {
  Policies: structure({
    PasswordPolicy: structure({
      MinimumLength: { type: 'integer', minimum: 6, maximum: 99 },
      RequireUppercase: bool,
      RequireLowercase: bool,
      RequireNumbers: bool,
      RequireSymbols: bool,
    }),
  }),
  LambdaConfig: lambdaConfig,
  AutoVerifiedAttributes: { type: 'array', items: enumOf('phone_number', 'email') },
  SmsVerificationMessage: smsMessage,
  EmailVerificationMessage: emailMessage,
  EmailVerificationSubject: emailSubject,
  VerificationMessageTemplate: structure({
    SmsMessage: smsMessage,
    EmailMessage: emailMessage,
    EmailSubject: emailSubject,
    EmailMessageByLink: emailByLink,
    EmailSubjectByLink: emailSubject,
    DefaultEmailOption: enumOf('CONFIRM_WITH_LINK', 'CONFIRM_WITH_CODE'),
  }),
  SmsAuthenticationMessage: smsMessage,
  MfaConfiguration: enumOf('OFF', 'ON', 'OPTIONAL'),
  DeviceConfiguration: structure({
    ChallengeRequiredOnNewDevice: bool,
    DeviceOnlyRememberedOnUserPrompt: bool,
  }),
  EmailConfiguration: structure({ SourceArn: arn, ReplyToEmailAddress: email }),
  SmsConfiguration: structure({ SnsCallerArn: arn, ExternalId: plain }, ['SnsCallerArn']),
  UserPoolTags: {
    type: 'object',
    additionalProperties: {
      type: 'string',
      minLength: 0,
      maxLength: 256,
      pattern: String.raw`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`,
    },
    propertyNames: {
      type: 'string',
      minLength: 1,
      maxLength: 128,
      pattern: String.raw`^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`,
    },
  },
  AdminCreateUserConfig: structure({
    AllowAdminCreateUserOnly: bool,
    UnusedAccountValidityDays: { type: 'integer', minimum: 0, maximum: 365 },
    InviteMessageTemplate: structure({
      SMSMessage: smsMessage,
      EmailMessage: emailMessage,
      EmailSubject: emailSubject,
    }),
  }),
  UserPoolAddOns: structure({ AdvancedSecurityMode: enumOf('OFF', 'AUDIT', 'ENFORCED') }, [
    'AdvancedSecurityMode',
  ]),
};

const schemaAttribute = structure({
  Name: { type: 'string', minLength: 1, maxLength: 20, pattern: String.raw`[${LETTERS}]+` },
  AttributeDataType: enumOf('String', 'Number', 'DateTime', 'Boolean'),
  DeveloperOnlyAttribute: bool,
  Mutable: bool,
  Required: bool,
  NumberAttributeConstraints: structure({ MinValue: plain, MaxValue: plain }),
  StringAttributeConstraints: structure({ MinLength: plain, MaxLength: plain }),
});

const clientSettings: Record<string, JsonSchema> = {
  RefreshTokenValidity: { type: 'integer', minimum: 0, maximum: 3650 },
  ReadAttributes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 2048 } },
  WriteAttributes: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 2048 } },
  ExplicitAuthFlows: {
    type: 'array',
    items: enumOf('ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'),
  },
  SupportedIdentityProviders: {
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 32, pattern: String.raw`[${LETTERS}]+` },
  },
  CallbackURLs: {
    type: 'array',
    minItems: 0,
    maxItems: 100,
    items: { type: 'string', minLength: 1, maxLength: 1024, pattern: String.raw`[${LETTERS}]+` },
  },
  LogoutURLs: {
    type: 'array',
    minItems: 0,
    maxItems: 100,
    items: { type: 'string', minLength: 1, maxLength: 1024, pattern: String.raw`[${LETTERS}]+` },
  },
  DefaultRedirectURI: { type: 'string', minLength: 1, maxLength: 1024, pattern: String.raw`[${LETTERS}]+` },
  AllowedOAuthFlows: {
    type: 'array',
    minItems: 0,
    maxItems: 3,
    items: enumOf('code', 'implicit', 'client_credentials'),
  },
  AllowedOAuthScopes: {
    type: 'array',
    maxItems: 50,
    items: { type: 'string', minLength: 1, maxLength: 256, pattern: String.raw`[\x21\x23-\x5B\x5D-\x7E]+` },
  },
  AllowedOAuthFlowsUserPoolClient: bool,
  AnalyticsConfiguration: structure(
    {
      ApplicationId: { type: 'string', pattern: '^[0-9a-fA-F]+$' },
      RoleArn: arn,
      ExternalId: plain,
      UserDataShared: bool,
    },
    ['ApplicationId', 'RoleArn', 'ExternalId'],
  ),
};

const authFlow = enumOf(
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
);
const analyticsMetadata = structure({ AnalyticsEndpointId: plain });

const requests: Record<string, JsonSchema> = {
  GetSigningCertificate: structure({ UserPoolId: userPoolId }, ['UserPoolId']),
  AdminInitiateAuth: structure(
    {
      UserPoolId: userPoolId,
      ClientId: clientId,
      AuthFlow: authFlow,
      AuthParameters: stringMap,
      ClientMetadata: stringMap,
      AnalyticsMetadata: analyticsMetadata,
      ContextData: structure(
        {
          IpAddress: plain,
          ServerName: plain,
          ServerPath: plain,
          HttpHeaders: { type: 'array', items: structure({ headerName: plain, headerValue: plain }) },
          EncodedData: plain,
        },
        ['IpAddress', 'ServerName', 'ServerPath', 'HttpHeaders'],
      ),
    },
    ['UserPoolId', 'ClientId', 'AuthFlow'],
  ),
  CreateUserPool: structure(
    {
      PoolName: name,
      ...poolSettings,
      AliasAttributes: { type: 'array', items: enumOf('phone_number', 'email', 'preferred_username') },
      UsernameAttributes: { type: 'array', items: enumOf('phone_number', 'email') },
      Schema: { type: 'array', minItems: 1, maxItems: 50, items: schemaAttribute },
    },
    ['PoolName'],
  ),
  CreateUserPoolClient: structure(
    { UserPoolId: userPoolId, ClientName: name, GenerateSecret: bool, ...clientSettings },
    ['UserPoolId', 'ClientName'],
  ),
  DescribeUserPool: structure({ UserPoolId: userPoolId }, ['UserPoolId']),
  DescribeUserPoolClient: structure({ UserPoolId: userPoolId, ClientId: clientId }, [
    'UserPoolId',
    'ClientId',
  ]),
  InitiateAuth: structure(
    {
      AuthFlow: authFlow,
      AuthParameters: stringMap,
      ClientMetadata: stringMap,
      ClientId: clientId,
      AnalyticsMetadata: analyticsMetadata,
      UserContextData: structure({ EncodedData: plain }),
    },
    ['AuthFlow', 'ClientId'],
  ),
  ListUserPools: structure(
    {
      NextToken: { type: 'string', minLength: 1, pattern: String.raw`[\S]+` },
      MaxResults: { type: 'integer', minimum: 1, maximum: 60 },
    },
    ['MaxResults'],
  ),
  UpdateUserPool: structure({ UserPoolId: userPoolId, ...poolSettings }, ['UserPoolId']),
  UpdateUserPoolClient: structure(
    { UserPoolId: userPoolId, ClientId: clientId, ClientName: name, ...clientSettings },
    ['UserPoolId', 'ClientId'],
  ),
};

/** The ten operations as minimal specs (request side only; responses accept anything). */
export const HAND_WRITTEN_SPECS: readonly OperationSpec[] = Object.entries(requests).map(
  ([operation, request]) => ({
    specVersion: 1,
    operation,
    target: `AWSCognitoIdentityProviderService.${operation}`,
    status: 'updated',
    source: { document: 'hand-written', section: operation, line: 0 },
    request,
    response: { type: 'object' },
    changes: [],
    laterResponseMembers: [],
    responseEnums: {},
    laterOptionalMembers: [],
    laterConstraints: [],
    narrowings:
      operation === 'InitiateAuth'
        ? [
            {
              direction: 'request',
              path: '/AuthFlow',
              excluded: ['ADMIN_NO_SRP_AUTH'],
              reason: 'admin-only flow',
            },
          ]
        : [],
    errors: [],
    drift: {
      model: 'hand-written',
      members: [],
      required: [],
      constraints: [],
      enumValues: [],
      errors: [],
    },
  }),
);

/** The hand-written spec of `operation`; throws when there is none. */
export function handWritten(operation: string): OperationSpec {
  const spec = HAND_WRITTEN_SPECS.find((candidate) => candidate.operation === operation);
  if (spec === undefined) throw new Error(`hand-written ${operation} missing`);
  return spec;
}
