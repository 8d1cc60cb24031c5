import { loadModelOperations } from './model-operations.ts';

/**
 * The resource groups the report counts coverage by, in the order reports list them. Every operation of the
 * current model belongs to exactly one (src/spec/resource-groups.test.ts holds the model to that). Three kinds of
 * operation are folded into a listed group rather than given their own:
 * - passkeys (`…WebAuthn…`) into `sign-in and tokens`: a passkey is a sign-in credential (a first factor of
 *   choice-based sign-in), registered and listed by the signed-in user, not an MFA setting;
 * - the links between a user and an external identity (`AdminLinkProviderForUser`,
 *   `AdminDisableProviderForUser`) into `identity providers`: they mean nothing without a federated provider;
 * - the legacy per-user MFA options (`AdminSetUserSettings`, `SetUserSettings`, which set `MFAOptions`) and the
 *   pool's MFA configuration into `MFA`;
 * and the classic hosted UI's look (`GetUICustomization`, `SetUICustomization`) goes with managed login's under
 * `branding`.
 */
export const RESOURCE_GROUPS = [
  'pools',
  'app clients',
  'users',
  'groups',
  'sign-in and tokens',
  'MFA',
  'devices',
  'identity providers',
  'resource servers',
  'domains',
  'branding',
  'import',
  'tags',
  'logging',
  'risk',
] as const;

/** One of {@link RESOURCE_GROUPS}. */
export type ResourceGroup = (typeof RESOURCE_GROUPS)[number];

/**
 * Operation-name patterns and their group. They are disjoint: no operation of the model matches two, nor a
 * pattern and an entry of {@link GROUP_TABLE}.
 */
export const GROUP_PATTERNS: readonly (readonly [pattern: RegExp, group: ResourceGroup])[] = [
  [/^(Create|Delete|Describe|Update|List)UserPools?$/, 'pools'],
  [/UserPoolClients?$/, 'app clients'],
  [/^(Admin)?(Create|Delete|Disable|Enable|Get|List)Users?$|UserAttribute|UserPassword$/, 'users'],
  [/Group/, 'groups'],
  [
    /InitiateAuth$|RespondToAuthChallenge$|GlobalSignOut$|SignUp$|ForgotPassword$|(?<!Software)Token$|WebAuthn/,
    'sign-in and tokens',
  ],
  [/MFA|Mfa|SoftwareToken|SMS/, 'MFA'],
  [/Device/, 'devices'],
  [/IdentityProvider/, 'identity providers'],
  [/ResourceServer/, 'resource servers'],
  [/UserPoolDomain$/, 'domains'],
  [/ManagedLoginBranding|UICustomization/, 'branding'],
  [/UserImportJob|^GetCSVHeader$/, 'import'],
  [/^(Tag|Untag)Resource$|^ListTagsForResource$/, 'tags'],
  [/LogDelivery/, 'logging'],
  [/RiskConfiguration|AuthEvent/, 'risk'],
];

/** The operations of the model no pattern names, with their group (see {@link RESOURCE_GROUPS} for why). */
export const GROUP_TABLE: ReadonlyMap<string, ResourceGroup> = new Map<string, ResourceGroup>([
  ['AddCustomAttributes', 'pools'],
  ['GetSigningCertificate', 'pools'],
  ['AdminLinkProviderForUser', 'identity providers'],
  ['AdminDisableProviderForUser', 'identity providers'],
  ['AdminSetUserSettings', 'MFA'],
  ['SetUserSettings', 'MFA'],
  ['ChangePassword', 'sign-in and tokens'],
  ['ResendConfirmationCode', 'sign-in and tokens'],
  ['GetUserAuthFactors', 'sign-in and tokens'],
]);

/** An operation of the model and its resource group. */
export interface ModelOperation {
  readonly operation: string;
  readonly group: ResourceGroup;
}

/** The group of an operation: its {@link GROUP_TABLE} entry, else the first matching pattern; `undefined` if none. */
export function resourceGroupOf(operation: string): ResourceGroup | undefined {
  return GROUP_TABLE.get(operation) ?? GROUP_PATTERNS.find(([pattern]) => pattern.test(operation))?.[1];
}

/**
 * Every operation of the model (by default the committed `specs/operations/`) with its group, sorted by operation.
 * @throws Error naming the operations no pattern or table entry places.
 */
export function modelResourceGroups(operations: readonly string[] = loadModelOperations()): ModelOperation[] {
  const placed = operations.map((operation) => ({ operation, group: resourceGroupOf(operation) }));
  const unplaced = placed.filter((entry) => entry.group === undefined).map((entry) => entry.operation);
  if (unplaced.length > 0)
    throw new Error(
      `modelResourceGroups: no resource group for ${unplaced.join(', ')}; add a pattern or an entry to GROUP_TABLE in src/spec/resource-groups.ts`,
    );
  return placed as ModelOperation[];
}

/**
 * The group a user typed (`--ops app-clients`), matched ignoring case and treating spaces, `-` and `_` alike;
 * `undefined` when it names none.
 */
export function resourceGroupNamed(text: string): ResourceGroup | undefined {
  const key = groupKey(text);
  return RESOURCE_GROUPS.find((group) => groupKey(group) === key);
}

function groupKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}
