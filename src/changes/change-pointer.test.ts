import { describe, expect, it } from 'vitest';
import { schemaAt, valueAt, withMember } from './change-pointer.ts';

describe('change pointers', () => {
  it('reads values, missing steps giving undefined', () => {
    const body = { UserPools: [{ Id: 'p1', LambdaConfig: { UserMigration: 'arn' } }] };
    expect(valueAt(body, '/UserPools/0/LambdaConfig/UserMigration')).toBe('arn');
    expect(valueAt(body, '/UserPools/1/LambdaConfig')).toBeUndefined();
    expect(valueAt(undefined, '/x')).toBeUndefined();
  });

  it('places a member, creating objects on the way, without touching the original', () => {
    const base = { PoolName: 'p', LambdaConfig: { PreSignUp: 'a' } };
    expect(withMember(base, '/LambdaConfig/UserMigration', 'b')).toEqual({
      PoolName: 'p',
      LambdaConfig: { PreSignUp: 'a', UserMigration: 'b' },
    });
    expect(withMember({}, '/A/B', 1)).toEqual({ A: { B: 1 } });
    expect(base.LambdaConfig).toEqual({ PreSignUp: 'a' });
  });

  it('finds schema nodes through properties and array items', () => {
    const schema = {
      type: 'object',
      properties: { L: { type: 'array', items: { type: 'object', properties: { M: { type: 'string' } } } } },
    };
    expect(schemaAt(schema, '/L/*/M')).toEqual({ type: 'string' });
    expect(schemaAt(schema, '/L/*/N')).toBeUndefined();
  });
});
