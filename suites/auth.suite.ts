import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import { authFlowsOf, excludedFlowsOf } from '../src/auth/index.ts';
import {
  runDisabledFlows,
  runExcludedFlows,
  runPasswordFlows,
  runRefreshFlow,
  runSecretClient,
  runWrongPassword,
  type ScenarioContext,
} from '../src/scenarios/index.ts';
import { loadOperationSpecs } from '../src/spec/index.ts';
import type { OperationSpec } from '../specs/format/index.ts';

const AUTH_OPERATIONS: readonly OperationSpec[] = loadOperationSpecs().filter(
  (spec) => authFlowsOf(spec).length > 0,
);

type Scenario = (context: ScenarioContext, operation: string) => Promise<void>;

function authTest(name: string, operation: string, scenario: Scenario, applies = true): void {
  scenarioTest(name, [operation], async (context, skip) => {
    skip(!applies, `the document rules no AuthFlow value out for ${operation}`);
    await scenario(context, operation);
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
