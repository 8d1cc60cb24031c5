import { PASSWORD_FLOWS } from '../auth/index.ts';
import type { JsonSchema, OperationSpec, SpecChange } from '../../specs/format/index.ts';
import { pointerTokens, schemaAt } from './change-pointer.ts';
import { resourceOperation, type ChangeResource } from './change-resources.ts';

/** One change the document announces, with the operation it belongs to. */
export interface AnnouncedChange extends SpecChange {
  readonly operation: string;
}

/** Every change every spec announces, in spec order: the `changes` check judges exactly these. */
export function announcedChanges(specs: readonly OperationSpec[]): AnnouncedChange[] {
  return specs.flatMap((spec) => spec.changes.map((change) => ({ operation: spec.operation, ...change })));
}

/** A short human name for a change, e.g. `CreateUserPoolClient request /ExplicitAuthFlows = USER_PASSWORD_AUTH`. */
export function changeLabel(change: AnnouncedChange): string {
  if (change.direction === 'operation') return `${change.operation} (new operation)`;
  return `${change.operation} ${change.direction} ${change.path}${change.value !== undefined ? ` = ${change.value}` : ''}`;
}

/** What a response must show for the change to count as supported. */
export type ExpectedValue = { readonly contains: string } | { readonly equals: unknown };

/** Where the effect of setting the member shows. */
export type Observation =
  /** In the response of the very call that set it (Create/Update response members). */
  | { readonly kind: 'setter-response'; readonly path: string }
  /** In `Describe<noun>` afterwards, at `path`. */
  | { readonly kind: 'describe'; readonly operation: string; readonly path: string }
  /** In the `List<noun>s` item for the resource: `collection` is the array, `itemPath` the member in the item. */
  | {
      readonly kind: 'list';
      readonly operation: string;
      readonly collection: string;
      readonly itemPath: string;
    };

/** How to test one change, derived from its direction, kind and path. */
export type ChangePlan =
  /** A new operation: call it validly and see it implemented. */
  | { readonly kind: 'operation'; readonly change: AnnouncedChange }
  /** A new AuthFlow value: sign in with it and see it accepted. */
  | { readonly kind: 'auth-flow'; readonly change: AnnouncedChange; readonly flow: string }
  /** A member or enum value of a resource: set it through `setter`, then observe it. */
  | {
      readonly kind: 'resource';
      readonly change: AnnouncedChange;
      readonly resource: ChangeResource;
      readonly setter: string;
      readonly requestPath: string;
      readonly value: unknown;
      readonly expected: ExpectedValue;
      readonly observe: Observation;
    }
  /** Nothing in the change says how to exercise it; its verdict is `null`. */
  | { readonly kind: 'unplannable'; readonly change: AnnouncedChange; readonly reason: string };

/** What concrete values need: the region (for ARNs) and the run prefix (for names). */
export interface ValueContext {
  readonly region: string;
  readonly prefix: string;
}

/**
 * Derives how to test `change`: a new operation is called; a new `AuthFlow` value is signed in with; a
 * request member or enum value of a Create/Update operation is set there and must be echoed by
 * `Describe<noun>`; a response member is set through the matching Create (or the Create/Update itself)
 * and must show in that operation's response.
 */
export function planChange(
  change: AnnouncedChange,
  specs: readonly OperationSpec[],
  values: ValueContext,
): ChangePlan {
  if (change.direction === 'operation') return { kind: 'operation', change };
  if (change.direction === 'request' && change.kind === 'enum-value' && change.path === '/AuthFlow') {
    const flow = change.value ?? '';
    return PASSWORD_FLOWS.includes(flow)
      ? { kind: 'auth-flow', change, flow }
      : unplannable(change, `no way to sign in with AuthFlow ${flow}`);
  }
  return planResourceChange(change, specs, values);
}

function planResourceChange(
  change: AnnouncedChange,
  specs: readonly OperationSpec[],
  values: ValueContext,
): ChangePlan {
  const parsed = resourceOperation(change.operation);
  if (!parsed)
    return unplannable(change, `${change.operation} is not an operation on a resource the check can create`);
  const { verb, resource } = parsed;
  const requestPath =
    change.direction === 'request'
      ? change.path
      : requestPathOf(change.path, verb === 'List' ? `${resource.noun}s` : resource.noun, verb === 'List');
  if (requestPath === undefined)
    return unplannable(change, `${change.path} is not inside the ${resource.noun}`);
  const setter =
    change.direction === 'response' && (verb === 'Describe' || verb === 'List')
      ? `Create${resource.noun}`
      : change.operation;
  if (change.direction === 'request' && verb !== 'Create' && verb !== 'Update')
    return unplannable(change, `${change.operation} does not set ${resource.noun} members`);
  const setterSpec = specs.find((spec) => spec.operation === setter);
  const schema = setterSpec ? schemaAt(setterSpec.request, requestPath) : undefined;
  if (!schema) return unplannable(change, `the ${setter} request has no member at ${requestPath}`);
  const valued = valueFor(change, schema, values);
  if (!valued) return unplannable(change, `no well-formed value is known for ${setter} ${requestPath}`);
  return {
    kind: 'resource',
    change,
    resource,
    setter,
    requestPath,
    ...valued,
    observe: observationFor(change, verb, resource, requestPath),
  };
}

function observationFor(
  change: AnnouncedChange,
  verb: string,
  resource: ChangeResource,
  requestPath: string,
): Observation {
  if (change.direction === 'request')
    return {
      kind: 'describe',
      operation: `Describe${resource.noun}`,
      path: `/${resource.noun}${requestPath}`,
    };
  if (verb === 'Describe') return { kind: 'describe', operation: change.operation, path: change.path };
  if (verb === 'List')
    return {
      kind: 'list',
      operation: change.operation,
      collection: `/${resource.noun}s`,
      itemPath: requestPath,
    };
  return { kind: 'setter-response', path: change.path };
}

/** `/UserPool/LambdaConfig/X` → `/LambdaConfig/X`; for a list, the item path after `/UserPools/` and `*` likewise. */
function requestPathOf(path: string, wrapper: string, list: boolean): string | undefined {
  const tokens = pointerTokens(path);
  if (tokens[0] !== wrapper) return undefined;
  if (list && tokens[1] !== '*') return undefined;
  const rest = tokens.slice(list ? 2 : 1);
  return rest.length > 0 ? `/${rest.join('/')}` : undefined;
}

/**
 * The value to set and what must be seen afterwards. An enum value goes in as itself (inside a list when
 * the member is an array); a new member needs a well-formed value for its schema, which is known for
 * ARN-shaped strings (a Lambda ARN in the run's region that names no real function).
 */
function valueFor(
  change: AnnouncedChange,
  schema: JsonSchema,
  values: ValueContext,
): { value: unknown; expected: ExpectedValue } | undefined {
  if (change.kind === 'enum-value' && change.value !== undefined) {
    return schema['type'] === 'array'
      ? { value: [change.value], expected: { contains: change.value } }
      : { value: change.value, expected: { equals: change.value } };
  }
  if (
    change.kind === 'member' &&
    schema['type'] === 'string' &&
    String(schema['pattern'] ?? '').startsWith('arn:')
  ) {
    const arn = `arn:aws:lambda:${values.region}:123456789012:function:${values.prefix}conformance-trigger`;
    return { value: arn, expected: { equals: arn } };
  }
  return undefined;
}

function unplannable(change: AnnouncedChange, reason: string): ChangePlan {
  return { kind: 'unplannable', change, reason };
}
