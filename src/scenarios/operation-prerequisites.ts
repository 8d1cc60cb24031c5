import { Secret, TOTP } from 'otpauth';
import type {
  IdLocation,
  OperationSpec,
  OutOfBandInput,
  PrerequisiteWalk,
} from '../../specs/format/index.ts';
import { walkPrerequisites } from '../../specs/format/index.ts';
import { baseRequest, type FixupContext, fixupFor, getPointer, liveIdentifier } from '../generate/index.ts';
import { type ResourceFactory, SetupError } from '../resources/index.ts';
import { loadResourceGraph } from '../spec/index.ts';
import type { CallResult, WireClient } from '../wire/index.ts';

/** Live resources a generated request may refer to: the part of the fix-ups' context the set-up provides. */
export type LiveResources = Pick<
  FixupContext,
  'userPoolId' | 'clientId' | 'clientSecret' | 'username' | 'password' | 'refreshToken' | 'identifiers'
> & {
  /**
   * Why a valid request cannot be made, where the set-up could not supply everything the operation needs: an
   * identifier no call of the API gives the set-up here (a `Session` comes only with a challenge), or an out-of-band
   * value (a code sent by email, a WebAuthn authenticator's answer). The positive path is then inconclusive with
   * this reason; the negative and error-shape checks still run.
   */
  readonly unavailable?: string;
};

/**
 * What an operation needs before it can be called validly, from the resource graph (`specs/resource-graph.json`):
 * the identifiers its request names that must exist, and theirs ({@link walkPrerequisites}); for a request with
 * `AuthParameters`, also a user with a permanent password (and a refresh token, for the refresh flows).
 */
export function prerequisitesOf(spec: OperationSpec): PrerequisiteWalk | undefined {
  const graph = loadResourceGraph();
  return graph.operations[spec.operation] === undefined
    ? undefined
    : walkPrerequisites(graph, spec.operation);
}

/**
 * Creates the prerequisites of `spec` by walking the resource graph: pools, app clients and users through the
 * resource factory (named with the run prefix, deleted with their pool), tokens by signing the user in, and every
 * other identifier through its creator's smallest valid request (`specs` gives the creator's spec), whose deletion
 * is registered to run before the pool's. Identifiers and out-of-band values the set-up cannot make are named in
 * `unavailable`. Throws `SetupError` when the target refuses a call the set-up needs.
 */
