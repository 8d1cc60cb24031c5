import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import { checkNotFound } from './error-shape.ts';
import { checkRejected } from './negative.ts';
import { checkAccepted } from './positive.ts';

const spec = specFor(loadOperationSpecs(), 'ListUserPools');
const broken = { rule: 'above-maximum', path: '/MaxResults' };

describe('checkRejected', () => {
  it('accepts a 400 with an allowed error type', () => {
    const exchange = recordedExchange({
      operation: 'ListUserPools',
      status: 400,
      body: { __type: 'InvalidParameterException', message: 'too many' },
    });
    expect(checkRejected(spec, exchange, broken)).toEqual([]);
  });

  it('accepts a namespaced __type', () => {
    const exchange = recordedExchange({
      operation: 'ListUserPools',
      status: 400,
      body: { __type: 'com.amazonaws.cognito#InvalidParameterException', message: 'x' },
    });
    expect(checkRejected(spec, exchange, broken)).toEqual([]);
  });

  it('reports an accepted invalid request at the broken member of the request', () => {
    const exchange = recordedExchange({ operation: 'ListUserPools', status: 200, body: { UserPools: [] } });
    expect(checkRejected(spec, exchange, broken)).toEqual([
      expect.objectContaining({ kind: 'accepted-invalid', path: '/MaxResults', severity: 'error' }),
    ]);
  });

  it('reports an accepted invalid request at the rule when the rule path is known, whatever member broke it', () => {
    const exchange = recordedExchange({ operation: 'ListUserPools', status: 200, body: { UserPools: [] } });
    const atRule = (path: string, rulePath: string) =>
      checkRejected(spec, exchange, { rule: 'above-maximum', path, rulePath }).map((finding) => finding.path);
    expect(atRule('/MaxResults', '/MaxResults/$maximum')).toEqual(['/MaxResults/$maximum']);
    expect(atRule('/Tags/abc', '/Tags/*/$type')).toEqual(atRule('/Tags/xyz', '/Tags/*/$type'));
  });

  it('reports a 5xx as the wrong error', () => {
    const exchange = recordedExchange({
      operation: 'ListUserPools',
      status: 500,
      body: { __type: 'InternalErrorException', message: 'x' },
    });
    expect(checkRejected(spec, exchange, broken)).toEqual([
      expect.objectContaining({ kind: 'wrong-error', path: '/$status' }),
    ]);
  });

  it('reports an error type the spec does not allow', () => {
    const exchange = recordedExchange({
      operation: 'ListUserPools',
      status: 400,
      body: { __type: 'UserNotFoundException', message: 'x' },
    });
    expect(checkRejected(spec, exchange, broken)).toEqual([
      expect.objectContaining({ kind: 'wrong-error', path: '/__type', actual: 'UserNotFoundException' }),
    ]);
  });

  it('reports an error without __type as malformed', () => {
    const exchange = recordedExchange({ operation: 'ListUserPools', status: 400, body: { message: 'x' } });
    expect(checkRejected(spec, exchange, broken)).toEqual([
      expect.objectContaining({ kind: 'malformed-error', path: '/__type' }),
    ]);
  });

  it('reports a lost connection as transport, not as the target breaking the rule', () => {
    const exchange = recordedExchange({
      operation: 'ListUserPools',
      status: 0,
      transportError: 'Error ECONNRESET: socket hang up',
    });
    expect(checkRejected(spec, exchange, broken)).toEqual([expect.objectContaining({ kind: 'transport' })]);
  });
});

describe('checkAccepted', () => {
  it('reports a rejected valid request', () => {
    const exchange = recordedExchange({
      operation: 'ListUserPools',
      status: 400,
      body: { __type: 'InvalidParameterException', message: 'x' },
    });
    expect(checkAccepted(exchange)).toEqual([
      expect.objectContaining({ kind: 'rejected-valid', actual: '400 InvalidParameterException' }),
    ]);
    expect(checkAccepted(recordedExchange({ operation: 'ListUserPools', body: {} }))).toEqual([]);
  });
});

describe('checkNotFound', () => {
  it('wants 400 ResourceNotFoundException', () => {
    const right = recordedExchange({
      operation: 'DescribeUserPool',
      status: 400,
      body: { __type: 'ResourceNotFoundException', message: 'x' },
    });
    const wrongType = recordedExchange({
      operation: 'DescribeUserPool',
      status: 400,
      body: { __type: 'InvalidParameterException', message: 'x' },
    });
    const wrongStatus = recordedExchange({
      operation: 'DescribeUserPool',
      status: 404,
      body: { __type: 'ResourceNotFoundException', message: 'x' },
    });
    const found = recordedExchange({ operation: 'DescribeUserPool', status: 200, body: {} });

    expect(checkNotFound(right)).toEqual([]);
    expect(checkNotFound(wrongType)).toEqual([
      expect.objectContaining({ kind: 'wrong-error', path: '/__type' }),
    ]);
    expect(checkNotFound(wrongStatus)).toEqual([
      expect.objectContaining({ kind: 'wrong-error', path: '/$status', actual: 404 }),
    ]);
    expect(checkNotFound(found)).toEqual([expect.objectContaining({ kind: 'wrong-error', actual: 200 })]);
  });
});
