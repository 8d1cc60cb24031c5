/**
 * Stage 8, sign-in plumbing the checks and scenarios share: auth requests per flow, JWKS fetching, and how to
 * sign a user in for set-up.
 */
export { isAuthOperationUnsupported } from './auth-operation-unsupported.ts';
export {
  PASSWORD_FLOWS,
  REFRESH_FLOW,
  authFlowsOf,
  authRequest,
  excludedFlowsOf,
  passwordFlowsOf,
} from './auth-request.ts';
export type { AuthCall } from './auth-request.ts';
export { fetchJwks, jwksUrl } from './jwks.ts';
export type { JwksSource } from './jwks.ts';
export { signInForSetup } from './sign-in.ts';
