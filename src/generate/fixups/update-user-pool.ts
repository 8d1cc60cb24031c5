import type { RequestFixup } from '../request-fixup.ts';
import { copyRequest, substitute } from './_internals/edit.ts';
import { fixPoolSettings } from './_internals/pool-settings.ts';

/**
 * UpdateUserPool: the live pool's id, and the settings shared with CreateUserPool (Lambda/SES/SNS ARNs,
 * message placeholders, MFA only with SMS configuration, password length 6..99, account validity
 * 0..365, tag keys).
 */
export const updateUserPoolFixup: RequestFixup = {
  operation: 'UpdateUserPool',
  apply(input, context) {
    const request = copyRequest(input);
    substitute(request, 'UserPoolId', context.userPoolId);
    fixPoolSettings(request, context);
    return request;
  },
};
