import type { AwsRunAnnouncement } from '../targets/index.ts';
import type { RunSettings } from './run-settings.ts';

/**
 * A rough upper bound of what a run sends (requests) and creates (user pools), for the operator to see before a
 * run against real AWS starts.
 */
export function estimateLoad(settings: RunSettings): { requests: number; pools: number } {
  const operations = settings.operations?.length ?? 10;
  const perOperation = settings.runsPerProperty * 3 + 20;
  const stateful = settings.statefulRuns * settings.statefulMaxCommands * 3;
  return {
    requests: operations * perOperation + stateful,
    pools: operations * (settings.runsPerProperty + 3) + stateful,
  };
}

/** What a run against real AWS announces before it starts: its prefix and {@link estimateLoad}. */
export function awsAnnouncement(settings: RunSettings): AwsRunAnnouncement {
  return { prefix: settings.prefix, estimate: estimateLoad(settings) };
}
