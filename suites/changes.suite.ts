import { describe } from 'vitest';
import { scenarioTest } from '../fixtures/index.ts';
import { announcedChanges, changeLabel } from '../src/changes/index.ts';
import { runChange } from '../src/scenarios/index.ts';
import { loadOperationSpecs } from '../src/spec/index.ts';

/**
 * The `changes` check: one test, and one verdict in the report, per change the specs announce (new
 * operations, members and enum values of this release), read from every spec's `changes`, never listed
 * here. Each verdict is recorded on the changed operation; unsupported changes also leave a finding.
 */
describe('changes announced by the document', () => {
  for (const change of announcedChanges(loadOperationSpecs())) {
    scenarioTest(changeLabel(change), [change.operation], async (scenario) => {
      await runChange(scenario, change);
    });
  }
});
