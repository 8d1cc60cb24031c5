import { describe } from 'vitest';
import { conformanceTest, isSelected } from '../fixtures/index.ts';
import { SIGNING_CERTIFICATE_OPERATION, runSigningCertificate } from '../src/scenarios/index.ts';

/**
 * The `signing-certificate` check: GetSigningCertificate returns a parseable certificate for a live pool,
 * and whether its key verifies that pool's ID tokens (a warning when it does not). Targets that do not
 * implement the operation get one `unsupported` verdict.
 */
describe(`signing-certificate: ${SIGNING_CERTIFICATE_OPERATION}`, () => {
  conformanceTest(
    'returns a certificate that parses, and notes whether it verifies ID tokens',
    async ({ skip, wire, resources, settings, conformance }) => {
      skip(!isSelected(settings.operations, SIGNING_CERTIFICATE_OPERATION), 'operation not selected (--ops)');
      await runSigningCertificate({
        wire,
        resources,
        recorder: conformance.recorder(SIGNING_CERTIFICATE_OPERATION),
      });
    },
  );
});
