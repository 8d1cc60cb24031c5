import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceRecord } from '../../src/deviations/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../../src/targets/index.ts';
import { formatDetectionTable, type DetectionRow } from '../support/detection-table.ts';
import { keyText, type DeviationKey } from '../support/deviation-keys.ts';
import {
  createPoolRoundTrip,
  familyRoundTrip,
  invalidRequestsOf,
  maxResultsSweep,
  passwordFlowsOf,
  unknownIdsOf,
  updatePoolRoundTrip,
  validRequestsOf,
  type Scenario,
} from '../support/engine-scenarios.ts';
import type { Mutation } from '../support/mutation.ts';
import { MutationProxy } from '../support/mutation-proxy.ts';
import {
  ACCEPT_INVALID,
  BOOLEAN_AS_STRING,
  BROKEN_TOKEN_SIGNATURE,
  DROP_NEXT_TOKEN,
  DROP_POOL_NAME,
  DELETE_GROUP_KEEPS_IT,
  DROP_REQUEST_ID,
  ENUM_OUT_OF_RANGE,
  GET_GROUP_DROPS_NAME,
  LIST_CLIENTS_DROPS_ONE,
  HTML_SERVER_ERROR,
  LISTED_ITEM_WRONG_TYPE,
  MUTATIONS,
  NULL_STRUCTURE,
  NUMBER_AS_STRING,
  ONE_OVER_MAX_RESULTS,
  RENAMED_ERROR_TYPE,
  STALE_READ_AFTER_UPDATE,
  STALE_USER_ATTRIBUTE,
  TIMESTAMP_AS_ISO,
  TIMESTAMP_AS_NUMERIC_STRING,
  WRONG_CONTENT_TYPE,
  WRONG_EXPIRES_IN,
} from '../support/mutations.ts';
import { runThroughProxy } from '../support/proxied-run.ts';

/**
 * Proof that the suite catches deviations: each row runs the engine's own run functions twice through
 * the mutation proxy, once honest (the baseline) and once with one mutation, and the mutated run must
 * report the row's deviation (operation, check, kind, path) where the baseline did not.
 */
interface MutationRow {
  readonly mutation: Mutation;
  readonly scenario: Scenario;
  readonly caughtBy: DeviationKey;
  /** Other checks that must catch it too (the SDK's view of the same answer: sdk-parse). */
  readonly alsoCaughtBy?: readonly DeviationKey[];
}

