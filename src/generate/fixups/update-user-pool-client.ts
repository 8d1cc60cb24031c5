import type { RequestFixup } from '../request-fixup.ts';
import { fixClientSettings } from './_internals/client-settings.ts';
import { copyRequest, isPresent, substitute } from './_internals/edit.ts';

/**
 * UpdateUserPoolClient: the live pool's and client's ids, a run-prefixed client name, and the same
 * consistency as CreateUserPoolClient; `client_credentials` is kept only when the live client has a
 * secret (`context.clientSecret`), since this operation cannot add one.
 */
export const updateUserPoolClientFixup: RequestFixup = {
  operation: 'UpdateUserPoolClient',
  apply(input, context) {
    const request = copyRequest(input);
    substitute(request, 'UserPoolId', context.userPoolId);
    substitute(request, 'ClientId', context.clientId);
    if (isPresent(request, 'ClientName')) request.ClientName = context.uniqueName('client');
    fixClientSettings(request, context, context.clientSecret === undefined ? 'none' : 'existing');
    return request;
  },
};
