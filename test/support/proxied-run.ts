import type { ConformanceRecord } from '../../src/deviations/index.ts';
import type { TargetDescriptor, WireClientOptions } from '../../src/wire/index.ts';
import { deviationKeys } from './deviation-keys.ts';
import { EngineHarness, proxiedTarget } from './engine-harness.ts';
import type { Scenario, ScenarioSettings } from './engine-scenarios.ts';
import type { MutationProxy, ProxyConfig } from './mutation-proxy.ts';

/** What one run through the proxy produced. */
export interface ProxiedRunResult {
  readonly records: readonly ConformanceRecord[];
  /** `operation check kind path` of every deviation, sorted. */
  readonly keys: readonly string[];
  /** Exchanges the mutation changed. */
  readonly mutatedExchanges: number;
  readonly ms: number;
  /** Why deleting the run's pools failed (a killed target), if it did. */
  readonly cleanupError?: string;
}

export interface ProxiedRunOptions {
  readonly label: string;
  readonly settings: ScenarioSettings;
  readonly wire?: WireClientOptions;
}

/**
 * Runs `scenario` through the proxy in the mode `config` sets, with a harness of its own (fresh
 * recorders, a resource prefix per label), then puts the proxy back in plain mode before deleting what
 * the run created, so clean-up is never mutated.
 */
export async function runThroughProxy(
  proxy: MutationProxy,
  target: TargetDescriptor,
  config: ProxyConfig,
  scenario: Scenario,
  options: ProxiedRunOptions,
): Promise<ProxiedRunResult> {
  proxy.configure(config);
  const harness = new EngineHarness(
    proxiedTarget(target, proxy.endpoint),
    `cc-${options.label}-`,
    options.wire ?? {},
  );
  const started = performance.now();
  let mutatedExchanges = 0;
  try {
    await scenario(harness, options.settings);
  } finally {
    mutatedExchanges = proxy.mutatedExchanges;
    proxy.configure({});
  }
  const ms = performance.now() - started;
  const cleanupError = await harness.dispose();
  const records = harness.records();
  return {
    records,
    keys: deviationKeys(records),
    mutatedExchanges,
    ms,
    ...(cleanupError !== undefined ? { cleanupError } : {}),
  };
}