const ROWS: readonly MutationRow[] = [
  // One row per resource family the embedded target implements (users, groups, app clients), through the family
  // round trip: a stale read, a dropped member, a listing that leaves one out, a delete that keeps the resource.
  {
    mutation: STALE_USER_ATTRIBUTE,
    scenario: familyRoundTrip('User'),
    caughtBy: {
      operation: 'AdminUpdateUserAttributes',
      check: 'round-trip',
      kind: 'missing-member',
      path: '/UserAttributes/0',
    },
  },
  {
    mutation: GET_GROUP_DROPS_NAME,
    scenario: familyRoundTrip('Group'),
    caughtBy: {
      operation: 'CreateGroup',
      check: 'round-trip',
      kind: 'missing-member',
      path: '/Group/GroupName',
    },
  },
  {
    mutation: LIST_CLIENTS_DROPS_ONE,
    scenario: familyRoundTrip('UserPoolClient'),
    caughtBy: {
      operation: 'ListUserPoolClients',
      check: 'round-trip',
      kind: 'state',
      path: '/UserPoolClients',
    },
  },
  {
    mutation: DELETE_GROUP_KEEPS_IT,
    scenario: familyRoundTrip('Group'),
    caughtBy: { operation: 'DeleteGroup', check: 'round-trip', kind: 'state', path: '' },
  },
  {
    mutation: DROP_POOL_NAME,
    scenario: createPoolRoundTrip,
    caughtBy: {
      operation: 'CreateUserPool',
      check: 'round-trip',
      kind: 'missing-member',
      path: '/UserPool/Name',
    },
  },
  {
    mutation: NUMBER_AS_STRING,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'response-schema',
      kind: 'wrong-type',
      path: '/UserPool/EstimatedNumberOfUsers',
    },
  },
  {
    mutation: BOOLEAN_AS_STRING,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'response-schema',
      kind: 'wrong-type',
      path: '/UserPool/Policies/PasswordPolicy/RequireUppercase',
    },
  },
  {
    mutation: ENUM_OUT_OF_RANGE,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'response-schema',
      kind: 'enum-value',
      path: '/UserPool/Status',
    },
    alsoCaughtBy: [
      { operation: 'DescribeUserPool', check: 'sdk-parse', kind: 'enum-value', path: '/UserPool/Status' },
    ],
  },
  {
    mutation: TIMESTAMP_AS_ISO,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'wire-format',
      kind: 'wire-format',
      path: '/UserPool/CreationDate',
    },
    alsoCaughtBy: [{ operation: 'DescribeUserPool', check: 'sdk-parse', kind: 'unreadable', path: '' }],
  },
  {
    mutation: TIMESTAMP_AS_NUMERIC_STRING,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'sdk-parse',
      kind: 'converted',
      path: '/UserPool/CreationDate',
    },
  },
  {
    mutation: NULL_STRUCTURE,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'sdk-parse',
      kind: 'missing-member',
      path: '/UserPool/Policies',
    },
  },
  {
    mutation: RENAMED_ERROR_TYPE,
    scenario: unknownIdsOf('DescribeUserPool'),
    caughtBy: { operation: 'DescribeUserPool', check: 'error-shape', kind: 'wrong-error', path: '/__type' },
    alsoCaughtBy: [
      { operation: 'DescribeUserPool', check: 'sdk-parse', kind: 'wrong-error', path: '/__type' },
    ],
  },
  {
    mutation: HTML_SERVER_ERROR,
    scenario: unknownIdsOf('DescribeUserPool'),
    caughtBy: { operation: 'DescribeUserPool', check: 'error-shape', kind: 'wrong-error', path: '/$status' },
  },
  {
    mutation: DROP_NEXT_TOKEN,
    scenario: maxResultsSweep,
    caughtBy: { operation: 'ListUserPools', check: 'stateful', kind: 'missing-member', path: '/NextToken' },
  },
  {
    mutation: ONE_OVER_MAX_RESULTS,
    scenario: maxResultsSweep,
    caughtBy: { operation: 'ListUserPools', check: 'stateful', kind: 'constraint', path: '/UserPools' },
  },
  {
    mutation: LISTED_ITEM_WRONG_TYPE,
    scenario: maxResultsSweep,
    caughtBy: {
      operation: 'ListUserPools',
      check: 'response-schema',
      kind: 'wrong-type',
      path: '/UserPools/0/Name',
    },
  },
  {
    mutation: STALE_READ_AFTER_UPDATE,
    scenario: updatePoolRoundTrip,
    caughtBy: {
      operation: 'UpdateUserPool',
      check: 'round-trip',
      kind: 'state',
      path: '/UserPool/Policies/PasswordPolicy/MinimumLength',
    },
  },
  {
    mutation: ACCEPT_INVALID,
    scenario: invalidRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'negative',
      kind: 'accepted-invalid',
      // Reported at the rule: the coverage phase always sends DescribeUserPool without its required UserPoolId.
      path: '/UserPoolId/$required',
    },
  },
  {
    mutation: BROKEN_TOKEN_SIGNATURE,
    scenario: passwordFlowsOf('InitiateAuth'),
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'auth',
      kind: 'token',
      path: '/AuthenticationResult/AccessToken/$signature',
    },
  },
  {
    mutation: WRONG_EXPIRES_IN,
    scenario: passwordFlowsOf('InitiateAuth'),
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'auth',
      kind: 'token',
      path: '/AuthenticationResult/AccessToken/exp',
    },
  },
  {
    mutation: DROP_REQUEST_ID,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'wire-format',
      kind: 'wire-format',
      path: '/$headers/x-amzn-requestid',
    },
  },
  {
    mutation: WRONG_CONTENT_TYPE,
    scenario: validRequestsOf('DescribeUserPool'),
    caughtBy: {
      operation: 'DescribeUserPool',
      check: 'wire-format',
      kind: 'wire-format',
      path: '/$headers/content-type',
    },
  },
];

