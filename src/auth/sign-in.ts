import type { WireClient } from '../wire/index.ts';

/** Tokens a set-up sign-in obtained; only what later steps need. */
export interface SetupTokens {
  readonly idToken?: string;
  readonly refreshToken?: string;
}

/**
 * Signs a user in as set-up for another check (a refresh, a certificate to compare with), trying each
 * password flow the 2018 API offers in turn, since a target may implement only one of them. These
 * exchanges are not judged; the auth check judges the flows themselves. Returns the first result that
 * carries the token `want`ed, or undefined when no flow gave one.
 */
export async function signInForSetup(
  wire: Pick<WireClient, 'send'>,
  ids: { readonly userPoolId: string; readonly clientId: string },
  user: { readonly username: string; readonly password: string },
  want: keyof SetupTokens,
): Promise<SetupTokens | undefined> {
  const parameters = { USERNAME: user.username, PASSWORD: user.password };
  const attempts = [
    () =>
      wire.send('AdminInitiateAuth', {
        UserPoolId: ids.userPoolId,
        ClientId: ids.clientId,
        AuthFlow: 'ADMIN_NO_SRP_AUTH',
        AuthParameters: parameters,
      }),
    () =>
      wire.send('InitiateAuth', {
        ClientId: ids.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: parameters,
      }),
  ];
  for (const attempt of attempts) {
    const result = (await attempt()).output?.['AuthenticationResult'] as
      { IdToken?: unknown; RefreshToken?: unknown } | undefined;
    const tokens: SetupTokens = {
      ...(typeof result?.IdToken === 'string' ? { idToken: result.IdToken } : {}),
      ...(typeof result?.RefreshToken === 'string' ? { refreshToken: result.RefreshToken } : {}),
    };
    if (tokens[want] !== undefined) return tokens;
  }
  return undefined;
}
