import { specFor } from '../spec/index.ts';
import type { ScenarioContext } from './scenario-context.ts';
import {
  type AuthCall,
  authRequest,
  excludedFlowsOf,
  fetchJwks,
  isAuthOperationUnsupported,
  type JwksSource,
  jwksUrl,
  PASSWORD_FLOWS,
  passwordFlowsOf,
  REFRESH_FLOW,
  signInForSetup,
} from '../auth/index.ts';
import { type Exchange, secretHash } from '../protocol/index.ts';
import {
  allowedRejections,
  AUTH_CHECK,
  checkAuthenticationResult,
  checkRefused,
  type Refusal,
  tokenExpectations,
} from '../checks/index.ts';
import type { CheckRecorder } from '../engine/index.ts';
import type { Finding } from '../deviations/index.ts';
import type { AppClientResource, UserResource } from '../resources/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import type { TargetDescriptor } from '../wire/index.ts';
import { guardSetup } from './guard-setup.ts';

/** What every auth scenario needs: the auth operation's spec and the suite's fixtures. */
/** One sign-in scenario of one operation, derived from the {@link ScenarioContext}. */
interface AuthRun {
  readonly spec: OperationSpec;
  readonly target: TargetDescriptor;
  readonly wire: ScenarioContext['wire'];
  readonly resources: ScenarioContext['resources'];
  readonly recorder: CheckRecorder;
}

function authRun(scenario: ScenarioContext, operation: string): AuthRun {
  return {
    spec: specFor(scenario.specs, operation),
    target: scenario.target,
    wire: scenario.wire,
    resources: scenario.resources,
    recorder: scenario.recorderFor(operation),
  };
}

/** The error types a wrong password may be refused with. */
const WRONG_PASSWORD_ERRORS = ['NotAuthorizedException'] as const;
/** The error types a missing SECRET_HASH may be refused with. */
const MISSING_SECRET_HASH_ERRORS = ['NotAuthorizedException', 'InvalidParameterException'] as const;

/** A live pool, app client and confirmed user, with the pool's JWKS fetched once. */
interface SignInSetting {
  readonly client: AppClientResource;
  readonly user: UserResource;
  readonly jwks: JwksSource;
}

/** Every password flow the operation allows issues tokens that verify and carry the right claims. */
export function runPasswordFlows(scenario: ScenarioContext, operation: string): Promise<void> {
  const context = authRun(scenario, operation);
  return guarded(context, async () => {
    const setting = await signInSetting(context);
    for (const flow of passwordFlowsOf(context.spec)) {
      const implemented = await judgeTokens(
        context,
        setting,
        { flow, parameters: passwordParameters(setting) },
        true,
      );
      if (!implemented) return;
    }
  });
}

/** REFRESH_TOKEN_AUTH trades a refresh token (from any password sign-in) for new, equally valid tokens. */
export function runRefreshFlow(scenario: ScenarioContext, operation: string): Promise<void> {
  const context = authRun(scenario, operation);
  return guarded(context, async () => {
    const setting = await signInSetting(context);
    const tokens = await signInForSetup(context.wire, setting.client, setting.user, 'refreshToken');
    if (!tokens?.refreshToken) {
      context.recorder.markInconclusive(
        'no password sign-in yielded a refresh token, so REFRESH_TOKEN_AUTH could not be tried',
      );
      return;
    }
    await judgeTokens(
      context,
      setting,
      { flow: REFRESH_FLOW, parameters: { REFRESH_TOKEN: tokens.refreshToken } },
      false,
    );
  });
}

/** A wrong password is refused with NotAuthorizedException in every password flow. */
export function runWrongPassword(scenario: ScenarioContext, operation: string): Promise<void> {
  const context = authRun(scenario, operation);
  return guarded(context, async () => {
    const setting = await signInSetting(context);
    for (const flow of passwordFlowsOf(context.spec)) {
      const parameters = { USERNAME: setting.user.username, PASSWORD: `${setting.user.password}-wrong` };
      const refusal: Refusal = {
        rule: 'a wrong password',
        path: '/AuthParameters/PASSWORD',
        allowed: WRONG_PASSWORD_ERRORS,
      };
      if (!(await judgeRefusal(context, setting.client, { flow, parameters }, refusal))) return;
    }
  });
}

/**
 * A password flow the app client does not enable (its ExplicitAuthFlows lacks it) is refused with an
 * error the operation allows: the document makes each flow something an app client must enable.
 */
export function runDisabledFlows(scenario: ScenarioContext, operation: string): Promise<void> {
  const context = authRun(scenario, operation);
  return guarded(context, async () => {
    const pool = await context.resources.pool();
    const user = await context.resources.user(pool.id);
    for (const flow of passwordFlowsOf(context.spec)) {
      const client = await context.resources.appClient(pool.id, {
        ExplicitAuthFlows: PASSWORD_FLOWS.filter((other) => other !== flow),
      });
      const refusal: Refusal = {
        rule: `${flow}, which the app client does not enable`,
        path: '/AuthFlow',
        allowed: allowedRejections(context.spec),
      };
      const parameters = { USERNAME: user.username, PASSWORD: user.password };
      if (!(await judgeRefusal(context, client, { flow, parameters }, refusal))) return;
    }
  });
}

/**
 * Flows the document's prose rules out for this operation (its narrowings, e.g. ADMIN_NO_SRP_AUTH on
 * InitiateAuth) are refused, even with an app client that enables them and correct credentials.
 */
