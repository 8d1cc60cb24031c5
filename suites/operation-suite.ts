import fc from 'fast-check';
import { describe } from 'vitest';
import { conformanceTest, isSelected, type SuiteFixtures } from '../fixtures/index.ts';
import { fixupFor, invalidRequests, validRequests } from '../src/generate/index.ts';
import type { CheckRecorder } from '../src/engine/index.ts';
import { isUnsupportedOperation } from '../src/protocol/index.ts';
import { SetupError, type ResourceFactory } from '../src/resources/index.ts';
import {
  createPrerequisites,
  type LiveResources,
  runInvalidRequests,
  runUnknownIds,
  runValidRequests,
  unknownIdVariants,
  type OperationRunContext,
} from '../src/scenarios/index.ts';
import { seedFor } from '../src/settings/index.ts';
import { specFor, type SpecValidators } from '../src/spec/index.ts';

/** The operation suites validate responses, so they need the compiled validators too. */
type OperationSuiteFixtures = SuiteFixtures & { readonly validators: SpecValidators };

/**
 * The generic checks every operation gets, derived from its spec: valid generated requests (positive,
 * wire-format, response-schema), requests breaking one rule each (negative), and unknown ids
 * (error-shape) where the request names a pool or client. Nothing here is specific to one emulator.
 */
export function describeOperation(operation: string): void {
  describe(operation, () => {
    operationTest(
      operation,
      'valid requests are accepted and match the response schema',
      async (fixtures) => {
        const prepared = await prepare(fixtures, operation, 'valid');
        if (!prepared) return;
        const { context, fixups } = prepared;
        await runValidRequests(context, validRequests(context.spec, fixupFor(operation), fixups));
      },
    );

    operationTest(
      operation,
      'requests breaking one rule are rejected with an allowed 4xx',
      async (fixtures) => {
        const prepared = await prepare(fixtures, operation, 'invalid');
        if (!prepared) return;
        const { context, fixups } = prepared;
        await runInvalidRequests(context, invalidRequests(context.spec, fixupFor(operation), fixups));
      },
    );

    operationTest(
      operation,
      'unknown pool and client ids give ResourceNotFoundException',
      async (fixtures, skip) => {
        const spec = specFor(fixtures.specs, operation);
        skip(unknownIdVariants(spec, {}).length === 0, `${operation} names no pool or client`);
        const prepared = await prepare(fixtures, operation, 'unknown-ids');
        if (!prepared) return;
        const { context, fixups } = prepared;
        const [valid] = fc.sample(validRequests(spec, fixupFor(operation), fixups), {
          seed: context.seed,
          numRuns: 1,
        });
        if (valid) await runUnknownIds(context, valid);
      },
    );
  });
}

/** A test of one operation, skipped (with the reason shown) when the run did not select it (`--ops`). */
function operationTest(
  operation: string,
  name: string,
  body: (fixtures: OperationSuiteFixtures, skip: (condition: boolean, note: string) => void) => Promise<void>,
): void {
  conformanceTest(name, async ({ skip, specs, validators, wire, resources, settings, conformance }) => {
    skip(!isSelected(settings.operations, operation), 'operation not selected (--ops)');
    await body({ specs, validators, wire, resources, settings, conformance }, skip);
  });
}

/** Opens the operation's recorder and creates its prerequisites; undefined when they could not be made. */
async function prepare(fixtures: OperationSuiteFixtures, operation: string, label: string) {
  const spec = specFor(fixtures.specs, operation);
  const recorder = fixtures.conformance.recorder(operation);
  const live = await prerequisitesOrVerdict(operation, recorder, () =>
    createPrerequisites(spec, fixtures.resources, fixtures.wire),
  );
  if (!live) return undefined;
  const context: OperationRunContext = {
    spec,
    validators: fixtures.validators,
    wire: fixtures.wire,
    resources: fixtures.resources,
    recorder,
    seed: seedFor(fixtures.settings.seed, `${operation}:${label}`),
    numRuns: fixtures.settings.runsPerProperty,
  };
  return { context, fixups: fixupContext(live, fixtures.resources) };
}

/** The fix-ups' view of the live resources, plus unique names that carry the run prefix. */
function fixupContext(live: LiveResources, resources: ResourceFactory) {
  return {
    ...live,
    uniqueName: (label: string) => resources.uniqueName(label),
    lambdaArn: () => `arn:aws:lambda:us-east-1:123456789012:function:${resources.prefix}trigger`,
  };
}

/**
 * Creates what the operation needs. When the target refuses, the operation under test is not to blame:
 * it is inconclusive, and if the refused prerequisite is the operation itself, unsupported.
 */
async function prerequisitesOrVerdict(
  operation: string,
  recorder: CheckRecorder,
  create: () => Promise<LiveResources>,
): Promise<LiveResources | undefined> {
  try {
    return await create();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    if (error.operation === operation && isUnsupportedOperation(error.exchange)) {
      recorder.markUnsupported(`the target does not implement ${operation}`);
    } else {
      recorder.markInconclusive(
        `set-up needs ${error.operation}, which failed (HTTP ${error.exchange.status})`,
      );
    }
    return undefined;
  }
}
