import { describe, expect, it } from 'vitest';
import { UsageError } from './exit-codes.ts';
import { targetFromFlags } from './target-options.ts';

describe('targetFromFlags', () => {
  it('takes the flags first, and each flag not given from its environment variable', () => {
    const env = {
      COGNITO_CONFORMANCE_TARGET: 'endpoint',
      COGNITO_CONFORMANCE_ENDPOINT: 'http://127.0.0.1:9339',
      COGNITO_CONFORMANCE_REGION: 'eu-west-1',
    };
    expect(targetFromFlags('run', {}, env)).toMatchObject({
      kind: 'endpoint',
      endpoint: 'http://127.0.0.1:9339',
      region: 'eu-west-1',
    });
    expect(targetFromFlags('run', { endpoint: 'http://127.0.0.1:1' }, env)).toMatchObject({
      kind: 'endpoint',
      endpoint: 'http://127.0.0.1:1',
    });
    expect(targetFromFlags('run', {}, {})).toMatchObject({ kind: 'embedded' });
  });

  it('refuses what is not a target as a usage error naming the command', () => {
    expect(() => targetFromFlags('reproduce', {}, { COGNITO_CONFORMANCE_TARGET: 'foo' })).toThrow(UsageError);
    expect(() => targetFromFlags('reproduce', { target: 'foo' }, {})).toThrow(/^reproduce: /);
  });

  it('refuses real AWS without the opt-in, as the AWS target would, before anything starts', () => {
    const refusal = new UsageError(
      'sdk-diff: aws target: refusing to run against real AWS without an explicit opt-in. ' +
        'Pass --allow-aws (or set COGNITO_CONFORMANCE_ALLOW_AWS=1).',
    );
    expect(() => targetFromFlags('sdk-diff', { target: 'aws' }, {})).toThrow(refusal);
    expect(() => targetFromFlags('sdk-diff', {}, { COGNITO_CONFORMANCE_TARGET: 'aws' })).toThrow(refusal);
    expect(() =>
      targetFromFlags('sdk-diff', { target: 'aws' }, { COGNITO_CONFORMANCE_ALLOW_AWS: 'yes' }),
    ).toThrow(refusal);
    expect(() => targetFromFlags('run', { target: 'aws' }, {})).toThrow(/^run: aws target: refusing/);
    expect(targetFromFlags('run', { target: 'aws', 'allow-aws': true }, {})).toMatchObject({
      kind: 'aws',
      allowAws: true,
    });
    expect(
      targetFromFlags('run', { target: 'aws', region: 'eu-west-1' }, { COGNITO_CONFORMANCE_ALLOW_AWS: '1' }),
    ).toMatchObject({ kind: 'aws', region: 'eu-west-1', allowAws: true });
  });
});
