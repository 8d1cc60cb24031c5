import type { RequestFixup } from '../request-fixup.ts';
import { copyRequest } from './_internals/edit.ts';

/**
 * ListUserPools: `MaxResults` is kept as generated (the schema already holds it to 1..60); a generated
 * `NextToken` is dropped, since a token the service never issued can only be refused. Pagination with
 * real tokens belongs to a stateful check, not to generated requests.
 */
export const listUserPoolsFixup: RequestFixup = {
  operation: 'ListUserPools',
  apply(input) {
    const request = copyRequest(input);
    delete request.NextToken;
    return request;
  },
};
