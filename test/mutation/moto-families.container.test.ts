import { startTarget } from '../../src/targets/index.ts';
import { familyRoundTrip, relatedListingOf } from '../support/engine-scenarios.ts';
import { describeMutationRows, type MutationRow } from '../support/mutation-rows.ts';
import {
  DESCRIBE_DOMAIN_OTHER_POOL,
  DESCRIBE_PROVIDER_DROPS_TYPE,
  LIST_GROUP_USERS_DROPS_ONE,
  LIST_RESOURCE_SERVERS_DROPS_ONE,
  MOTO_MUTATIONS,
  ONE_OVER_LIMIT,
} from '../support/mutations.ts';

// Needs a container engine: moto (the pinned image, or the one scripts/container-engine.sh builds from
// ../shared/emulators/moto-5.0.1) implements the resource families the embedded cognito-local lacks, so their
// round trips can be broken through the proxy and must be caught at the right operation and path.
const ROWS: readonly MutationRow[] = [
  {
    mutation: ONE_OVER_LIMIT,
    scenario: familyRoundTrip('User'),
    caughtBy: { operation: 'ListUsers', check: 'round-trip', kind: 'constraint', path: '/Users' },
  },
  {
    mutation: LIST_GROUP_USERS_DROPS_ONE,
    scenario: relatedListingOf('ListUsersInGroup'),
    caughtBy: { operation: 'ListUsersInGroup', check: 'round-trip', kind: 'state', path: '/Users' },
  },
  {
    mutation: DESCRIBE_PROVIDER_DROPS_TYPE,
    scenario: familyRoundTrip('IdentityProvider'),
    caughtBy: {
      operation: 'CreateIdentityProvider',
      check: 'round-trip',
      kind: 'missing-member',
      path: '/IdentityProvider/ProviderType',
    },
  },
  {
    mutation: LIST_RESOURCE_SERVERS_DROPS_ONE,
    scenario: familyRoundTrip('ResourceServer'),
    caughtBy: {
      operation: 'ListResourceServers',
      check: 'round-trip',
      kind: 'state',
      path: '/ResourceServers',
    },
  },
  {
    mutation: DESCRIBE_DOMAIN_OTHER_POOL,
    scenario: familyRoundTrip('UserPoolDomain'),
    caughtBy: {
      operation: 'CreateUserPoolDomain',
      check: 'round-trip',
      kind: 'state',
      path: '/DomainDescription/UserPoolId',
    },
  },
];

describeMutationRows('resource families on moto: mutations the suite must catch', ROWS, MOTO_MUTATIONS, () =>
  startTarget({ kind: 'container', emulator: 'moto' }),
);
