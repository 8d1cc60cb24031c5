import { startTarget } from '../../src/targets/index.ts';
import {
  CHALLENGE_ALTERED_SESSION_ACCEPTED,
  GLOBAL_SIGN_OUT_REVOKES_NOTHING,
  MOTO_BEHAVIOUR_MUTATIONS,
  SHORT_PASSWORD_ACCEPTED,
  UNKNOWN_USER_HIDDEN,
} from '../support/behaviour-mutations.ts';
import { behaviourModel } from '../support/engine-scenarios.ts';
import { describeMutationRows, type MutationRow } from '../support/mutation-rows.ts';

const BEHAVIOUR = behaviourModel();

// Needs a container engine: moto (the pinned image, or the one scripts/container-engine.sh builds from
// ../shared/emulators/moto-5.0.1) keeps behaviour rules the embedded cognito-local breaks or cannot show (it accepts
// an altered Session, has no GlobalSignOut and accepts every short password), so they can be broken through the proxy
// and must be caught at the operation where the difference shows, with the rule named.
const ROWS: readonly MutationRow[] = [
  {
    mutation: CHALLENGE_ALTERED_SESSION_ACCEPTED,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'RespondToAuthChallenge',
      check: 'behaviour',
      kind: 'state',
      path: '/AuthenticationResult',
      rule: { name: 'challenge-wrong-session-refused' },
    },
  },
  {
    mutation: GLOBAL_SIGN_OUT_REVOKES_NOTHING,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'GetUser',
      check: 'behaviour',
      kind: 'token',
      path: '/$status',
      rule: { name: 'global-sign-out-revokes-tokens' },
    },
  },
  {
    mutation: SHORT_PASSWORD_ACCEPTED,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'AdminSetUserPassword',
      check: 'behaviour',
      kind: 'accepted-invalid',
      path: '/Password/$MinimumLength',
      rule: { name: 'password-policy-enforced' },
    },
  },
  {
    mutation: UNKNOWN_USER_HIDDEN,
    scenario: BEHAVIOUR,
    caughtBy: {
      operation: 'InitiateAuth',
      check: 'behaviour',
      kind: 'state',
      path: '/__type',
      rule: { name: 'user-not-found-when-legacy' },
    },
  },
];

describeMutationRows(
  'behaviour rules on moto: mutations the model must catch',
  ROWS,
  MOTO_BEHAVIOUR_MUTATIONS,
  () => startTarget({ kind: 'container', emulator: 'moto' }),
);
