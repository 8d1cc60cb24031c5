import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import { runStateful, STATEFUL_OPERATIONS, sweepMaxResults } from '../src/scenarios/index.ts';

/**
 * Model-based checks over pools and app clients: random sequences of create, describe, update, list
 * (any MaxResults, following NextToken) and delete, with the list holding exactly this test's live
 * pools, pages within MaxResults, every pool listed once, Describe showing the last write and deleted
 * resources gone. Bounded by the profile's `statefulRuns` × `statefulMaxCommands`.
 */
describe('stateful', () => {
  scenarioTest('pools and app clients follow the model', STATEFUL_OPERATIONS, (scenario) =>
    runStateful(scenario),
  );

  scenarioTest(
    'ListUserPools pages honour MaxResults (explicit sweep; all of 1..60 when thorough)',
    ['ListUserPools'],
    (scenario) => sweepMaxResults(scenario),
  );
});