export async function createPrerequisites(
  spec: OperationSpec,
  resources: Pick<ResourceFactory, 'pool' | 'appClient' | 'user' | 'onCleanup' | 'uniqueName'>,
  wire: Pick<WireClient, 'send'>,
  specs: readonly OperationSpec[] = [],
): Promise<LiveResources> {
  const walk = prerequisitesOf(spec);
  if (walk === undefined) return {};
  let live: Mutable<LiveResources> = {};
  const identifiers: Record<string, string> = {};
  const missing: string[] = [];
  const context = (): FixupContext => ({
    ...live,
    identifiers,
    uniqueName: (label) => resources.uniqueName(label),
  });
  for (const step of walk.creations) {
    const kinds = step.yields.map(({ kind }) => kind);
    if (step.operation === 'CreateUserPool') {
      live = { ...live, userPoolId: (await resources.pool()).id };
    } else if (step.operation === 'CreateUserPoolClient' && live.userPoolId !== undefined) {
      const client = await resources.appClient(live.userPoolId);
      live = {
        ...live,
        clientId: client.clientId,
        ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
      };
    } else if (kinds.includes('Username') && live.userPoolId !== undefined) {
      const user = await resources.user(live.userPoolId);
      live = { ...live, username: user.username, password: user.password };
    } else if (SIGN_IN_OPERATIONS.includes(step.operation)) {
      const result = await signIn(wire, live);
      for (const { kind, id } of step.yields) {
        const value = result === undefined ? undefined : stringAt(result.output, id.pointer);
        if (value === undefined) missing.push(`a ${kind} (a password sign-in gave none)`);
        else if (kind === 'RefreshToken') live = { ...live, refreshToken: value };
        else identifiers[kind] = value;
      }
    } else {
      const made = await createGeneric(step.operation, step.yields, specs, wire, context());
      if (typeof made === 'string') missing.push(made);
      else {
        Object.assign(identifiers, made);
        registerDeletions(walk, step.yields, resources, wire, () => ({ ...context(), identifiers }));
      }
    }
  }
  // A request that signs in (AuthParameters) also needs a refresh token for the refresh flows.
  const members = Object.keys((spec.request['properties'] ?? {}) as Record<string, unknown>);
  if (members.includes('AuthParameters') && live.username !== undefined && live.refreshToken === undefined) {
    const token = stringAt((await signIn(wire, live))?.output, '/AuthenticationResult/RefreshToken');
    if (token !== undefined) live = { ...live, refreshToken: token };
  }
  const outOfBand: string[] = [];
  for (const { input } of walk.outOfBand) {
    const supplied = await supplyOutOfBand(input, wire, identifiers);
    if (supplied !== undefined) {
      identifiers[input.value] = supplied;
      continue;
    }
    const value = loadResourceGraph().outOfBand[input.value];
    outOfBand.push(`${input.value}${value ? ` (${value.channel})` : ''}`);
  }
  const reasons = [
    ...missing,
    ...outOfBand.map((value) => `${value}, which no operation of the API returns`),
  ];
  return {
    ...live,
    ...(Object.keys(identifiers).length > 0 ? { identifiers } : {}),
    ...(reasons.length > 0 ? { unavailable: `needs ${[...new Set(reasons)].join('; ')}` } : {}),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An out-of-band value the suite can make itself, or undefined. An authenticator app's code (`AuthenticatorAppCode`,
 * VerifySoftwareToken's `UserCode`): AssociateSoftwareToken with the live access token gives the shared secret
 * (`SecretCode`, base32), and the code is its TOTP now (RFC 6238: SHA-1, 6 digits, 30 s, as authenticator apps
 * compute it), by `otpauth`. The others (a code sent by email or SMS, a WebAuthn authenticator, an upload, another
 * AWS service's resource) cannot be made here.
 */
async function supplyOutOfBand(
  input: OutOfBandInput,
  wire: Pick<WireClient, 'send'>,
  identifiers: Readonly<Record<string, string>>,
): Promise<string | undefined> {
  if (input.value !== 'AuthenticatorAppCode') return undefined;
  const accessToken = identifiers['AccessToken'];
  if (accessToken === undefined) return undefined;
  const associated = await wire.send('AssociateSoftwareToken', { AccessToken: accessToken });
  const secret = stringAt(associated.output, '/SecretCode');
  if (secret === undefined) return undefined;
  try {
    return new TOTP({
      secret: Secret.fromBase32(secret),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    }).generate();
  } catch {
    // A secret that is not base32 gives no code an authenticator app could compute: the value stays unavailable.
    return undefined;
  }
}

/** The operations the graph names as creators of tokens: the set-up signs in with a password for them. */
const SIGN_IN_OPERATIONS = ['AdminInitiateAuth', 'InitiateAuth'];

/**
 * One generic creation step: the creator's smallest valid request with the live identifiers (its spec and fix-up),
 * sent through the SDK; each yielded kind read where the graph says. A `read` location calls its operation after.
 * Returns the identifiers made, or why one cannot be (a creator without a spec, an answer without the id).
 * @throws SetupError when the target refuses the creator.
 */
async function createGeneric(
  operation: string,
  yields: readonly { readonly kind: string; readonly id: IdLocation }[],
  specs: readonly OperationSpec[],
  wire: Pick<WireClient, 'send'>,
  context: FixupContext,
): Promise<Record<string, string> | string> {
  const spec = specs.find((candidate) => candidate.operation === operation);
  if (spec === undefined) return `${yields.map(({ kind }) => kind).join(', ')} from ${operation} (no spec)`;
  const request = baseRequest(spec, fixupFor(operation), context, 0);
  const result = await wire.send(operation, request);
  if (result.error || result.exchange.status < 200 || result.exchange.status >= 300)
    throw new SetupError(operation, result.exchange);
  const made: Record<string, string> = {};
  for (const { kind, id } of yields) {
    let value: string | undefined;
    if (id.in === 'request') value = stringAt(request, id.pointer);
    else if (id.in === 'response') value = stringAt(result.output, id.pointer);
    else if (id.in === 'read') {
      const readSpec = specs.find((candidate) => candidate.operation === id.operation);
      if (readSpec === undefined) return `a ${kind} read by ${id.operation} (no spec)`;
      const readContext = { ...context, identifiers: { ...context.identifiers, ...made } };
      const read = await wire.send(
        id.operation,
        baseRequest(readSpec, fixupFor(id.operation), readContext, 0),
      );
      value = stringAt(read.output, id.pointer);
    }
    if (value === undefined) throw new SetupError(operation, result.exchange);
    made[kind] = value;
  }
  return made;
}

/**
 * Registers, for each kind a generic step made that the graph can delete, its deleter's request (the live values of
 * the deleter's identifiers at clean-up time). Pools, app clients and users go with their pool.
 */
function registerDeletions(
  walk: PrerequisiteWalk,
  yields: readonly { readonly kind: string }[],
  resources: Pick<ResourceFactory, 'onCleanup'>,
  wire: Pick<WireClient, 'send'>,
  live: () => FixupContext,
): void {
  const kinds = new Set(yields.map(({ kind }) => kind));
  for (const step of walk.deletions) {
    if (!step.kinds.some((kind) => kinds.has(kind))) continue;
    resources.onCleanup(`${step.operation} of ${step.kinds.join(', ')}`, () => {
      const context = live();
      const request: Record<string, unknown> = {};
      for (const use of step.input) {
        const value = liveIdentifier(context, use.kind);
        const member = use.pointer.split('/')[1];
        if (value !== undefined && member !== undefined && use.pointer.split('/').length === 2)
          request[member] = value;
      }
      return wire.send(step.operation, request);
    });
  }
}

/** The string at a JSON pointer (RFC 6901) of a value, or undefined. */
function stringAt(value: unknown, pointer: string): string | undefined {
  const found = getPointer(value, pointer);
  return typeof found === 'string' ? found : undefined;
}

/** A password sign-in of the live user: ADMIN_NO_SRP_AUTH, else USER_PASSWORD_AUTH; the first answer with tokens. */
async function signIn(
  wire: Pick<WireClient, 'send'>,
  live: Pick<LiveResources, 'userPoolId' | 'clientId' | 'username' | 'password'>,
): Promise<CallResult | undefined> {
  const { userPoolId, clientId, username, password } = live;
  if (userPoolId === undefined || clientId === undefined || username === undefined || password === undefined)
    return undefined;
  const parameters = { USERNAME: username, PASSWORD: password };
  const attempts = [
    () =>
      wire.send('AdminInitiateAuth', {
        UserPoolId: userPoolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_NO_SRP_AUTH',
        AuthParameters: parameters,
      }),
    () =>
      wire.send('InitiateAuth', {
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: parameters,
      }),
  ];
  for (const attempt of attempts) {
    const result = await attempt();
    if (stringAt(result.output, '/AuthenticationResult/AccessToken') !== undefined) return result;
  }
  return undefined;
}

/** The pool id in a response that created one (`UserPool.Id`), so the run can delete it later. */
export function createdPoolId(body: unknown): string | undefined {
  const id = (body as { UserPool?: { Id?: unknown } } | undefined)?.UserPool?.Id;
  return typeof id === 'string' ? id : undefined;
}
