import type { RequestFixup } from '../request-fixup.ts';
import { copyRequest, substitute } from './_internals/edit.ts';

/** DescribeUserPool: the live pool's id (without one the generated id can only be "not found"). */
export const describeUserPoolFixup: RequestFixup = {
  operation: 'DescribeUserPool',
  apply(input, context) {
    const request = copyRequest(input);
    substitute(request, 'UserPoolId', context.userPoolId);
    return request;
  },
};
