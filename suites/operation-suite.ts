import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import {
  runInvalidRequests,
  runUnknownIds,
  runValidRequests,
  unknownIdVariants,
} from '../src/scenarios/index.ts';
import { loadOperationSpecs, type ResourceGroup, resourceGroupOf, specFor } from '../src/spec/index.ts';

/**
 * The generic checks every operation gets, derived from its spec and the resource graph: valid generated requests
 * (positive, wire-format, response-schema), requests breaking one rule each (negative), and unknown ids
 * (error-shape) of each identifier kind whose not-found error the operation models. Nothing here is specific to
 * one emulator.
 */
export function describeOperation(operation: string): void {
  describe(operation, () => {
    scenarioTest('valid requests are accepted and match the response schema', [operation], (scenario) =>
      runValidRequests(scenario, operation),
    );

    scenarioTest('requests breaking one rule are rejected with an allowed 4xx', [operation], (scenario) =>
      runInvalidRequests(scenario, operation),
    );

    const namesNoId = unknownIdVariants(specFor(loadOperationSpecs(), operation), {}).length === 0;
    scenarioTest(
      'unknown ids give the modeled not-found error',
      [operation],
      (scenario) => runUnknownIds(scenario, operation),
      namesNoId ? { skip: `${operation} names nothing whose not-found error it models` } : {},
    );
  });
}

/**
 * {@link describeOperation} for every operation of a resource group (`src/spec/resource-groups.ts`), in name order:
 * one suite file per group, so the groups run on the workers side by side.
 */
export function describeGroup(group: ResourceGroup): void {
  const operations = loadOperationSpecs()
    .map((spec) => spec.operation)
    .filter((operation) => resourceGroupOf(operation) === group);
  describe(group, () => {
    for (const operation of operations) describeOperation(operation);
  });
}
