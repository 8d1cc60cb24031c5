import { describe, expect, it } from 'vitest';
import { conformingDescribeUserPool, recordedExchange } from '../../test/support/recorded-exchange.ts';
import { loadOperationSpecs, specFor, SpecValidators } from '../spec/index.ts';
import { checkResponseSchema } from './response-schema.ts';
import { checkWireFormat } from './wire-format.ts';

const specs = loadOperationSpecs();
const validators = new SpecValidators(specs);
const describeSpec = specFor(specs, 'DescribeUserPool');

function withPool(change: (pool: Record<string, unknown>) => void): Record<string, unknown> {
  const body = conformingDescribeUserPool();
  change(body['UserPool'] as Record<string, unknown>);
  return body;
}

describe('checkResponseSchema', () => {
  it('reports nothing for a conforming response', () => {
    // Arrange
    const exchange = recordedExchange({ operation: 'DescribeUserPool', body: conformingDescribeUserPool() });
    // Act
    const findings = [
      ...checkResponseSchema(validators, exchange),
      ...checkWireFormat(describeSpec.response, exchange),
    ];
    // Assert
    expect(findings).toEqual([]);
  });

  type Breaker = (pool: Record<string, unknown>) => void;
  const passwordPolicy = (pool: Record<string, unknown>) =>
    (pool['Policies'] as { PasswordPolicy: Record<string, unknown> }).PasswordPolicy;
  it.each<[string, Breaker, string, string, string]>([
    [
      'a wrong type',
      (pool) => (pool['EstimatedNumberOfUsers'] = '0'),
      'wrong-type',
      '/UserPool/EstimatedNumberOfUsers',
      'error',
    ],
    [
      'a boolean sent as a string',
      (pool) => (passwordPolicy(pool)['RequireUppercase'] = 'true'),
      'wrong-type',
      '/UserPool/Policies/PasswordPolicy/RequireUppercase',
      'error',
    ],
    [
      'a value outside the enum',
      (pool) => (pool['Status'] = 'Active'),
      'enum-value',
      '/UserPool/Status',
      'error',
    ],
    [
      // One cause, one finding: moto 5.0.1 sends Status null, which the suite used to report twice
      // (enum-value and wrong-type); null is how it sends an absent member, a difference on the wire.
      'null where an enum string belongs, once, as a wire-format difference',
      (pool) => (pool['Status'] = null),
      'wire-format',
      '/UserPool/Status',
      'warning',
    ],
    [
      'an unexpected member',
      (pool) => (pool['Shiny'] = true),
      'unexpected-member',
      '/UserPool/Shiny',
      'info',
    ],
    [
      'a value outside its constraint',
      (pool) => (passwordPolicy(pool)['MinimumLength'] = 3),
      'constraint',
      '/UserPool/Policies/PasswordPolicy/MinimumLength',
      'info',
    ],
  ])('reports %s with its kind and path', (_label, breakRule, kind, path, severity) => {
    const exchange = recordedExchange({ operation: 'DescribeUserPool', body: withPool(breakRule) });

    const findings = checkResponseSchema(validators, exchange);

    expect(findings).toEqual([expect.objectContaining({ kind, path, severity })]);
  });

  it('leaves a timestamp sent as a string to the wire-format check, which reports it once', () => {
    const exchange = recordedExchange({
      operation: 'DescribeUserPool',
      body: withPool((pool) => (pool['CreationDate'] = '2024-01-01T00:00:00Z')),
    });

    const schemaFindings = checkResponseSchema(validators, exchange);
    const wireFindings = checkWireFormat(describeSpec.response, exchange);

    expect(schemaFindings).toEqual([]);
    expect(wireFindings).toEqual([
      expect.objectContaining({
        kind: 'wire-format',
        path: '/UserPool/CreationDate',
        actual: '2024-01-01T00:00:00Z',
      }),
    ]);
  });

  it('finds timestamps inside list items', () => {
    const listSpec = specFor(specs, 'ListUserPools');
    const body = {
      UserPools: [
        { Id: 'us-east-1_a1', CreationDate: 1 },
        { Id: 'us-east-1_b2', LastModifiedDate: '1' },
      ],
    };

    const findings = checkWireFormat(
      listSpec.response,
      recordedExchange({ operation: 'ListUserPools', body }),
    );

    expect(findings).toEqual([
      expect.objectContaining({ kind: 'wire-format', path: '/UserPools/1/LastModifiedDate' }),
    ]);
  });

  it('notes a member neither the spec nor the current reference knows, and not one the reference added since', () => {
    // The 2018 page has no AccountRecoverySetting; the current reference defines it, so a target that sends it
    // is up to date. PoolName is in neither (moto 5.0.1 sends it).
    const body = withPool((pool) => {
      pool['AccountRecoverySetting'] = { RecoveryMechanisms: [] };
      pool['PoolName'] = 'x';
    });
    const exchange = recordedExchange({ operation: 'DescribeUserPool', body });
    expect(describeSpec.laterResponseMembers).toContain('/UserPool/AccountRecoverySetting');

    const findings = checkResponseSchema(validators, exchange, describeSpec.laterResponseMembers);

    expect(findings).toEqual([
      expect.objectContaining({ kind: 'unexpected-member', path: '/UserPool/PoolName', severity: 'info' }),
    ]);
  });

  it('ignores error responses', () => {
    const exchange = recordedExchange({
      operation: 'DescribeUserPool',
      status: 400,
      body: { __type: 'ResourceNotFoundException', message: 'x' },
    });
    expect(checkResponseSchema(validators, exchange)).toEqual([]);
  });
});
