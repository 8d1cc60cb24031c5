import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import { isAuthOperationUnsupported } from './auth-operation-unsupported.ts';

describe('isAuthOperationUnsupported', () => {
  it('is true for an unknown-operation answer', () => {
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      status: 400,
      body: { __type: 'UnknownOperationException', message: 'unknown' },
    });
    expect(isAuthOperationUnsupported(exchange, 'USER_PASSWORD_AUTH')).toBe(true);
  });

  it('is false for a 5xx about the flow, even when it names the operation', () => {
    const exchange = recordedExchange({
      operation: 'InitiateAuth',
      status: 501,
      body: {
        __type: 'NotImplemented',
        message: 'InitiateAuth with AuthFlow=ADMIN_NO_SRP_AUTH is not implemented',
      },
    });
    expect(isAuthOperationUnsupported(exchange, 'ADMIN_NO_SRP_AUTH')).toBe(false);
  });

  it('is false for a 5xx that names neither (cognito-local names its own shorthand)', () => {
    const exchange = recordedExchange({
      operation: 'AdminInitiateAuth',
      status: 500,
      body: {
        __type: 'CognitoLocal#Unsupported',
        message: 'Cognito Local unsupported feature: AdminInitAuth with AuthFlow=X',
      },
    });
    expect(isAuthOperationUnsupported(exchange, 'USER_PASSWORD_AUTH')).toBe(false);
  });
});
