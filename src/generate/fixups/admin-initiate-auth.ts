import type { RequestFixup } from '../request-fixup.ts';
import { fixAuthRequest } from './_internals/auth-parameters.ts';

/**
 * AdminInitiateAuth: the live pool and client; AuthParameters for the flow (USERNAME/PASSWORD for
 * ADMIN_NO_SRP_AUTH, REFRESH_TOKEN for the refresh flows, USERNAME/SRP_A for USER_SRP_AUTH) with SECRET_HASH
 * when the client has a secret. CUSTOM_AUTH becomes the server-side password flow, ADMIN_NO_SRP_AUTH
 * (USER_PASSWORD_AUTH is withdrawn from this operation by the current reference).
 */
export const adminInitiateAuthFixup: RequestFixup = {
  operation: 'AdminInitiateAuth',
  apply(input, context) {
    return fixAuthRequest(input, context, 'ADMIN_NO_SRP_AUTH');
  },
};
