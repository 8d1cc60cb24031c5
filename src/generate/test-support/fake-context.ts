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
    uniqueName: (prefix: string) => `ccf-run1-${prefix}-${counter++}`,
    ...overrides,
  };
}
