import { describe, expect, it } from 'vitest';
import { aDeviation } from '../../test/support/report-fixture.ts';
import { lastPointerSegment, normaliseDeviation, normaliseValue, Normaliser } from './normalise.ts';
import { UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from './unknown-ids.ts';

const JWT = 'eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';

describe('Normaliser.string', () => {
  it('numbers pool ids and keeps identity', () => {
    const n = new Normaliser();
    expect(n.string('us-east-1_AbC123 vs eu-west-2_Zz9 vs us-east-1_AbC123')).toBe(
      '<pool-id:1> vs <pool-id:2> vs <pool-id:1>',
    );
    expect(n.string('local_5GhT8mQ2')).toBe('<pool-id:3>');
  });

  it('finds client ids by the member the specs call an identifier, whatever their length', () => {
    const n = new Normaliser();
    // cognito-local's app client ids have 25 characters, Cognito's 26: neither is found by its shape.
    n.learn({ ClientId: '5jnkq1x0ohsq2zbq8wpl9h3kd' });
    expect(n.string('client 5jnkq1x0ohsq2zbq8wpl9h3kd not found')).toBe('client <client-id:1> not found');
    expect(n.value({ ClientId: '1example23456789abcdefghij' })).toEqual({ ClientId: '<client-id:2>' });
    expect(n.string('abcdefghijklmnopqrstuvwxyz')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(n.string('1example23456789abcdefghijk')).toBe('1example23456789abcdefghijk');
  });

  it('takes identifiers and timestamps from the specs it is given', () => {
    const n = new Normaliser({
      identifiers: new Map([['JobId', 'job-id']]),
      timestamps: new Set(['StartDate']),
    });
    expect(n.value({ JobId: 'import-abcdefgh', StartDate: 1714557600, ClientId: 'x', Count: 3 })).toEqual({
      JobId: '<job-id:1>',
      StartDate: '<timestamp:1>',
      ClientId: 'x',
      Count: 3,
    });
  });

  it('tokenises UUIDs, ISO dates and JWTs', () => {
    const n = new Normaliser();
    expect(n.string('sub 0f8fad5b-d9cb-469f-a165-70867728950e at 2024-05-01T10:00:00.123Z')).toBe(
      'sub <uuid:1> at <date:1>',
    );
    expect(n.string(`Bearer ${JWT}`)).toBe('Bearer <jwt:1>');
    expect(n.string('again 0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('again <uuid:2>');
  });

  it('tokenises request ids by context before they are taken for UUIDs', () => {
    const n = new Normaliser();
    expect(n.string('RequestId: 7c4e1a2b-0000-4000-8000-000000000001')).toBe('RequestId: <request-id:1>');
    expect(n.string('x-amzn-requestid=abc123def456')).toBe('x-amzn-requestid=<request-id:2>');
    expect(n.string('request id mismatched')).toBe('request id mismatched');
  });
});

describe('Normaliser.value', () => {
  it('replaces epoch seconds only under timestamp members', () => {
    const out = normaliseValue({
      UserPool: {
        CreationDate: 1714557600,
        LastModifiedDate: 1714557600,
        MfaConfiguration: 'OFF',
        MinimumLength: 8,
      },
    });
    expect(out).toEqual({
      UserPool: {
        CreationDate: '<timestamp:1>',
        LastModifiedDate: '<timestamp:1>',
        MfaConfiguration: 'OFF',
        MinimumLength: 8,
      },
    });
  });

  it('replaces request-id members whatever their format', () => {
    expect(normaliseValue({ 'x-amzn-requestid': 'abc', RequestId: 'def', other: 'abc' })).toEqual({
      'x-amzn-requestid': '<request-id:1>',
      RequestId: '<request-id:2>',
      other: 'abc',
    });
  });

  it('walks arrays and leaves non-volatile values alone', () => {
    expect(normaliseValue([1, true, null, 'plain', ['us-east-1_X1']])).toEqual([
      1,
      true,
      null,
      'plain',
      ['<pool-id:1>'],
    ]);
  });

  it('copies __proto__ members as data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": "us-east-1_A"}}') as unknown;
    const out = normaliseValue(input) as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: '<pool-id:1>' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('normaliseDeviation', () => {
  it('makes the same finding from two runs compare equal', () => {
    const run = (pool: string, client: string, ts: number) =>
      aDeviation({
        path: '/UserPoolClient/CreationDate',
        expected: 'a number',
        actual: ts,
        message: `client ${client} of ${pool}`,
        request: { UserPoolId: pool, ClientId: client },
        reproduce: { seed: 7, command: `replay --pool ${pool}` },
      });
    const a = normaliseDeviation(run('us-east-1_AAA111', 'aaaaaaaaaaaaaaaaaaaaaaaaa1', 1714557600));
    const b = normaliseDeviation(run('us-east-1_BBB222', 'bbbbbbbbbbbbbbbbbbbbbbbbb2', 1714600000));
    expect(a).toEqual(b);
    expect(a.actual).toBe('<timestamp:1>');
    expect(a.reproduce).toEqual({ seed: 7, command: 'replay --pool <pool-id:1>' });
  });

  it('leaves error names and deliberately broken ids readable under an identifier path', () => {
    // A fresh-user review found allowed error names turned into <pool-id:N> tokens, and the very value that
    // broke UserPoolId's pattern hidden, because expected and actual were learnt as identifiers.
    const normaliser = new Normaliser();
    const broken = normaliseDeviation(
      aDeviation({
        path: '/UserPoolId',
        expected: ['InvalidParameterException', 'ResourceNotFoundException'],
        actual: 200,
        request: { UserPoolId: 'not an id!' },
      }),
      normaliser,
    );
    const next = normaliseDeviation(
      aDeviation({ path: '/$status', actual: '400 InvalidParameterException', request: {} }),
      normaliser,
    );
    expect(broken.expected).toEqual(['InvalidParameterException', 'ResourceNotFoundException']);
    expect(broken.request).toEqual({ UserPoolId: 'not an id!' });
    expect(next.actual).toBe('400 InvalidParameterException');
  });

  it('leaves an id that matches the pattern but breaks maxLength readable: it is the value that broke the rule', () => {
    const tooLong = `us-east-1_${'a'.repeat(60)}`;
    const normalised = normaliseDeviation(
      aDeviation({ path: '/UserPoolId/$maxLength', request: { UserPoolId: tooLong } }),
      new Normaliser(),
    );
    expect(normalised.request).toEqual({ UserPoolId: tooLong });
  });

  it("keeps the suite's own unknown ids as they are, and numbers the real ids beside them", () => {
    // The error-shape check sends one made-up id beside real ones: the report must say which one named nothing.
    const unknownPool = normaliseDeviation(
      aDeviation({
        check: 'error-shape',
        kind: 'wrong-error',
        path: '/$status',
        message: `pool ${UNKNOWN_USER_POOL_ID} answered 200`,
        request: { UserPoolId: UNKNOWN_USER_POOL_ID, ClientId: '5jnkq1x0ohsq2zbq8wpl9h3kd' },
        reproduce: {
          command: `aws cognito-idp admin-initiate-auth --cli-input-json '{"UserPoolId":"${UNKNOWN_USER_POOL_ID}"}'`,
        },
      }),
      new Normaliser(),
    );
    expect(unknownPool.request).toEqual({ UserPoolId: UNKNOWN_USER_POOL_ID, ClientId: '<client-id:1>' });
    expect(unknownPool.message).toBe(`pool ${UNKNOWN_USER_POOL_ID} answered 200`);
    expect(unknownPool.reproduce.command).toContain(`"UserPoolId":"${UNKNOWN_USER_POOL_ID}"`);
    const unknownClient = normaliseDeviation(
      aDeviation({
        path: '/$status',
        message: `client ${UNKNOWN_CLIENT_ID} of us-east-1_AbC123`,
        request: { UserPoolId: 'us-east-1_AbC123', ClientId: UNKNOWN_CLIENT_ID },
      }),
      new Normaliser(),
    );
    expect(unknownClient.request).toEqual({ UserPoolId: '<pool-id:1>', ClientId: UNKNOWN_CLIENT_ID });
    expect(unknownClient.message).toBe(`client ${UNKNOWN_CLIENT_ID} of <pool-id:1>`);
    // Anywhere in text too, and it takes no number from the ids that are volatile.
    const n = new Normaliser();
    expect(n.string(`${UNKNOWN_USER_POOL_ID} vs us-east-1_AbC123`)).toBe(
      `${UNKNOWN_USER_POOL_ID} vs <pool-id:1>`,
    );
  });

  it('keeps "a different id came back" visible', () => {
    const d = normaliseDeviation(
      aDeviation({ path: '/UserPool/Id', expected: 'us-east-1_AAA', actual: 'us-east-1_BBB' }),
    );
    expect([d.expected, d.actual]).toEqual(['<pool-id:1>', '<pool-id:2>']);
  });
});

describe('lastPointerSegment', () => {
  it('unescapes and handles the root', () => {
    expect(lastPointerSegment('')).toBeUndefined();
    expect(lastPointerSegment('/a/b~1c~0d')).toBe('b/c~d');
  });
});