const SETTINGS = { seed: 20_180_212, numRuns: 3 };

let target: StartedTarget;
let proxy: MutationProxy;
const detections = new Map<string, DetectionRow>();

beforeAll(async () => {
  target = await startEmbeddedTarget();
  proxy = await MutationProxy.start(target.descriptor.endpoint);
});

afterAll(async () => {
  const rows = ROWS.map(
    (row) =>
      detections.get(row.mutation.name) ?? {
        mutation: row.mutation.name,
        description: row.mutation.description,
        caughtBy: keyText(row.caughtBy),
        detected: false,
      },
  );
  process.stdout.write(
    `\nMutation detection (baseline honest, then mutated):\n${formatDetectionTable(rows)}\n`,
  );
  await proxy?.close();
  await target?.stop();
});

describe('mutations the suite must catch', () => {
  it('has one row per mutation of the catalogue', () => {
    expect(ROWS.map((row) => row.mutation.name).sort()).toEqual(
      MUTATIONS.map((mutation) => mutation.name).sort(),
    );
  });

  for (const row of ROWS) {
    it(
      `${row.mutation.name}: ${row.mutation.description} → ${keyText(row.caughtBy)}`,
      { timeout: 180_000 },
      async () => {
        const expected = keyText(row.caughtBy);
        const baseline = await runThroughProxy(
          proxy,
          target.descriptor,
          { honest: row.mutation.honest },
          row.scenario,
          { label: `${row.mutation.name}-base`, settings: SETTINGS },
        );
        const mutated = await runThroughProxy(
          proxy,
          target.descriptor,
          { mutation: row.mutation },
          row.scenario,
          { label: `${row.mutation.name}-mut`, settings: SETTINGS },
        );
        const detected = !baseline.keys.includes(expected) && mutated.keys.includes(expected);
        detections.set(row.mutation.name, {
          mutation: row.mutation.name,
          description: row.mutation.description,
          caughtBy: expected,
          detected,
        });

        expect(proxy.errors).toEqual([]);
        // The baseline must have judged the rule, or "not reported" would prove nothing.
        expect(
          judgedRuns(baseline.records, row.caughtBy),
          'the baseline never ran the check',
        ).toBeGreaterThan(0);
        expect(mutated.mutatedExchanges, 'the mutation changed no exchange').toBeGreaterThan(0);
        expect(baseline.keys, 'the honest baseline already reports it').not.toContain(expected);
        expect(mutated.keys, 'the mutated run does not report it').toContain(expected);
        for (const also of row.alsoCaughtBy ?? []) {
          expect(judgedRuns(baseline.records, also), `the baseline never ran ${also.check}`).toBeGreaterThan(
            0,
          );
          expect(baseline.keys, 'the honest baseline already reports it').not.toContain(keyText(also));
          expect(mutated.keys, 'the mutated run does not report it').toContain(keyText(also));
        }
      },
    );
  }
});

/** How many runs of the row's check the records judged on the row's operation (none when set-up failed). */
function judgedRuns(records: readonly ConformanceRecord[], key: DeviationKey): number {
  return records
    .filter((record) => record.operation === key.operation && record.inconclusive === undefined)
    .flatMap((record) => record.checks)
    .filter((tally) => tally.check === key.check)
    .reduce((sum, tally) => sum + tally.runs, 0);
}
