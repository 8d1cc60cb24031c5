import { existsSync } from 'node:fs';
import type { OperationSpec } from '../../../specs/format/index.ts';
import { loadOperationSpecs, SPECS_DIR } from '../../spec/index.ts';
import { HAND_WRITTEN_SPECS } from './hand-written-specs.ts';

/** A spec with where it came from, for test names. */
export interface SpecUnderTest {
  readonly label: string;
  readonly spec: OperationSpec;
}

function generatedSpecs(): OperationSpec[] {
  if (!existsSync(SPECS_DIR)) return [];
  try {
    return loadOperationSpecs();
  } catch {
    return []; // not generated yet: the hand-written schemas still cover the generators
  }
}

/** The hand-written specs always, plus `specs/operations/*.json` when they have been generated. */
export function specsUnderTest(): SpecUnderTest[] {
  return [
    ...HAND_WRITTEN_SPECS.map((spec) => ({ label: `hand-written ${spec.operation}`, spec })),
    ...generatedSpecs().map((spec) => ({ label: `generated ${spec.operation}`, spec })),
  ];
}
