import { describe, expect, it } from 'vitest';
import { recordedExchange } from '../../test/support/recorded-exchange.ts';
import { errorTypeName, isUnsupportedOperation, mediaType } from './aws-json.ts';

describe('awsJson1.1 helpers', () => {
  it('strips namespaces and suffixes from __type', () => {
    expect(errorTypeName('com.amazonaws.cognitoidentityprovider#ResourceNotFoundException')).toBe(
      'ResourceNotFoundException',
    );
    expect(errorTypeName('ResourceNotFoundException:http://internal.amazon.com/')).toBe(
      'ResourceNotFoundException',
    );
    expect(mediaType('Application/X-Amz-Json-1.1; charset=utf-8')).toBe('application/x-amz-json-1.1');
  });

  it('treats an unknown-operation error, or a 5xx naming the operation, as unsupported', () => {
    const unknown = recordedExchange({
      operation: 'GetSigningCertificate',
      status: 400,
      body: { __type: 'UnknownOperationException' },
    });
    const named = recordedExchange({
      operation: 'GetSigningCertificate',
      status: 500,
      body: { __type: 'X#Unsupported', message: 'Unsupported x-amz-target header "GetSigningCertificate"' },
    });
    expect(isUnsupportedOperation(unknown)).toBe(true);
    expect(isUnsupportedOperation(named)).toBe(true);
  });

  it('does not treat a failing feature of an implemented operation as unsupported', () => {
    const flow = recordedExchange({
      operation: 'AdminInitiateAuth',
      status: 500,
      body: {
        __type: 'X#Unsupported',
        message: 'unsupported feature: AdminInitAuth with AuthFlow=ADMIN_NO_SRP_AUTH',
      },
    });
    const clientError = recordedExchange({
      operation: 'DescribeUserPool',
      status: 400,
      body: { __type: 'ResourceNotFoundException', message: 'DescribeUserPool: no such pool' },
    });
    expect(isUnsupportedOperation(flow)).toBe(false);
    expect(isUnsupportedOperation(clientError)).toBe(false);
  });
});
