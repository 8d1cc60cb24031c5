import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import { updateUserPoolClientLastModified, updateUserPoolLastModified } from '../src/scenarios/index.ts';

/**
 * round-trip: an update made a second after a read advances LastModifiedDate (epoch seconds, so the second must
 * pass). Each scenario has a resource of its own and lists nothing, so both wait out their second together,
 * beside whatever else the run is doing.
 */
describe.concurrent('round-trip: LastModifiedDate', () => {
  scenarioTest('UpdateUserPool advances LastModifiedDate', ['UpdateUserPool'], updateUserPoolLastModified);
  scenarioTest(
    'UpdateUserPoolClient advances LastModifiedDate',
    ['UpdateUserPoolClient'],
    updateUserPoolClientLastModified,
  );
});
