import { buildReport } from '../../src/report/index.ts';
import type { Verdict, ConformanceRecord } from '../../src/deviations/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../../src/targets/index.ts';
import type { WireClientOptions } from '../../src/wire/index.ts';
import type { Scenario, ScenarioSettings } from './engine-scenarios.ts';
import type { Mutation } from './mutation.ts';
import { MutationProxy } from './mutation-proxy.ts';
import { runThroughProxy, type ProxiedRunResult } from './proxied-run.ts';

/**
 * A fault test's set-up: cognito-local behind the mutation proxy, and the honest baseline of the
 * scenario, against which a run with a fault is compared.
 */
export class FaultBench {
  private runs = 0;

  private constructor(
    readonly target: StartedTarget,
    readonly proxy: MutationProxy,
    private readonly scenario: Scenario,
    private readonly settings: ScenarioSettings,
    readonly baseline: ProxiedRunResult,
  ) {}

  static async start(scenario: Scenario, settings: ScenarioSettings): Promise<FaultBench> {
    const target = await startEmbeddedTarget();
    const proxy = await MutationProxy.start(target.descriptor.endpoint);
    const baseline = await runThroughProxy(proxy, target.descriptor, {}, scenario, {
      label: 'fault-baseline',
      settings,
    });
    return new FaultBench(target, proxy, scenario, settings, baseline);
  }

  /** The scenario once more, with `fault` installed on the proxy. */
  run(fault: Mutation, wire: WireClientOptions): Promise<ProxiedRunResult> {
    this.runs += 1;
    return runThroughProxy(this.proxy, this.target.descriptor, { mutation: fault }, this.scenario, {
      label: `fault-${this.runs}`,
      settings: this.settings,
      wire,
    });
  }

  async stop(): Promise<void> {
    await this.proxy.close();
    await this.target.stop();
  }
}

/** The verdict the report would give each operation of these records. */
export function verdictsOf(records: readonly ConformanceRecord[]): Record<string, Verdict> {
  const report = buildReport(records, {
    toolVersion: 'test',
    sdkVersion: 'test',
    documents: [],
    specOperations: 0,
    durationMs: 0,
  });
  return Object.fromEntries(report.operations.map((operation) => [operation.operation, operation.verdict]));
}