export function runExcludedFlows(scenario: ScenarioContext, operation: string): Promise<void> {
  const context = authRun(scenario, operation);
  return guarded(context, async () => {
    const setting = await signInSetting(context);
    for (const flow of excludedFlowsOf(context.spec)) {
      const refusal: Refusal = {
        rule: `${flow}, which the document rules out for ${context.spec.operation}`,
        path: '/AuthFlow',
        allowed: allowedRejections(context.spec),
      };
      if (
        !(await judgeRefusal(
          context,
          setting.client,
          { flow, parameters: passwordParameters(setting) },
          refusal,
        ))
      )
        return;
    }
  });
}

/**
 * With an app client that has a secret, a password sign-in with the right SECRET_HASH succeeds (and its
 * tokens are judged like any other), and one without SECRET_HASH is refused.
 */
export function runSecretClient(scenario: ScenarioContext, operation: string): Promise<void> {
  const context = authRun(scenario, operation);
  return guarded(context, async () => {
    const setting = await signInSetting(context, { GenerateSecret: true });
    const secret = setting.client.clientSecret;
    if (secret === undefined) {
      context.recorder.markInconclusive(
        'CreateUserPoolClient with GenerateSecret returned no ClientSecret, so SECRET_HASH could not be tried',
      );
      return;
    }
    for (const flow of passwordFlowsOf(context.spec)) {
      const hash = secretHash(secret, setting.user.username, setting.client.clientId);
      if (
        !(await judgeTokens(
          context,
          setting,
          { flow, parameters: { ...passwordParameters(setting), SECRET_HASH: hash } },
          true,
        ))
      )
        return;
      const refusal: Refusal = {
        rule: 'no SECRET_HASH for an app client with a secret',
        path: '/AuthParameters/SECRET_HASH',
        allowed: MISSING_SECRET_HASH_ERRORS,
      };
      if (
        !(await judgeRefusal(
          context,
          setting.client,
          { flow, parameters: passwordParameters(setting) },
          refusal,
        ))
      )
        return;
    }
  });
}

/** Declares the check (so an unsupported operation still lists it) and runs the scenario under `guardSetup`. */
function guarded(context: AuthRun, scenario: () => Promise<void>): Promise<void> {
  context.recorder.declare(AUTH_CHECK);
  return guardSetup(context.recorder, scenario);
}

async function signInSetting(
  context: AuthRun,
  clientOverrides: Record<string, unknown> = {},
): Promise<SignInSetting> {
  const pool = await context.resources.pool();
  const client = await context.resources.appClient(pool.id, clientOverrides);
  const user = await context.resources.user(pool.id);
  const jwks = await fetchJwks(jwksUrl(context.target.endpoint, pool.id));
  return { client, user, jwks };
}

function passwordParameters(setting: SignInSetting): Record<string, string> {
  return { USERNAME: setting.user.username, PASSWORD: setting.user.password };
}

/** Sends one valid sign-in and judges its tokens; false when the operation turned out unsupported. */
async function judgeTokens(
  context: AuthRun,
  setting: SignInSetting,
  flow: Pick<AuthCall, 'flow' | 'parameters'>,
  expectRefreshToken: boolean,
): Promise<boolean> {
  const sent = await sendAuth(context, setting.client, flow);
  if (sent === 'unsupported') return false;
  if (sent === 'throttled') return true;
  const expectations = tokenExpectations(context.target, setting.client, expectRefreshToken);
  record(
    context.recorder,
    await checkAuthenticationResult(sent.exchange, expectations, setting.jwks),
    sent.request,
  );
  return true;
}

/** Sends one sign-in that must be refused and judges the refusal; false when the operation is unsupported. */
async function judgeRefusal(
  context: AuthRun,
  client: AppClientResource,
  flow: Pick<AuthCall, 'flow' | 'parameters'>,
  refusal: Refusal,
): Promise<boolean> {
  const sent = await sendAuth(context, client, flow);
  if (sent === 'unsupported') return false;
  if (sent === 'throttled') return true;
  record(context.recorder, checkRefused(sent.exchange, refusal), sent.request);
  return true;
}

type Sent =
  { readonly request: Record<string, unknown>; readonly exchange: Exchange } | 'unsupported' | 'throttled';

/**
 * Sends through the SDK, as an application would. A target that does not implement the operation at all
 * gets one `unsupported` verdict; a 5xx about one flow stays a finding (see `isAuthOperationUnsupported`).
 */
async function sendAuth(
  context: AuthRun,
  client: AppClientResource,
  flow: Pick<AuthCall, 'flow' | 'parameters'>,
): Promise<Sent> {
  const request = authRequest(context.spec, {
    userPoolId: client.userPoolId,
    clientId: client.clientId,
    ...flow,
  });
  const result = await context.wire.send(context.spec.operation, request);
  context.recorder.sawExchange(result.exchange);
  if (isAuthOperationUnsupported(result.exchange, flow.flow)) {
    context.recorder.markUnsupported(
      `HTTP ${result.exchange.status}: the target answered that it does not implement ${context.spec.operation}`,
    );
    return 'unsupported';
  }
  if (result.throttled) return 'throttled';
  return { request, exchange: result.exchange };
}

function record(
  recorder: CheckRecorder,
  findings: readonly Finding[],
  request: Record<string, unknown>,
): void {
  recorder.record(AUTH_CHECK, findings, { request });
}
