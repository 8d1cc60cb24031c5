import { describe, expect, it } from 'vitest';
import { fakeContext } from '../test-support/fake-context.ts';
import { describeUserPoolClientFixup } from './describe-user-pool-client.ts';
import { describeUserPoolFixup } from './describe-user-pool.ts';
import { getSigningCertificateFixup } from './get-signing-certificate.ts';
import { listUserPoolsFixup } from './list-user-pools.ts';

describe('read-operation fix-ups', () => {
  it('substitute the live pool and client ids', () => {
    const context = fakeContext();
    expect(describeUserPoolFixup.apply({ UserPoolId: 'x_1' }, context)).toEqual({
      UserPoolId: 'eu-west-2_AbC123xyZ',
    });
    expect(getSigningCertificateFixup.apply({ UserPoolId: 'x_1' }, context)).toEqual({
      UserPoolId: 'eu-west-2_AbC123xyZ',
    });
    expect(describeUserPoolClientFixup.apply({ UserPoolId: 'x_1', ClientId: 'c' }, context)).toEqual({
      UserPoolId: 'eu-west-2_AbC123xyZ',
      ClientId: 'abc123def456',
    });
  });

  it('keep generated ids when the suite has no live resource', () => {
    expect(
      describeUserPoolFixup.apply({ UserPoolId: 'x_1' }, fakeContext({ userPoolId: undefined })),
    ).toEqual({ UserPoolId: 'x_1' });
  });

  it('keep ListUserPools MaxResults and drop a fabricated NextToken', () => {
    expect(listUserPoolsFixup.apply({ MaxResults: 60, NextToken: 'abc' }, fakeContext())).toEqual({
      MaxResults: 60,
    });
  });
});
