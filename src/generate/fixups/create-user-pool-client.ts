import type { RequestFixup } from '../request-fixup.ts';
import { fixClientSettings } from './_internals/client-settings.ts';
import { copyRequest, isPresent, substitute } from './_internals/edit.ts';

/**
 * CreateUserPoolClient: the live pool's id and a run-prefixed client name; refresh-token validity
 * 1..3650 days; standard attributes for read/write permissions; compatible explicit auth flows; the
 * Cognito identity provider; HTTPS callback/sign-out URLs with the default redirect among them; and a
 * coherent OAuth configuration (`client_credentials` alone, with GenerateSecret, only when the pool has
 * custom scopes).
 */
export const createUserPoolClientFixup: RequestFixup = {
  operation: 'CreateUserPoolClient',
  apply(input, context) {
    const request = copyRequest(input);
    substitute(request, 'UserPoolId', context.userPoolId);
    if (isPresent(request, 'ClientName')) request.ClientName = context.uniqueName('client');
    fixClientSettings(request, context, 'generate');
    return request;
  },
};
