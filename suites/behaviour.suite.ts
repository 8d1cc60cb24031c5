import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import { behaviourOperations, runBehaviour } from '../src/scenarios/index.ts';

/**
 * The behaviour model of users, sign-in and tokens: the fixed lifecycles, then random command sequences
 * (`fc.commands`) over a pool, two app clients (with and without a secret), users and a group, each response judged
 * against the documented rules of `specs/behaviour-rules.json`. Bounded by the profile's `statefulRuns` ×
 * `statefulMaxCommands`.
 */
describe('behaviour', () => {
  scenarioTest(
    'users, sign-in and tokens follow the documented behaviour rules',
    behaviourOperations(),
    async (scenario) => {
      await runBehaviour(scenario);
    },
    { listsPools: false },
  );
});
