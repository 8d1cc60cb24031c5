import { inOrder, unknownIdsOf, validRequestsOf, type Scenario } from './engine-scenarios.ts';

/** The operation every fault test breaks. */
export const AFFECTED_OPERATION = 'DescribeUserPool';

/** Run before the affected operation: its results must not change. */
export const OPERATION_BEFORE = 'ListUserPools';

/** Run after the affected operation: its results must not change either (unless the target is gone). */
export const OPERATION_AFTER = 'DescribeUserPoolClient';

/**
 * What the fault tests run: an operation before the affected one, the affected one (valid requests and
 * unknown ids), and one after it, each as its operation suite would run it.
 */
export const FAULT_SCENARIO: Scenario = inOrder(
  validRequestsOf(OPERATION_BEFORE),
  validRequestsOf(AFFECTED_OPERATION),
  unknownIdsOf(AFFECTED_OPERATION),
  validRequestsOf(OPERATION_AFTER),
);
