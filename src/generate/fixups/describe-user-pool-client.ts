import type { RequestFixup } from '../request-fixup.ts';
import { copyRequest, substitute } from './_internals/edit.ts';

/** DescribeUserPoolClient: the live pool's and client's ids. */
export const describeUserPoolClientFixup: RequestFixup = {
  operation: 'DescribeUserPoolClient',
  apply(input, context) {
    const request = copyRequest(input);
    substitute(request, 'UserPoolId', context.userPoolId);
    substitute(request, 'ClientId', context.clientId);
    return request;
  },
};
