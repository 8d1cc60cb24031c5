import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import {
  createUserPoolClientRoundTrip,
  createUserPoolRoundTrip,
  relatedListings,
  runFamilyRoundTrip,
  runRelatedListing,
  updateUserPoolClientRoundTrip,
  updateUserPoolRoundTrip,
} from '../src/scenarios/index.ts';
import { loadOperationSpecs, loadResourceGraph } from '../src/spec/index.ts';

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

/**
 * Every resource family of the resource graph, with whichever of create, describe, update, list and delete the
 * model gives it: what was written reads back, listings page and hold what was made, a deleted resource is gone.
 */
describe('round-trip of each resource family', () => {
  for (const [name, family] of Object.entries(loadResourceGraph().families)) {
    const operations = [family.create, family.describe, family.update, family.list, family.delete].filter(
      (operation): operation is string => operation !== undefined,
    );
    // A family listed with ListUserPools takes the target to itself (the fixture reads `operations`).
    scenarioTest(`${name}: ${operations.join(', ')}`, operations, (scenario) =>
      runFamilyRoundTrip(scenario, name),
    );
  }
});

/**
 * The paginated operations no family lists (a group's users, a user's groups, a user's sign-in events): filled with
 * three related items where the model's operations can make them, then read page by page.
 */
describe('pagination of related listings', () => {
  for (const operation of relatedListings({ specs: loadOperationSpecs() })) {
    scenarioTest(`${operation} pages`, [operation], (scenario) => runRelatedListing(scenario, operation));
  }
});
