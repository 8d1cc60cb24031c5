import { startEmbeddedTarget } from '../../src/targets/index.ts';
import {
  createPoolRoundTrip,
  familyRoundTrip,
  invalidRequestsOf,
  maxResultsSweep,
  passwordFlowsOf,
  unknownIdsOf,
  updatePoolRoundTrip,
  validRequestsOf,
} from '../support/engine-scenarios.ts';
import { describeMutationRows, type MutationRow } from '../support/mutation-rows.ts';
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

/**
 * Proof that the suite catches deviations, against the embedded cognito-local: each row's mutation must be reported
 * where the honest baseline is not (see `describeMutationRows`).
 */
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

describeMutationRows('mutations the suite must catch', ROWS, MUTATIONS, startEmbeddedTarget);
