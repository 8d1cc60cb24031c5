import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import {
  createUserPoolClientRoundTrip,
  createUserPoolRoundTrip,
  updateUserPoolClientRoundTrip,
  updateUserPoolRoundTrip,
} from '../src/scenarios/index.ts';

/**
 * What was written reads back: each create/update request generated from the spec, once accepted, must
 * come back member by member from the Describe of its resource (and, for pools, from ListUserPools where
 * the member is listed). A few requests per run are enough, since each one is a whole write-then-read cycle.
 * That updates advance LastModifiedDate is judged in last-modified.suite.ts.
 */
describe('round-trip', () => {
  scenarioTest(
    'CreateUserPool reads back from DescribeUserPool and ListUserPools',
    ['CreateUserPool'],
    createUserPoolRoundTrip,
    { listsPools: true },
  );
  scenarioTest(
    'UpdateUserPool reads back from DescribeUserPool and ListUserPools',
    ['UpdateUserPool'],
    updateUserPoolRoundTrip,
    { listsPools: true },
  );
  scenarioTest(
    'CreateUserPoolClient reads back from DescribeUserPoolClient',
    ['CreateUserPoolClient'],
    createUserPoolClientRoundTrip,
  );
  scenarioTest(
    'UpdateUserPoolClient reads back from DescribeUserPoolClient',
    ['UpdateUserPoolClient'],
    updateUserPoolClientRoundTrip,
  );
});
