import type { RequestFixup } from '../request-fixup.ts';
import { copyRequest, substitute } from './_internals/edit.ts';

/** GetSigningCertificate: the live pool's id. */
export const getSigningCertificateFixup: RequestFixup = {
  operation: 'GetSigningCertificate',
  apply(input, context) {
    const request = copyRequest(input);
    substitute(request, 'UserPoolId', context.userPoolId);
    return request;
  },
};
