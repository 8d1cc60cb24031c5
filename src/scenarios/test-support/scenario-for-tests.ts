import { CheckRecorder } from '../../engine/index.ts';
import { loadOperationSpecs, SpecValidators } from '../../spec/index.ts';
import type { TargetDescriptor } from '../../wire/index.ts';
import { createScenarioContext, type ScenarioContext } from '../scenario-context.ts';

const SPECS = loadOperationSpecs();
const VALIDATORS = new SpecValidators(SPECS);

/** A target descriptor for scenarios run against fakes. */
export const FAKE_TARGET: TargetDescriptor = {
  kind: 'embedded',
  name: 'fake',
  endpoint: 'http://127.0.0.1:1',
  region: 'us-east-1',
};

/** What a unit test gives {@link scenarioForTests}: the fake wire, and whatever else it cares about. */
export interface ScenarioForTests {
  readonly wire: Pick<ScenarioContext['wire'], 'send'> & Partial<Pick<ScenarioContext['wire'], 'sendRaw'>>;
  readonly resources?: Partial<ScenarioContext['resources']>;
  readonly target?: TargetDescriptor;
  /** The seed of every exploration. */
  readonly seed: number;
  readonly runsPerProperty?: number;
  readonly statefulRuns?: number;
  readonly statefulMaxCommands?: number;
  /** Receives each recorder the scenario opens, by operation. */
  readonly recorders?: Map<string, CheckRecorder>;
  readonly pause?: (ms: number) => Promise<void>;
  readonly shrinkTimeLimitMs?: number;
  /** The profile's shrink budget (none when absent). */
  readonly shrinkBudget?: number;
}

/**
 * A {@link ScenarioContext} over fakes, for unit tests of scenarios: the committed specs and validators, the
 * given wire, resources whose unset methods throw (naming the method), and recorders collected in `recorders`.
 */
export function scenarioForTests(parts: ScenarioForTests): ScenarioContext {
  const target = parts.target ?? FAKE_TARGET;
  const missing = (name: string) => () => {
    throw new Error(`scenarioForTests: the test gave no ${name}`);
  };
  return createScenarioContext({
    specs: SPECS,
    validators: VALIDATORS,
    target,
    wire: {
      send: parts.wire.send.bind(parts.wire),
      sendRaw: parts.wire.sendRaw?.bind(parts.wire) ?? missing('wire.sendRaw'),
    },
    resources: resourcesFrom(parts.resources ?? {}, missing),
    settings: {
      seed: parts.seed,
      profile: 'quick',
      runsPerProperty: parts.runsPerProperty ?? 15,
      statefulRuns: parts.statefulRuns ?? 3,
      statefulMaxCommands: parts.statefulMaxCommands ?? 8,
      ...(parts.shrinkBudget !== undefined ? { shrinkBudget: parts.shrinkBudget } : {}),
    },
    openRecorder: (operation) => {
      const recorder = new CheckRecorder(operation, target, {
        profile: 'quick',
        seed: parts.seed,
        startedAt: new Date(0).toISOString(),
      });
      parts.recorders?.set(operation, recorder);
      return recorder;
    },
    seedFor: () => parts.seed,
    ...(parts.pause ? { pause: parts.pause } : {}),
    ...(parts.shrinkTimeLimitMs !== undefined ? { shrinkTimeLimitMs: parts.shrinkTimeLimitMs } : {}),
  });
}

/** The given resources' methods, bound (a class instance's methods do not survive a spread), else stand-ins. */
function resourcesFrom(
  given: Partial<ScenarioContext['resources']>,
  missing: (name: string) => () => never,
): ScenarioContext['resources'] {
  const bound = <K extends 'pool' | 'appClient' | 'user'>(name: K): ScenarioContext['resources'][K] =>
    (given[name]?.bind(given) ?? missing(`resources.${name}`)) as ScenarioContext['resources'][K];
  return {
    pool: bound('pool'),
    appClient: bound('appClient'),
    user: bound('user'),
    adoptPool: given.adoptPool?.bind(given) ?? (() => undefined),
    forgetPool: given.forgetPool?.bind(given) ?? (() => undefined),
    onCleanup: given.onCleanup?.bind(given) ?? (() => undefined),
    uniqueName: given.uniqueName?.bind(given) ?? ((label) => `cc-t-${label}`),
    prefix: given.prefix ?? 'cc-t-',
  };
}
