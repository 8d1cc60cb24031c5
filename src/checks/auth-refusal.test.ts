import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import { checkRefused, type Refusal } from './auth-refusal.ts';

const wrongPassword: Refusal = {
  rule: 'a wrong password',
  path: '/AuthParameters/PASSWORD',
  allowed: ['NotAuthorizedException'],
};

describe('checkRefused', () => {
  it('accepts NotAuthorizedException for a wrong password', () => {
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      status: 400,
      body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    });
    expect(checkRefused(exchange, wrongPassword)).toEqual([]);
  });

  it('reports a wrong password answered 200 as accepted-invalid, at the request member', () => {
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      status: 200,
      body: { AuthenticationResult: {} },
    });
    expect(checkRefused(exchange, wrongPassword)).toEqual([
      expect.objectContaining({
        kind: 'accepted-invalid',
        severity: 'error',
        path: '/AuthParameters/PASSWORD',
        expected: ['NotAuthorizedException'],
        actual: 200,
      }),
    ]);
  });

  it('reports another 4xx type as wrong-error', () => {
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      status: 400,
      body: { __type: 'InvalidPasswordException', message: 'Invalid password' },
    });
    expect(checkRefused(exchange, wrongPassword)).toEqual([
      expect.objectContaining({ kind: 'wrong-error', path: '/__type', actual: 'InvalidPasswordException' }),
    ]);
  });

  it('reports a 5xx as wrong-error on the status', () => {
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      status: 500,
      body: { __type: 'CognitoLocal#Unsupported', message: 'InitAuth with AuthFlow=ADMIN_NO_SRP_AUTH' },
    });
    expect(
      checkRefused(exchange, {
        rule: 'ADMIN_NO_SRP_AUTH',
        path: '/AuthFlow',
        allowed: ['InvalidParameterException'],
      }),
    ).toEqual([expect.objectContaining({ kind: 'wrong-error', path: '/$status', actual: 500 })]);
  });

  it('reports no response as transport, judging nothing else', () => {
    const exchange = recordedExchange({ operation: 'InitiateAuth', status: 0, transportError: 'ECONNRESET' });
    expect(checkRefused(exchange, wrongPassword)).toEqual([expect.objectContaining({ kind: 'transport' })]);
  });
});
