/**
 * Stage 4, awsJson1.1 as Cognito speaks it: the media type, target header, error `__type` parsing, request id
 * headers, the recorded `Exchange`, and SECRET_HASH.
 */
export {
  AWS_JSON_CONTENT_TYPE,
  PROTOCOL_VALIDATION_ERRORS,
  REQUEST_ID_HEADERS,
  answersNotImplemented,
  errorTypeOf,
  isUnsupportedOperation,
  mediaType,
} from './aws-json.ts';
export { parseJsonBody } from './exchange.ts';
export type { Exchange } from './exchange.ts';
export { secretHash } from './secret-hash.ts';
