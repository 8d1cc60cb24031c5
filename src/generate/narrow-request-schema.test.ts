import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../specs/format/index.ts';
import { narrowedRequestSchema } from './narrow-request-schema.ts';
import { HAND_WRITTEN_SPECS } from './test-support/hand-written-specs.ts';

function spec(operation: string): OperationSpec {
  const found = HAND_WRITTEN_SPECS.find((candidate) => candidate.operation === operation);
  if (found === undefined) throw new Error(`hand-written ${operation} missing`);
  return found;
}

describe('narrowedRequestSchema', () => {
  it('removes narrowed-out enum values and reports them by template, leaving the spec untouched', () => {
    const initiateAuth = spec('InitiateAuth');
    const { schema, narrowedOut } = narrowedRequestSchema(initiateAuth);
    const properties = schema.properties as Record<string, { enum: string[] }>;
    expect(properties.AuthFlow?.enum).not.toContain('ADMIN_NO_SRP_AUTH');
    expect(properties.AuthFlow?.enum).toContain('USER_PASSWORD_AUTH');
    expect(narrowedOut).toEqual(new Map([['/AuthFlow', ['ADMIN_NO_SRP_AUTH']]]));
    expect(JSON.stringify(initiateAuth.request)).toContain('ADMIN_NO_SRP_AUTH');
  });

  it('follows array items and leaves specs without narrowings as they are', () => {
    const createUserPool = spec('CreateUserPool');
    expect(narrowedRequestSchema(createUserPool).schema).toBe(createUserPool.request);
    const narrowed = narrowedRequestSchema({
      ...createUserPool,
      narrowings: [{ direction: 'request', path: '/AliasAttributes/*', excluded: ['email'], reason: 'test' }],
    });
    expect(JSON.stringify((narrowed.schema.properties as Record<string, unknown>).AliasAttributes)).toBe(
      JSON.stringify({
        type: 'array',
        items: { type: 'string', enum: ['phone_number', 'preferred_username'] },
      }),
    );
  });
});
