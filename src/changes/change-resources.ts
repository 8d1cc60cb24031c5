/**
 * The resource kinds whose operations the 2018-02-12 changes touch, and the little about each that cannot
 * be read off the specs: how to create a bare one, which ids address it, and how to spot it in a list.
 * Operation names derive from the noun (`Create<noun>`, `Update<noun>`, `Describe<noun>`, `List<noun>s`).
 */
export interface ChangeResource {
  readonly noun: string;
  /** Whether the resource lives in a user pool, which must exist first. */
  readonly inPool: boolean;
  /** The required members of a bare `Create<noun>` request. */
  baseCreate(uniqueName: (label: string) => string, userPoolId: string | undefined): Record<string, unknown>;
  /** The request members addressing the created resource (for Update, Describe), from the Create response. */
  idsFrom(createBody: unknown): Record<string, string> | undefined;
  /** Whether an item of the `List<noun>s` response is the resource `ids` address. */
  isListed(item: unknown, ids: Readonly<Record<string, string>>): boolean;
}

const USER_POOL: ChangeResource = {
  noun: 'UserPool',
  inPool: false,
  baseCreate: (uniqueName) => ({ PoolName: uniqueName('change-pool') }),
  idsFrom: (body) => {
    const id = member(member(body, 'UserPool'), 'Id');
    return typeof id === 'string' ? { UserPoolId: id } : undefined;
  },
  isListed: (item, ids) => member(item, 'Id') === ids['UserPoolId'],
};

const USER_POOL_CLIENT: ChangeResource = {
  noun: 'UserPoolClient',
  inPool: true,
  baseCreate: (uniqueName, userPoolId) => ({
    UserPoolId: userPoolId,
    ClientName: uniqueName('change-client'),
  }),
  idsFrom: (body) => {
    const client = member(body, 'UserPoolClient');
    const poolId = member(client, 'UserPoolId');
    const clientId = member(client, 'ClientId');
    return typeof poolId === 'string' && typeof clientId === 'string'
      ? { UserPoolId: poolId, ClientId: clientId }
      : undefined;
  },
  isListed: (item, ids) => member(item, 'ClientId') === ids['ClientId'],
};

/** Every resource kind the `changes` check knows how to create and observe. */
export const CHANGE_RESOURCES: Readonly<Record<string, ChangeResource>> = {
  UserPool: USER_POOL,
  UserPoolClient: USER_POOL_CLIENT,
};

/** The verbs of resource operations, in the order a resource lives through them. */
export type ResourceVerb = 'Create' | 'Update' | 'Describe' | 'List';

/** Splits `CreateUserPoolClient` into verb and resource (`List<noun>s` loses its plural); undefined otherwise. */
export function resourceOperation(
  operation: string,
): { readonly verb: ResourceVerb; readonly resource: ChangeResource } | undefined {
  const match = /^(Create|Update|Describe|List)(\w+)$/.exec(operation);
  if (!match) return undefined;
  const verb = match[1] as ResourceVerb;
  const noun = verb === 'List' ? (match[2] ?? '').replace(/s$/, '') : (match[2] ?? '');
  const resource = CHANGE_RESOURCES[noun];
  return resource ? { verb, resource } : undefined;
}

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
