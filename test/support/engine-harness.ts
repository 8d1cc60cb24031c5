import { CheckRecorder } from '../../src/engine/index.ts';
import type { ConformanceRecord } from '../../src/deviations/index.ts';
import { ResourceFactory } from '../../src/resources/index.ts';
import { createScenarioContext, type ScenarioContext } from '../../src/scenarios/index.ts';
import { loadOperationSpecs, SpecValidators } from '../../src/spec/index.ts';
import type { OperationSpec } from '../../specs/format/index.ts';
import { type TargetDescriptor, WireClient, type WireClientOptions } from '../../src/wire/index.ts';

const SPECS = loadOperationSpecs();
const VALIDATORS = new SpecValidators(SPECS);

/**
 * What the suites' fixtures give a test (a WireClient, a ResourceFactory, recorders per operation), for
 * tests that drive the engine's run functions directly against a target of their own (the mutation
 * proxy). One harness is one run: its recorders hold that run's findings only.
 */
export class EngineHarness {
  readonly specs: readonly OperationSpec[] = SPECS;
  readonly validators: SpecValidators = VALIDATORS;
  readonly wire: WireClient;
  readonly resources: ResourceFactory;
  private readonly recorders: CheckRecorder[] = [];

  constructor(
    readonly target: TargetDescriptor,
    readonly prefix: string,
    wireOptions: WireClientOptions = {},
  ) {
    this.wire = new WireClient(target, wireOptions);
    this.resources = new ResourceFactory(this.wire, prefix);
  }

  /** Opens a recorder for one operation's findings, as the `conformance` fixture does. */
  recorder(operation: string): CheckRecorder {
    const recorder = new CheckRecorder(operation, this.target, {
      profile: 'quick',
      seed: 0,
      startedAt: new Date(0).toISOString(),
    });
    this.recorders.push(recorder);
    return recorder;
  }

  /**
   * A scenario context as the `scenario` fixture gives one, with one fixed seed for every exploration and
   * `numRuns` runs per property (and stateful sequences), so a row replays exactly.
   */
  scenario(settings: { readonly seed: number; readonly numRuns: number }): ScenarioContext {
    return createScenarioContext({
      specs: this.specs,
      validators: this.validators,
      target: this.target,
      wire: this.wire,
      resources: this.resources,
      settings: {
        seed: settings.seed,
        profile: 'quick',
        runsPerProperty: settings.numRuns,
        statefulRuns: settings.numRuns,
        statefulMaxCommands: 8,
      },
      openRecorder: (operation) => this.recorder(operation),
      seedFor: () => settings.seed,
    });
  }

  /** The records of every recorder opened, as the reporter would receive them. */
  records(): ConformanceRecord[] {
    return this.recorders.map((recorder) => recorder.toRecord());
  }

  /** Deletes what the run created and closes the client; a cleanup the target no longer allows is reported, not thrown. */
  async dispose(): Promise<string | undefined> {
    try {
      await this.resources.cleanup();
      return undefined;
    } catch (error) {
      return (error as Error).message;
    } finally {
      this.wire.destroy();
    }
  }
}

/** The target as the suite sees it behind the proxy. */
export function proxiedTarget(target: TargetDescriptor, endpoint: string): TargetDescriptor {
  return { ...target, kind: 'endpoint', name: `${target.name} via mutation proxy`, endpoint };
}
