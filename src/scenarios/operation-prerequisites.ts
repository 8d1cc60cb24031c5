import type { FixupContext } from '../generate/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import type { ResourceFactory } from '../resources/index.ts';
import type { WireClient } from '../wire/index.ts';

/** Live resources a generated request may refer to: the part of the fix-ups' context the set-up provides. */
export type LiveResources = Pick<
  FixupContext,
  'userPoolId' | 'clientId' | 'clientSecret' | 'username' | 'password' | 'refreshToken'
>;

/**
 * What an operation needs before it can be called validly, read off its request schema rather than
 * listed per operation: a `UserPoolId` member needs a pool, `ClientId` an app client, `AuthParameters`
 * a user with a permanent password (and a refresh token, for the refresh flows).
 */
export function prerequisitesOf(spec: OperationSpec): { pool: boolean; appClient: boolean; user: boolean } {
  const members = Object.keys((spec.request['properties'] ?? {}) as Record<string, unknown>);
  const appClient = members.includes('ClientId');
  const user = members.includes('AuthParameters');
  return { pool: members.includes('UserPoolId') || appClient || user, appClient: appClient || user, user };
}

/** Creates the prerequisites of `spec` (throws `SetupError` when the target refuses one). */
export async function createPrerequisites(
  spec: OperationSpec,
  resources: Pick<ResourceFactory, 'pool' | 'appClient' | 'user'>,
  wire: Pick<WireClient, 'send'>,
): Promise<LiveResources> {
  const needs = prerequisitesOf(spec);
  if (!needs.pool) return {};
  const pool = await resources.pool();
  if (!needs.appClient) return { userPoolId: pool.id };
  const client = await resources.appClient(pool.id);
  if (!needs.user) return { userPoolId: pool.id, clientId: client.clientId };
  const user = await resources.user(pool.id);
  const refreshToken = await signInForRefreshToken(
    wire,
    pool.id,
    client.clientId,
    user.username,
    user.password,
  );
  return {
    userPoolId: pool.id,
    clientId: client.clientId,
    username: user.username,
    password: user.password,
    ...(refreshToken ? { refreshToken } : {}),
  };
}

async function signInForRefreshToken(
  wire: Pick<WireClient, 'send'>,
  userPoolId: string,
  clientId: string,
  username: string,
  password: string,
): Promise<string | undefined> {
  // Either flow yields a refresh token; a target may implement only one of them.
  const attempts = [
    () =>
      wire.send('AdminInitiateAuth', {
        UserPoolId: userPoolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_NO_SRP_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    () =>
      wire.send('InitiateAuth', {
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
  ];
  for (const attempt of attempts) {
    const result = await attempt();
    const token = (result.output?.['AuthenticationResult'] as { RefreshToken?: unknown } | undefined)
      ?.RefreshToken;
    if (typeof token === 'string') return token;
  }
  return undefined;
}

/** The pool id in a response that created one (`UserPool.Id`), so the run can delete it later. */
export function createdPoolId(body: unknown): string | undefined {
  const id = (body as { UserPool?: { Id?: unknown } } | undefined)?.UserPool?.Id;
  return typeof id === 'string' ? id : undefined;
}
