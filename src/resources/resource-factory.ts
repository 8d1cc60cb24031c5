import { randomBytes } from 'node:crypto';
import type { CallResult, WireClient } from '../wire/index.ts';
import { SetupError } from './setup-error.ts';

export interface PoolResource {
  readonly id: string;
  readonly name: string;
}

/** A live app client: its pool, id and (when generated) secret. */
export interface AppClientResource {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
}

/** A live, confirmed user with a permanent password. */
export interface UserResource {
  readonly userPoolId: string;
  readonly username: string;
  readonly password: string;
}

/** Auth flows the set-up app client enables, so the auth checks can exercise each of them. */
export const SETUP_AUTH_FLOWS = ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const;

/**
 * Creates the pools, app clients and users that checks need, named with the run's prefix, and deletes
 * every pool it created or adopted when `cleanup` runs (the fixture calls it after each test, failed or
 * not). Deleting a pool deletes its clients and users with it.
 */
export class ResourceFactory {
  private readonly pools: string[] = [];
  /** Deletions of what the set-up made inside pools (a domain, say), newest last; run before the pools go. */
  private readonly undo: { readonly what: string; readonly run: () => Promise<CallResult> }[] = [];
  private counter = 0;

  constructor(
    private readonly wire: WireClient,
    readonly prefix: string,
  ) {}

  /** A name unique within the run, carrying the prefix. */
  uniqueName(label: string): string {
    this.counter += 1;
    return `${this.prefix}${label}-${this.counter}`;
  }

  async pool(overrides: Record<string, unknown> = {}): Promise<PoolResource> {
    const name = this.uniqueName('pool');
    const result = await this.require('CreateUserPool', { PoolName: name, ...overrides });
    const id = (result.output?.['UserPool'] as { Id?: string } | undefined)?.Id;
    if (!id) throw new SetupError('CreateUserPool', result.exchange);
    this.pools.push(id);
    return { id, name };
  }

  async appClient(userPoolId: string, overrides: Record<string, unknown> = {}): Promise<AppClientResource> {
    const result = await this.require('CreateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientName: this.uniqueName('client'),
      ExplicitAuthFlows: [...SETUP_AUTH_FLOWS],
      ...overrides,
    });
    const client = result.output?.['UserPoolClient'] as
      { ClientId?: string; ClientSecret?: string } | undefined;
    if (!client?.ClientId) throw new SetupError('CreateUserPoolClient', result.exchange);
    return {
      userPoolId,
      clientId: client.ClientId,
      ...(client.ClientSecret ? { clientSecret: client.ClientSecret } : {}),
    };
  }

  /** A confirmed user with a permanent password, ready to sign in. */
  async user(userPoolId: string): Promise<UserResource> {
    const username = `${this.uniqueName('user')}@example.com`;
    const password = strongPassword();
    await this.require('AdminCreateUser', {
      UserPoolId: userPoolId,
      Username: username,
      TemporaryPassword: strongPassword(),
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: username }],
    });
    await this.require('AdminSetUserPassword', {
      UserPoolId: userPoolId,
      Username: username,
      Password: password,
      Permanent: true,
    });
    return { userPoolId, username, password };
  }

  /**
   * Registers the deletion of something the set-up made (`what`, for the failure message): run, newest first, before
   * any pool is deleted, since a pool may refuse to go while it holds it (a domain). A deletion answered with
   * `ResourceNotFoundException` counts as done (the operation under test may have deleted it).
   */
  onCleanup(what: string, run: () => Promise<CallResult>): void {
    this.undo.push({ what, run });
  }

  /** Registers a pool created by a check itself (CreateUserPool under test) so it is deleted too. */
  adoptPool(id: string): void {
    if (!this.pools.includes(id)) this.pools.push(id);
  }

  /** Forgets a pool a check deleted itself. */
  forgetPool(id: string): void {
    const index = this.pools.indexOf(id);
    if (index >= 0) this.pools.splice(index, 1);
  }

  get ownedPools(): readonly string[] {
    return this.pools;
  }

  /** Deletes everything created, newest first; keeps going past failures and reports them together. */
  async cleanup(): Promise<void> {
    const failures = await this.release();
    if (failures.length > 0)
      throw new Error(`ResourceFactory.cleanup: could not delete ${failures.join('; ')}`);
  }

  /**
   * Deletes everything created, newest first, like {@link cleanup}, but returns what could not be deleted instead
   * of throwing: one `<pool id> (<what the target answered>)` per pool left behind, none when all went. A target
   * that refuses to delete is a finding of the run, not a failure of the test that made the pool.
   */
  async release(): Promise<string[]> {
    const failures: string[] = [];
    while (this.undo.length > 0) {
      const { what, run } = this.undo.pop() as (typeof this.undo)[number];
      const result = await run();
      // The operation under test may have removed it already: any not-found answer (a user's is UserNotFoundException).
      const gone =
        result.exchange.status === 200 || result.error?.name.endsWith('NotFoundException') === true;
      if (!gone) failures.push(`${what} (${answerOf(result)})`);
    }
    while (this.pools.length > 0) {
      const id = this.pools.pop() as string;
      const result = await this.wire.send('DeleteUserPool', { UserPoolId: id });
      const gone = result.exchange.status === 200 || result.error?.name === 'ResourceNotFoundException';
      if (!gone) failures.push(`${id} (${answerOf(result)})`);
    }
    return failures;
  }

  private async require(operation: string, input: object): Promise<CallResult> {
    const result = await this.wire.send(operation, input);
    if (result.error || result.exchange.status !== 200) throw new SetupError(operation, result.exchange);
    return result;
  }
}

/** What a target answered a deletion, in a few words. */
function answerOf(result: CallResult): string {
  const { transportError, status } = result.exchange;
  return transportError !== undefined
    ? `no answer: ${transportError}`
    : `HTTP ${status}${result.error ? `, ${result.error.name}` : ''}`;
}

/** Meets Cognito's default password policy (upper, lower, digit, symbol, length ≥ 8). */
export function strongPassword(): string {
  return `Aa1!${randomBytes(9).toString('base64url')}`;
}
