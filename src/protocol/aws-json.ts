import type { Exchange } from './exchange.ts';

/** The awsJson1.1 media type every response must carry. */
export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Headers AWS uses for the request id; a response must carry one of them. */
export const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-amz-request-id', 'x-amzn-request-id'] as const;

/**
 * Errors the protocol itself may answer with for a malformed request, whatever the operation models:
 * Cognito's own parameter validation, the JSON protocol's serialisation error, and the generic
 * validation error of the AWS front end.
 */
export const PROTOCOL_VALIDATION_ERRORS = [
  'InvalidParameterException',
  'SerializationException',
  'ValidationException',
] as const;

/**
 * The error name in an awsJson1.1 `__type`, without the namespace (`com.amazonaws.x#Name`) or the
 * trailing `:http://…` some services append.
 */
export function errorTypeName(type: string): string {
  const afterHash = type.includes('#') ? type.slice(type.lastIndexOf('#') + 1) : type;
  return afterHash.split(':')[0] ?? afterHash;
}

/** The `__type` of an error body, when the body is JSON and has one. */
export function errorTypeOf(exchange: Exchange): string | undefined {
  const type = (exchange.body as { __type?: unknown } | undefined)?.__type;
  return typeof type === 'string' ? errorTypeName(type) : undefined;
}

/** Media type without parameters, lower-cased (`application/x-amz-json-1.1; charset=utf-8` → the type). */
export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

const UNKNOWN_OPERATION_TYPES =
  /^(UnknownOperationException|InvalidAction|NotImplemented|NotImplementedException)$/;

/**
 * Whether an answer says the target did nothing with the request: a 5xx, or an unknown-operation error. An
 * operation every request to which (valid or not) gets such an answer is not implemented, whatever the
 * emulator calls it (moto 5.0.1 answers GetSigningCertificate with a generic HTTP 500 page).
 */
export function answersNotImplemented(exchange: Exchange): boolean {
  if (exchange.status === 0) return false;
  return exchange.status >= 500 || UNKNOWN_OPERATION_TYPES.test(errorTypeOf(exchange) ?? '');
}

/**
 * Whether a target answered that it does not implement the operation: an unknown-operation error type,
 * or a 404/5xx whose body names the operation. Such an operation gets one `unsupported` verdict instead
 * of a cascade of failed checks. A 5xx about one feature of an operation it does implement (one auth
 * flow, say) does not name the operation and stays a finding.
 */
export function isUnsupportedOperation(exchange: Exchange): boolean {
  if (exchange.status === 0 || exchange.status < 400) return false;
  if (UNKNOWN_OPERATION_TYPES.test(errorTypeOf(exchange) ?? '')) return true;
  const namesOperation = new RegExp(`\\b${exchange.operation}\\b`).test(exchange.bodyText);
  return (exchange.status >= 500 || exchange.status === 404) && exchange.operation !== '' && namesOperation;
}
