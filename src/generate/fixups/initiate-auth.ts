import type { RequestFixup } from '../request-fixup.ts';
import { fixAuthRequest } from './_internals/auth-parameters.ts';

/**
 * InitiateAuth: as AdminInitiateAuth (live client, AuthParameters per flow, SECRET_HASH), and
 * `ADMIN_NO_SRP_AUTH`, which the document says is not valid here although the syntax lists it, becomes
 * its client-side equivalent `USER_PASSWORD_AUTH` (request generators already narrow it out; this keeps
 * the fix-up safe on its own).
 */
export const initiateAuthFixup: RequestFixup = {
  operation: 'InitiateAuth',
  apply(input, context) {
    const request =
      input.AuthFlow === 'ADMIN_NO_SRP_AUTH' ? { ...input, AuthFlow: 'USER_PASSWORD_AUTH' } : input;
    return fixAuthRequest(request, context, 'USER_PASSWORD_AUTH');
  },
};
