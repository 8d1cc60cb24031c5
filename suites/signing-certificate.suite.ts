import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import { SIGNING_CERTIFICATE_OPERATION, runSigningCertificate } from '../src/scenarios/index.ts';

/**
 * The `signing-certificate` check: GetSigningCertificate returns a parseable certificate for a live pool,
 * and whether its key verifies that pool's ID tokens (a warning when it does not). Targets that do not
 * implement the operation get one `unsupported` verdict.
 */
describe(`signing-certificate: ${SIGNING_CERTIFICATE_OPERATION}`, () => {
  scenarioTest(
    'returns a certificate that parses, and notes whether it verifies ID tokens',
    [SIGNING_CERTIFICATE_OPERATION],
    runSigningCertificate,
  );
});
