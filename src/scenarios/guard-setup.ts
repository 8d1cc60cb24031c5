import type { CheckRecorder } from '../engine/index.ts';
import { isUnsupportedOperation } from '../protocol/index.ts';
import { SetupError } from '../resources/index.ts';

/**
 * Runs a scenario whose set-up may be refused. A refused prerequisite does not blame the operation under
 * test: the recorder is marked inconclusive, or unsupported when the refused call is the operation itself
 * and the target says it does not implement it. Other errors propagate (they are harness faults).
 */
export async function guardSetup(recorder: CheckRecorder, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    if (error.operation === recorder.operation && isUnsupportedOperation(error.exchange)) {
      recorder.markUnsupported(`the target does not implement ${recorder.operation}`);
    } else {
      recorder.markInconclusive(`set-up needs ${error.operation}, which failed (${error.answer})`);
    }
  }
}
