import { describe, expect, it } from 'vitest';
import { awsAnnouncement, estimateLoad } from './load-estimate.ts';
import { runSettingsFromEnv } from './run-settings.ts';

describe('load estimate', () => {
  const settings = runSettingsFromEnv({ COGNITO_CONFORMANCE_SEED: '1', COGNITO_CONFORMANCE_RUN_ID: 'test' });

  it('grows with the runs per property and the operations selected', () => {
    const all = estimateLoad(settings);
    const two = estimateLoad({ ...settings, operations: ['CreateUserPool', 'ListUserPools'] });
    const more = estimateLoad({ ...settings, runsPerProperty: settings.runsPerProperty * 10 });
    expect(two.requests).toBeLessThan(all.requests);
    expect(more.requests).toBeGreaterThan(all.requests);
    expect(more.pools).toBeGreaterThan(all.pools);
  });

  it('counts the coverage phase: a request per breakable rule and per boundary', () => {
    const createOnly = estimateLoad({ ...settings, operations: ['CreateUserPool'] });
    const listOnly = estimateLoad({ ...settings, operations: ['ListUserPools'] });
    // CreateUserPool's request schema has some 150 breakable rules, ListUserPools' a handful.
    expect(createOnly.requests - listOnly.requests).toBeGreaterThan(150);
    expect(createOnly.pools).toBeGreaterThan(150);
  });

  it('bounds shrinking per rule: above what a quick InitiateAuth run sent to cognito-local (199, 82 of them shrinking)', () => {
    expect(estimateLoad({ ...settings, operations: ['InitiateAuth'] }).requests).toBeGreaterThan(199);
  });

  it('announces the run prefix with the estimate', () => {
    expect(awsAnnouncement(settings)).toEqual({ prefix: 'cc-test-', estimate: estimateLoad(settings) });
  });
});
