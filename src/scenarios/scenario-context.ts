import type { OperationSpec } from '../../specs/format/index.ts';
import {
  checkResponseSchema,
  checkSdkParse,
  RESPONSE_SCHEMA_CHECK,
  SDK_PARSE_CHECK,
} from '../checks/index.ts';
import type { Exchange } from '../protocol/index.ts';
import type { CheckRecorder } from '../engine/index.ts';
import type { ResourceFactory } from '../resources/index.ts';
import { seedFor, type RunSettings } from '../settings/index.ts';
import type { SpecValidators } from '../spec/index.ts';
import { type CallResult, sdkEnumValues, type TargetDescriptor, type WireClient } from '../wire/index.ts';

/**
 * The one context every scenario runs in: what the fixtures hand over for one test. Scenarios derive the rest
 * (the operation's spec, its recorder, a seed for each exploration) from it, so a suite only names the
 * scenario and the operation.
 */
export interface ScenarioContext {
  /** Every operation spec, as committed. */
  readonly specs: readonly OperationSpec[];
  /** Validators of those specs, compiled once per worker. */
  readonly validators: SpecValidators;
  /** Where requests go and what the report says about it. */
  readonly target: TargetDescriptor;
  /**
   * Sends through the SDK (`send`) or raw, past its serialisation (`sendRaw`), capturing each exchange. In a
   * context from {@link createScenarioContext}, what the SDK made of every answer is judged by the sdk-parse check
   * and recorded for the exchange's operation.
   */
  readonly wire: Pick<WireClient, 'send' | 'sendRaw'>;
  /** Creates what a scenario needs under the run prefix and deletes it when the test ends. */
  readonly resources: Pick<
    ResourceFactory,
    'pool' | 'appClient' | 'user' | 'adoptPool' | 'forgetPool' | 'uniqueName' | 'prefix' | 'onCleanup'
  >;
  /**
   * How hard to look: runs per property, stateful sequences and commands per sequence, and the requests one
   * rule's shrink may send (no budget when absent).
   */
  readonly profile: Pick<
    RunSettings,
    'profile' | 'runsPerProperty' | 'statefulRuns' | 'statefulMaxCommands'
  > &
    Partial<Pick<RunSettings, 'shrinkBudget'>>;
  /** The recorder of one operation's findings in this test, opened on first use. */
  recorderFor(operation: string): CheckRecorder;
  /** A seed (32-bit integer) for one exploration, derived from the run seed and `label`. */
  seedFor(label: string): number;
  /** Waits (milliseconds); tests with a fake clock pass a no-op. Default: a real timer. */
  readonly pause?: (ms: number) => Promise<void>;
  /** Bounds each shrink in milliseconds (default 30 000), in case a target answers slowly. */
  readonly shrinkTimeLimitMs?: number;
  /**
   * Whether the run reports `operation` (`--ops`): a scenario over several operations puts what belongs to the run
   * as a whole on a reported one. Absent: every operation is.
   */
  readonly isSelected?: (operation: string) => boolean;
}

/** What {@link createScenarioContext} builds a context from: the fixtures of one test, or a bench or tool's own. */
export interface ScenarioParts extends Omit<ScenarioContext, 'recorderFor' | 'seedFor' | 'profile'> {
  /** The run's settings: its seed and profile. */
  readonly settings: Pick<
    RunSettings,
    'seed' | 'profile' | 'runsPerProperty' | 'statefulRuns' | 'statefulMaxCommands'
  > &
    Partial<Pick<RunSettings, 'shrinkBudget' | 'operations'>>;
  /** Opens a new recorder for an operation (called at most once per operation). */
  readonly openRecorder: (operation: string) => CheckRecorder;
  /** Overrides the seed of every exploration (a harness replaying one fixed seed); default: derived per label. */
  readonly seedFor?: (label: string) => number;
}

/**
 * A {@link ScenarioContext} over `parts`: one recorder per operation, opened on first use, and seeds derived
 * from the run seed and a label ({@link seedFor}), so results do not depend on test order or concurrency. Every
 * call through its `wire` is judged by the sdk-parse check, and a listing that holds items by the response-schema
 * check ({@link judgingAnswers}).
 */
export function createScenarioContext(parts: ScenarioParts): ScenarioContext {
  const { settings, openRecorder, seedFor: fixedSeed, wire, ...rest } = parts;
  const recorders = new Map<string, CheckRecorder>();
  const recorderFor = (operation: string): CheckRecorder => {
    let recorder = recorders.get(operation);
    if (recorder === undefined) {
      recorder = openRecorder(operation);
      recorders.set(operation, recorder);
    }
    return recorder;
  };
  return {
    ...rest,
    wire: judgingAnswers(wire, rest.specs, rest.validators, recorderFor),
    profile: settings,
    recorderFor,
    seedFor: fixedSeed ?? ((label) => seedFor(settings.seed, label)),
    ...(settings.operations !== undefined
      ? { isSelected: (operation: string) => settings.operations?.includes(operation) === true }
      : {}),
  };
}

/**
 * `wire`, with every answer judged beyond what the scenario itself judges, on the recorder of the exchange's
 * operation (operations with a spec only; one run per call), with the request as sent (raw or through the SDK) to
 * reproduce it:
 * - what the SDK made of it, by the sdk-parse check (`checkSdkParse`, against the SDK in use); what the SDK sent
 *   (header names, serialised members) is noted there too;
 * - a page of a paginated operation that holds items (`OperationSpec.pagination.items`), by the response-schema
 *   check: the scenarios that judge a listing's answers usually see it empty, while stateful sequences, round trips
 *   and the sweeps list real pools, whose items must match the schema too.
 */
export function judgingAnswers(
  wire: Pick<WireClient, 'send' | 'sendRaw'>,
  specs: readonly OperationSpec[],
  validators: SpecValidators,
  recorderFor: (operation: string) => CheckRecorder,
): Pick<WireClient, 'send' | 'sendRaw'> {
  const byOperation = new Map(specs.map((spec) => [spec.operation, spec]));
  const judge =
    (request: unknown, raw: boolean) =>
    (result: CallResult): CallResult => {
      const { operation } = result.exchange;
      const spec = byOperation.get(operation);
      // Set-up calls of operations the suite has no spec of (AdminCreateUser before a sign-in) are not judged.
      if (spec === undefined) return result;
      const recorder = recorderFor(operation);
      recorder.sawSdkRequest(result.exchange, !raw);
      const findings = checkSdkParse(spec, result, { enumValues: sdkEnumValues });
      recorder.record(SDK_PARSE_CHECK, findings, { request, raw });
      if (holdsListedItems(spec, result.exchange))
        recorder.record(
          RESPONSE_SCHEMA_CHECK,
          checkResponseSchema(validators, result.exchange, spec.laterResponseMembers),
          { request, raw },
        );
      return result;
    };
  return {
    send: (operation, input) => wire.send(operation, input).then(judge(input, false)),
    sendRaw: (operation, body) => wire.sendRaw(operation, body).then(judge(body, true)),
  };
}

/** Whether a 2xx answer of a paginated operation holds at least one item in its items member. */
function holdsListedItems(spec: OperationSpec, exchange: Exchange): boolean {
  const items = spec.pagination?.items;
  if (items === undefined || exchange.status < 200 || exchange.status >= 300) return false;
  const listed = (exchange.body as Record<string, unknown> | undefined)?.[items];
  return Array.isArray(listed) && listed.length > 0;
}
