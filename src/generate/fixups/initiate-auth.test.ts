import { describe, expect, it } from 'vitest';
import { fakeContext } from '../test-support/fake-context.ts';
import { adminInitiateAuthFixup } from './admin-initiate-auth.ts';
import { initiateAuthFixup } from './initiate-auth.ts';

/** base64(HMAC-SHA256("s3cr3t", "alice" + "abc123def456")), computed independently (Python hmac). */
const EXPECTED_SECRET_HASH = '9LAhAV/fMoqg15++hgda9qDHx+YICW0Nt3i9PMQYMSU=';

describe('auth fix-ups', () => {
  it('sends USERNAME/PASSWORD and SECRET_HASH for the password flows', () => {
    for (const AuthFlow of ['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']) {
      const request = adminInitiateAuthFixup.apply(
        { UserPoolId: 'x_1', ClientId: 'generated', AuthFlow, AuthParameters: { junk: 'x' } },
        fakeContext(),
      );
      expect(request).toEqual({
        UserPoolId: 'eu-west-2_AbC123xyZ',
        ClientId: 'abc123def456',
        AuthFlow,
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!', SECRET_HASH: EXPECTED_SECRET_HASH },
      });
    }
  });

  it('sends the refresh token for the refresh flows, without SECRET_HASH for a client without secret', () => {
    for (const AuthFlow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']) {
      const request = initiateAuthFixup.apply(
        { ClientId: 'c', AuthFlow },
        fakeContext({ clientSecret: undefined }),
      );
      expect(request.AuthParameters).toEqual({ REFRESH_TOKEN: 'refresh-token-1' });
    }
  });

  it('sends a well-formed SRP_A for USER_SRP_AUTH', () => {
    const request = initiateAuthFixup.apply({ ClientId: 'c', AuthFlow: 'USER_SRP_AUTH' }, fakeContext());
    const parameters = request.AuthParameters as Record<string, string>;
    expect(parameters.USERNAME).toBe('alice');
    expect(parameters.SRP_A).toMatch(/^1[0-9a-f]{767}$/u);
    expect(parameters.SECRET_HASH).toBe(EXPECTED_SECRET_HASH);
  });

  it('turns ADMIN_NO_SRP_AUTH, not valid for InitiateAuth, into USER_PASSWORD_AUTH', () => {
    const request = initiateAuthFixup.apply({ ClientId: 'c', AuthFlow: 'ADMIN_NO_SRP_AUTH' }, fakeContext());
    expect(request.AuthFlow).toBe('USER_PASSWORD_AUTH');
    expect(request.AuthParameters).toMatchObject({ USERNAME: 'alice', PASSWORD: 'Passw0rd!' });
  });

  it('uses documentation values for context data the service may parse', () => {
    const request = adminInitiateAuthFixup.apply(
      {
        UserPoolId: 'x_1',
        ClientId: 'c',
        AuthFlow: 'CUSTOM_AUTH',
        ContextData: { IpAddress: '?', ServerName: '?', ServerPath: '?', HttpHeaders: [] },
      },
      fakeContext(),
    );
    expect(request.ContextData).toEqual({
      IpAddress: '192.0.2.1',
      ServerName: 'example.com',
      ServerPath: '/login',
      HttpHeaders: [],
    });
  });
});
