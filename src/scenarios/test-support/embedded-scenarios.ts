import { afterAll, afterEach, beforeAll } from 'vitest';
import type { CheckRecorder } from '../../engine/index.ts';
import { ResourceFactory } from '../../resources/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../../targets/index.ts';
import { WireClient } from '../../wire/index.ts';
import type { ScenarioContext } from '../scenario-context.ts';
import { scenarioForTests } from './scenario-for-tests.ts';

/** A test file's cognito-local, and fresh scenarios against it. */
export interface EmbeddedScenarios {
  /** A scenario with resources of its own under the file's prefix, deleted after the test. */
  scenario(options?: { seed?: number; recorders?: Map<string, CheckRecorder> }): ScenarioContext;
  /** The running target and the client every scenario of the file shares (set once `beforeAll` has run). */
  readonly target: () => StartedTarget;
  readonly wire: () => WireClient;
  /** Deletes what the current scenario created, before the test ends. */
  cleanup(): Promise<void>;
}

/**
 * Starts a cognito-local before the file's tests and stops it after them; each {@link EmbeddedScenarios.scenario}
 * gets its own resource factory, cleaned up after its test. Call at the top level of an embedded test file.
 */
export function useEmbeddedScenarios(prefix: string): EmbeddedScenarios {
  let started: StartedTarget | undefined;
  let client: WireClient | undefined;
  let resources: ResourceFactory | undefined;
  beforeAll(async () => {
    started = await startEmbeddedTarget();
    client = new WireClient(started.descriptor);
  });
  afterEach(() => resources?.cleanup());
  afterAll(async () => {
    client?.destroy();
    await started?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('useEmbeddedScenarios: the target did not start (see beforeAll)');
    return value;
  };
  return {
    scenario(options = {}) {
      resources = new ResourceFactory(ready(client), prefix);
      return scenarioForTests({
        wire: ready(client),
        resources,
        target: ready(started).descriptor,
        seed: options.seed ?? 1,
        ...(options.recorders ? { recorders: options.recorders } : {}),
      });
    },
    target: () => ready(started),
    wire: () => ready(client),
    cleanup: async () => resources?.cleanup(),
  };
}
