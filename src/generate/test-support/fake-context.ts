import type { FixupContext } from '../request-fixup.ts';

/** Live-looking resources for fix-up tests; ids satisfy the model patterns. */
export function fakeContext(overrides: Partial<FixupContext> = {}): FixupContext {
  let counter = 0;
  return {
    userPoolId: 'eu-west-2_AbC123xyZ',
    clientId: 'abc123def456',
    clientSecret: 's3cr3t',
    username: 'alice',
    password: 'Passw0rd!',
    refreshToken: 'refresh-token-1',
    identifiers: {
      AccessToken: 'access.token-1',
      CredentialId: 'credential-1',
      DeviceKey: 'eu-west-2_0a1b2c3d-4e5f',
      Domain: 'ccf-run1-domain',
      EventId: 'event-1',
      GroupName: 'ccf-run1-group',
      Identifier: 'https://ccf-run1.example.com',
      IdpIdentifier: 'idp-1',
      JobId: 'import-AbC123xyZ0',
      ManagedLoginBrandingId: '0a1b2c3d-4e5f-4a1b-8c2d-0a1b2c3d4e5f',
      ProviderName: 'ccf-run1-idp',
      ResourceArn: 'arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_AbC123xyZ',
      Session: 'session-0123456789-abcdef',
    },
    uniqueName: (prefix: string) => `ccf-run1-${prefix}-${counter++}`,
    ...overrides,
  };
}
