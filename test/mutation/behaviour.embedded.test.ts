import { startEmbeddedTarget } from '../../src/targets/index.ts';
import {
  BEHAVIOUR_MUTATIONS,
  CHALLENGE_WITHOUT_SESSION,
  CHANGE_PASSWORD_CHANGES_NOTHING,
  ID_TOKEN_LIVES_LONGER,
  ID_TOKEN_WITHOUT_GROUPS,
  LIST_USERS_SHOWS_DISABLED_ENABLED,
  REVOKE_TOKEN_REVOKES_NOTHING,
  STALE_GIVEN_NAME,
  STATUS_SHOWN_CONFIRMED,
  UNKNOWN_USER_REVEALED,
  UPDATE_POOL_KEEPS_POLICIES,
} from '../support/behaviour-mutations.ts';
import { behaviourModel } from '../support/engine-scenarios.ts';
import { describeMutationRows, type MutationRow } from '../support/mutation-rows.ts';

const BEHAVIOUR = behaviourModel();

/**
 * Proof that the behaviour model catches broken rules, against the embedded cognito-local: one row per behaviour
 * area of `specs/behaviour-rules.json`, each breaking a rule cognito-local keeps, caught at the operation where the
 * difference shows (update semantics at the update) with the rule named (see `describeMutationRows`).
 */
const ROWS: readonly MutationRow[] = [
  {
    mutation: STATUS_SHOWN_CONFIRMED,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'AdminGetUser',
      check: 'behaviour',
      kind: 'state',
      path: '/UserStatus',
      rule: { name: 'admin-create-gives-force-change-password' },
    },
  },
  {
    mutation: LIST_USERS_SHOWS_DISABLED_ENABLED,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'ListUsers',
      check: 'behaviour',
      kind: 'state',
      path: '/Users/*/Enabled',
      rule: { name: 'disabled-user-still-listed' },
    },
  },
  {
    // cognito-local challenges a temporary password at InitiateAuth only; AdminInitiateAuth returns tokens.
    mutation: CHALLENGE_WITHOUT_SESSION,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'behaviour',
      kind: 'state',
      path: '/Session/$required',
      rule: { name: 'temporary-password-gets-new-password-challenge' },
    },
  },
  {
    mutation: ID_TOKEN_WITHOUT_GROUPS,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'behaviour',
      kind: 'token',
      path: '/AuthenticationResult/IdToken/cognito:groups',
      rule: { name: 'groups-claim' },
    },
  },
  {
    // The honest run reports the secret client's lifetimes under token-validity-defaults; this is client 0's.
    mutation: ID_TOKEN_LIVES_LONGER,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'behaviour',
      kind: 'token',
      path: '/AuthenticationResult/IdToken/exp',
      rule: { name: 'token-validity-follows-client' },
    },
  },
  {
    mutation: REVOKE_TOKEN_REVOKES_NOTHING,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'behaviour',
      kind: 'token',
      path: '/AuthenticationResult',
      rule: { name: 'revoke-token-revokes-its-tokens' },
    },
  },
  {
    // cognito-local accepts every short password, so password-policy-enforced holds nowhere to be broken there.
    mutation: CHANGE_PASSWORD_CHANGES_NOTHING,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'behaviour',
      kind: 'state',
      path: '/AuthenticationResult',
      rule: { name: 'password-change-takes-effect' },
    },
  },
  {
    mutation: STALE_GIVEN_NAME,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'AdminGetUser',
      check: 'behaviour',
      kind: 'state',
      path: '/UserAttributes/given_name',
      rule: { name: 'attribute-changes-visible' },
    },
  },
  {
    mutation: UPDATE_POOL_KEEPS_POLICIES,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'UpdateUserPool',
      check: 'behaviour',
      kind: 'state',
      path: '/UserPool/Policies/PasswordPolicy/TemporaryPasswordValidityDays',
      rule: { name: 'update-pool-resets-omitted-settings' },
    },
  },
  {
    mutation: UNKNOWN_USER_REVEALED,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'behaviour',
      kind: 'state',
      path: '/__type',
      rule: { name: 'user-existence-hidden-when-enabled' },
    },
  },
];

describeMutationRows('behaviour rules the model must catch', ROWS, BEHAVIOUR_MUTATIONS, startEmbeddedTarget);
