import type { ScenarioContext } from './scenario-context.ts';
import { signInForSetup } from '../auth/index.ts';
import {
  checkCertificateResponse,
  checkCertificateVerifiesToken,
  SIGNING_CERTIFICATE_CHECK,
} from '../checks/index.ts';
import type { CheckRecorder } from '../engine/index.ts';
import { isUnsupportedOperation } from '../protocol/index.ts';
import { guardSetup } from './guard-setup.ts';

/** The operation this run judges. */
export const SIGNING_CERTIFICATE_OPERATION = 'GetSigningCertificate';

/** What the signing-certificate run needs from the suite's fixtures. */
/** The signing-certificate scenario's view of the {@link ScenarioContext}. */
interface SigningCertificateRun {
  readonly wire: ScenarioContext['wire'];
  readonly resources: ScenarioContext['resources'];
  /** The recorder opened for GetSigningCertificate. */
  readonly recorder: CheckRecorder;
}

/**
 * For a live pool with a signed-in user: GetSigningCertificate returns a certificate that parses, and
 * (noted as a warning only when it fails) whose key verifies the pool's ID token. A target that does not
 * implement the operation gets one `unsupported` verdict and nothing else.
 */
export function runSigningCertificate(scenario: ScenarioContext): Promise<void> {
  const context: SigningCertificateRun = {
    wire: scenario.wire,
    resources: scenario.resources,
    recorder: scenario.recorderFor(SIGNING_CERTIFICATE_OPERATION),
  };
  context.recorder.declare(SIGNING_CERTIFICATE_CHECK);
  return guardSetup(context.recorder, async () => {
    const pool = await context.resources.pool();
    const client = await context.resources.appClient(pool.id);
    const user = await context.resources.user(pool.id);
    const tokens = await signInForSetup(
      context.wire,
      { userPoolId: pool.id, clientId: client.clientId },
      user,
      'idToken',
    );
    const request = { UserPoolId: pool.id };
    const result = await context.wire.send(SIGNING_CERTIFICATE_OPERATION, request);
    context.recorder.sawExchange(result.exchange);
    if (isUnsupportedOperation(result.exchange)) {
      context.recorder.markUnsupported(
        `HTTP ${result.exchange.status}: the target answered that it does not implement ${SIGNING_CERTIFICATE_OPERATION}`,
      );
      return;
    }
    if (result.throttled) return;
    const { findings, certificate } = checkCertificateResponse(result.exchange);
    context.recorder.record(SIGNING_CERTIFICATE_CHECK, findings, { request });
    if (certificate && tokens?.idToken) {
      context.recorder.record(
        SIGNING_CERTIFICATE_CHECK,
        await checkCertificateVerifiesToken(certificate, tokens.idToken),
        { request },
      );
    }
  });
}
