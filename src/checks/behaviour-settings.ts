import type { BehaviourModel, BehaviourWorld, BehaviourCommand, RuleFinding } from './behaviour-model.ts';
import { judgeRule, send, succeeded } from './behaviour-model.ts';

/** The flows a client has when ExplicitAuthFlows is not given (CreateUserPoolClientRequest$ExplicitAuthFlows). */
const DEFAULT_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
const UNIT_SECONDS: Readonly<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** Seconds of a validity setting read back from Describe; undefined when absent (the default applies). */
function describedSeconds(value: unknown, unit: unknown, defaultUnit: string): number | undefined {
  if (typeof value !== 'number') return undefined;
  return value * (UNIT_SECONDS[typeof unit === 'string' ? unit : defaultUnit] ?? Number.NaN);
}

/**
 * An app client of its own, created with ExplicitAuthFlows, RefreshTokenValidity, AccessTokenValidity, ReadAttributes
 * and PreventUserExistenceErrors, then updated with ClientName only: DescribeUserPoolClient must show each of them
 * back at its default. Judged at UpdateUserPoolClient, whose documented semantics it is.
 */
export class UpdateClientNameOnly implements BehaviourCommand {
  check(): boolean {
    return true;
  }

  async run(_model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    world.steps.push(this.toString());
    const created = await send(world, 'CreateUserPoolClient', {
      UserPoolId: world.pool.id,
      ClientName: world.side.name('upd'),
      ExplicitAuthFlows: [
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ],
      RefreshTokenValidity: 10,
      AccessTokenValidity: 2,
      TokenValidityUnits: { RefreshToken: 'days', AccessToken: 'hours' },
      ReadAttributes: ['email', world.pool.requiredAttribute],
      PreventUserExistenceErrors: 'ENABLED',
    });
    const clientId = (created.exchange.body as { UserPoolClient?: { ClientId?: unknown } } | undefined)
      ?.UserPoolClient?.ClientId;
    if (!succeeded(created) || typeof clientId !== 'string') return;
    const updated = await send(world, 'UpdateUserPoolClient', {
      UserPoolId: world.pool.id,
      ClientId: clientId,
      ClientName: world.side.name('renamed'),
    });
    if (!succeeded(updated)) return;
    const described = await send(world, 'DescribeUserPoolClient', {
      UserPoolId: world.pool.id,
      ClientId: clientId,
    });
    await send(world, 'DeleteUserPoolClient', { UserPoolId: world.pool.id, ClientId: clientId });
    if (!succeeded(described)) return;
    const client = ((described.exchange.body as { UserPoolClient?: Record<string, unknown> } | undefined)
      ?.UserPoolClient ?? {}) as Record<string, unknown>;
    const units = (client['TokenValidityUnits'] ?? {}) as Record<string, unknown>;
    const found: RuleFinding[] = [];
    const at = (member: string) => `/UserPoolClient/${member}`;
    const flows = Array.isArray(client['ExplicitAuthFlows'])
      ? (client['ExplicitAuthFlows'] as unknown[])
      : [];
    const kept = flows.filter((flow) => !DEFAULT_FLOWS.includes(String(flow)));
    if (kept.length > 0)
      found.push({
        kind: 'state',
        path: at('ExplicitAuthFlows'),
        expected: `absent, or within ${DEFAULT_FLOWS.join(', ')}`,
        actual: flows,
        message: 'UpdateUserPoolClient without ExplicitAuthFlows kept flows outside the default',
      });
    const refresh = describedSeconds(client['RefreshTokenValidity'], units['RefreshToken'], 'days');
    if (refresh !== undefined && refresh !== 30 * 86_400)
      found.push({
        kind: 'state',
        path: at('RefreshTokenValidity'),
        expected: '30 days (the default)',
        actual: { RefreshTokenValidity: client['RefreshTokenValidity'], unit: units['RefreshToken'] ?? null },
        message: 'UpdateUserPoolClient without RefreshTokenValidity kept the old validity',
      });
    const access = describedSeconds(client['AccessTokenValidity'], units['AccessToken'], 'hours');
    if (access !== undefined && access !== 3600)
      found.push({
        kind: 'state',
        path: at('AccessTokenValidity'),
        expected: 'one hour (the default)',
        actual: { AccessTokenValidity: client['AccessTokenValidity'], unit: units['AccessToken'] ?? null },
        message: 'UpdateUserPoolClient without AccessTokenValidity kept the old validity',
      });
    const read = client['ReadAttributes'];
    if (Array.isArray(read) && read.length > 0)
      found.push({
        kind: 'state',
        path: at('ReadAttributes'),
        expected: 'absent (the default read attributes)',
        actual: read,
        message: 'UpdateUserPoolClient without ReadAttributes kept the old ones',
      });
    const prevent = client['PreventUserExistenceErrors'];
    if (prevent !== undefined && prevent !== 'LEGACY')
      found.push({
        kind: 'state',
        path: at('PreventUserExistenceErrors'),
        expected: 'LEGACY (the default)',
        actual: prevent,
        message: 'UpdateUserPoolClient without PreventUserExistenceErrors kept the old value',
      });
    judgeRule(
      world,
      'UpdateUserPoolClient',
      'update-client-resets-omitted-settings',
      updated.exchange,
      found,
    );
  }

  toString(): string {
    return 'UpdateClientNameOnly';
  }
}

/**
 * A pool of its own with TemporaryPasswordValidityDays 3, updated with UserPoolId only: DescribeUserPool must show the
 * documented default, 7. Judged at UpdateUserPool.
 */
export class UpdatePoolIdOnly implements BehaviourCommand {
  check(): boolean {
    return true;
  }

  async run(_model: BehaviourModel, world: BehaviourWorld): Promise<void> {
    world.steps.push(this.toString());
    const created = await send(world, 'CreateUserPool', {
      PoolName: world.side.name('upd'),
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
        },
      },
    });
    const poolId = (created.exchange.body as { UserPool?: { Id?: unknown } } | undefined)?.UserPool?.Id;
    if (!succeeded(created) || typeof poolId !== 'string') return;
    world.side.adoptPool(poolId);
    try {
      const updated = await send(world, 'UpdateUserPool', { UserPoolId: poolId });
      if (!succeeded(updated)) return;
      const described = await send(world, 'DescribeUserPool', { UserPoolId: poolId });
      if (!succeeded(described)) return;
      const policy = (
        described.exchange.body as {
          UserPool?: { Policies?: { PasswordPolicy?: { TemporaryPasswordValidityDays?: unknown } } };
        }
      ).UserPool?.Policies?.PasswordPolicy;
      const days = policy?.TemporaryPasswordValidityDays;
      judgeRule(
        world,
        'UpdateUserPool',
        'update-pool-resets-omitted-settings',
        updated.exchange,
        days === undefined || days === 7
          ? []
          : [
              {
                kind: 'state',
                path: '/UserPool/Policies/PasswordPolicy/TemporaryPasswordValidityDays',
                expected: 7,
                actual: days,
                message: 'UpdateUserPool without Policies kept the old TemporaryPasswordValidityDays',
              },
            ],
      );
    } finally {
      const deleted = await send(world, 'DeleteUserPool', { UserPoolId: poolId });
      if (succeeded(deleted)) world.side.forgetPool(poolId);
    }
  }

  toString(): string {
    return 'UpdatePoolIdOnly';
  }
}
