import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import {
  runInvalidRequests,
  runUnknownIds,
  runValidRequests,
  unknownIdVariants,
} from '../src/scenarios/index.ts';
import { loadOperationSpecs, specFor } from '../src/spec/index.ts';

/**
 * The generic checks every operation gets, derived from its spec: valid generated requests (positive,
 * wire-format, response-schema), requests breaking one rule each (negative), and unknown ids
 * (error-shape) where the request names a pool or client. Nothing here is specific to one emulator.
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
      'unknown pool and client ids give ResourceNotFoundException',
      [operation],
      (scenario) => runUnknownIds(scenario, operation),
      namesNoId ? { skip: `${operation} names no pool or client` } : {},
    );
  });
}
