import type { CallResult } from '../wire/index.ts';
import {
  type BehaviourWorld,
  claimsOf,
  type ClientModel,
  comparedAttributes,
  judgeRule,
  type RuleFinding,
  type TokenSet,
  type UserModel,
  OTHER_VALUE,
  WRITTEN_VALUE,
} from './behaviour-model.ts';

/** The scope a password sign-in's access token carries (`GetUser` documents it). */
const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';

/** Keeps a token set from an AuthenticationResult (a refresh keeps its lineage and refresh token). */
export function keepTokens(
  world: BehaviourWorld,
  user: UserModel,
  client: number,
  result: Record<string, unknown>,
  refreshedFrom: TokenSet | undefined,
): void {
  if (typeof result['AccessToken'] !== 'string') return;
  const refresh =
    typeof result['RefreshToken'] === 'string' ? result['RefreshToken'] : refreshedFrom?.refresh;
  user.tokens.push({
    access: result['AccessToken'],
    ...(refresh !== undefined ? { refresh } : {}),
    client,
    lineage: refreshedFrom?.lineage ?? (world.names += 1),
  });
}

/**
 * Judges the tokens of a successful answer: the ID token's attributes and groups, the access token's scope and
 * groups, and both lifetimes against the app client's settings.
 */
export function judgeTokens(
  world: BehaviourWorld,
  operation: string,
  user: UserModel,
  clientIndex: number,
  result: CallResult,
): void {
  const client = world.clients[clientIndex] as ClientModel;
  const auth = (result.exchange.body as { AuthenticationResult?: Record<string, unknown> } | undefined)
    ?.AuthenticationResult;
  if (auth === undefined) return;
  const id = claimsOf(auth['IdToken']);
  const access = claimsOf(auth['AccessToken']);
  const at = (token: string, claim: string) => `/AuthenticationResult/${token}/${claim}`;

  const attributes: RuleFinding[] = [];
  if (id === undefined)
    attributes.push({
      kind: 'token',
      path: '/AuthenticationResult/IdToken',
      expected: 'a JWT',
      actual: auth['IdToken'] === undefined ? null : 'not a JWT',
      message: 'no ID token to read the attributes from',
    });
  else {
    const { present, absent } = comparedAttributes(user, client.readsCustom);
    for (const [name, value] of present) {
      const claim = id[name];
      const matches = name === 'email_verified' ? String(claim) === value : claim === value;
      if (!matches)
        attributes.push({
          kind: 'token',
          path: at('IdToken', name),
          expected: WRITTEN_VALUE,
          actual: claim === undefined ? null : OTHER_VALUE,
          message: `the ID token does not carry ${name} as last written`,
        });
    }
    for (const name of absent)
      if (id[name] !== undefined)
        attributes.push({
          kind: 'token',
          path: at('IdToken', name),
          expected: null,
          actual: OTHER_VALUE,
          message: `the ID token still carries ${name}, which AdminDeleteUserAttributes deleted`,
        });
  }
  judgeRule(world, operation, 'id-token-carries-attributes', result.exchange, attributes);

  if (user.groups.size > 0) {
    const groups: RuleFinding[] = [];
    for (const [token, claims] of [
      ['IdToken', id],
      ['AccessToken', access],
    ] as const) {
      const listed = claims?.['cognito:groups'];
      const missing = [...user.groups].filter((group) => !(Array.isArray(listed) && listed.includes(group)));
      if (missing.length > 0)
        groups.push({
          kind: 'token',
          path: at(token, 'cognito:groups'),
          expected: [...user.groups].sort(),
          actual: listed ?? null,
          message: `the ${token} does not list the user's groups in cognito:groups`,
        });
    }
    judgeRule(world, operation, 'groups-claim', result.exchange, groups);
  }

  const scope = access?.['scope'];
  judgeRule(
    world,
    operation,
    'access-token-scope',
    result.exchange,
    typeof scope === 'string' && scope.split(' ').includes(ADMIN_SCOPE)
      ? []
      : [
          {
            kind: 'token',
            path: at('AccessToken', 'scope'),
            expected: `a scope holding ${ADMIN_SCOPE}`,
            actual: scope ?? null,
            message: `the access token's scope lacks ${ADMIN_SCOPE}`,
          },
        ],
  );

  const lifetimes: RuleFinding[] = [];
  for (const [token, claims, seconds] of [
    ['AccessToken', access, client.accessSeconds],
    ['IdToken', id, client.idSeconds],
  ] as const) {
    // A token without numeric exp and iat has no lifetime to judge: that is the auth check's finding (the claims').
    if (typeof claims?.exp !== 'number' || typeof claims.iat !== 'number') continue;
    const lived = claims.exp - claims.iat;
    if (lived !== seconds)
      lifetimes.push({
        kind: 'token',
        path: at(token, 'exp'),
        expected: `${seconds} s (exp - iat)`,
        actual: `${lived} s (exp - iat)`,
        message: `the ${token} lives ${lived} s (exp - iat), not the ${seconds} s the app client gives`,
      });
  }
  // A missing ExpiresIn is the auth check's finding (the member's); here only a value that disagrees counts.
  if (auth['ExpiresIn'] !== undefined && auth['ExpiresIn'] !== client.accessSeconds)
    lifetimes.push({
      kind: 'token',
      path: '/AuthenticationResult/ExpiresIn',
      expected: client.accessSeconds,
      actual: auth['ExpiresIn'] ?? null,
      message: 'ExpiresIn is not the access token lifetime the app client gives',
    });
  judgeRule(world, operation, client.lifetimeRule, result.exchange, lifetimes);
}
