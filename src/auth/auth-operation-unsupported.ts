import { isUnsupportedOperation, type Exchange } from '../protocol/index.ts';

/**
 * Whether an auth call's answer means the target does not implement the auth operation at all. A 5xx
 * whose body names the AuthFlow value is about that one flow (for example "InitiateAuth with AuthFlow=X
 * is not supported"), so it stays a finding for the flow rather than one `unsupported` verdict for the
 * whole operation, even when the body names the operation too.
 */
export function isAuthOperationUnsupported(exchange: Exchange, flow: string): boolean {
  return isUnsupportedOperation(exchange) && !new RegExp(`\\b${flow}\\b`).test(exchange.bodyText);
}
