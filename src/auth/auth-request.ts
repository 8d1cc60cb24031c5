import type { OperationSpec } from '../../specs/format/index.ts';

/** The flows that take USERNAME and PASSWORD directly and, on success, hand out a refresh token. */
export const PASSWORD_FLOWS: readonly string[] = ['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];

/** The flow that trades a refresh token for new access and ID tokens. */
export const REFRESH_FLOW = 'REFRESH_TOKEN_AUTH';

/** What one InitiateAuth / AdminInitiateAuth call needs besides the operation. */
export interface AuthCall {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly flow: string;
  readonly parameters: Readonly<Record<string, string>>;
}

/** The `AuthFlow` values the operation's request schema allows (narrowings already applied by the spec). */
export function authFlowsOf(spec: OperationSpec): string[] {
  const authFlow = requestProperties(spec)['AuthFlow'] as { enum?: unknown } | undefined;
  return Array.isArray(authFlow?.enum)
    ? authFlow.enum.filter((value): value is string => typeof value === 'string')
    : [];
}

/** The password flows this operation accepts, in `PASSWORD_FLOWS` order. */
export function passwordFlowsOf(spec: OperationSpec): string[] {
  const allowed = authFlowsOf(spec);
  return PASSWORD_FLOWS.filter((flow) => allowed.includes(flow));
}

/** `AuthFlow` values the document's prose rules out for this operation (its narrowings of `/AuthFlow`). */
export function excludedFlowsOf(spec: OperationSpec): string[] {
  return spec.narrowings
    .filter((narrowing) => narrowing.direction === 'request' && narrowing.path === '/AuthFlow')
    .flatMap((narrowing) => narrowing.excluded);
}

/**
 * The request for one auth call. `UserPoolId` goes in only where the operation's request has it
 * (AdminInitiateAuth), read off the schema rather than the operation name.
 */
export function authRequest(spec: OperationSpec, call: AuthCall): Record<string, unknown> {
  return {
    ...('UserPoolId' in requestProperties(spec) ? { UserPoolId: call.userPoolId } : {}),
    ClientId: call.clientId,
    AuthFlow: call.flow,
    AuthParameters: { ...call.parameters },
  };
}

function requestProperties(spec: OperationSpec): Record<string, unknown> {
  return (spec.request['properties'] ?? {}) as Record<string, unknown>;
}
