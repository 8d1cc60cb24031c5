import { describe } from 'vitest';
import { conformanceTest, isSelected } from '../fixtures/index.ts';
import { authFlowsOf, excludedFlowsOf } from '../src/auth/index.ts';
import {
  runDisabledFlows,
  runExcludedFlows,
  runPasswordFlows,
  runRefreshFlow,
  runSecretClient,
  runWrongPassword,
  type AuthRunContext,
} from '../src/scenarios/index.ts';
import { loadOperationSpecs, specFor } from '../src/spec/index.ts';
import type { OperationSpec } from '../specs/format/index.ts';

/**
 * The `auth` check: sign-ins through every auth operation the specs describe (those whose request has an
 * AuthFlow), judged on the tokens they issue and on the sign-ins they must refuse. Findings are recorded,
 * never thrown: a test fails only when the harness itself does.
 */
const AUTH_OPERATIONS: readonly OperationSpec[] = loadOperationSpecs().filter(
  (spec) => authFlowsOf(spec).length > 0,
);

type Scenario = (context: AuthRunContext) => Promise<void>;

function authTest(name: string, operation: string, scenario: Scenario, applies = true): void {
  conformanceTest(name, async ({ skip, specs, target, wire, resources, settings, conformance }) => {
    skip(!isSelected(settings.operations, operation), 'operation not selected (--ops)');
    skip(!applies, `the document rules no AuthFlow value out for ${operation}`);
    await scenario({
      spec: specFor(specs, operation),
      target,
      wire,
      resources,
      recorder: conformance.recorder(operation),
    });
  });
}

for (const spec of AUTH_OPERATIONS) {
  const operation = spec.operation;
  describe(`auth: ${operation}`, () => {
    authTest('password flows issue tokens that verify against the pool JWKS', operation, runPasswordFlows);
    authTest('REFRESH_TOKEN_AUTH issues tokens that verify against the pool JWKS', operation, runRefreshFlow);
    authTest('a wrong password is refused with NotAuthorizedException', operation, runWrongPassword);
    authTest('a flow the app client does not enable is refused', operation, runDisabledFlows);
    authTest(
      'flows the document rules out for the operation are refused',
      operation,
      runExcludedFlows,
      excludedFlowsOf(spec).length > 0,
    );
    authTest('an app client with a secret needs SECRET_HASH', operation, runSecretClient);
  });
}
