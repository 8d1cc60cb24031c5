import type { JsonSchema, OperationSpec } from '../../specs/format/index.ts';

/** Where one request member is read back: the member of the same meaning in the resource object. */
export interface ReadBackMember {
  readonly request: string;
  readonly response: string;
}

/** A request member not compared, and why. */
export interface SkippedMember {
  readonly request: string;
  readonly reason: string;
}

/**
 * How to compare one request with the resource a later response holds: `resource` is the response
 * member holding it (`UserPool`, `UserPoolClient`, or the array `UserPools` for a listing), `schema`
 * the resource object's schema (the item schema for a listing).
 */
export interface RoundTripPlan {
  readonly operation: string;
  readonly resource: string;
  readonly schema: JsonSchema;
  readonly members: readonly ReadBackMember[];
  readonly skipped: readonly SkippedMember[];
}

type ReadBackException = { readonly rename: string } | { readonly skip: string };

/**
 * The only request members not read back under their own name. Every other member maps by name to the
 * resource's member, read off the specs, so this table stays small and a new member in the specs needs
 * no edit here unless its name differs.
 */
export const READ_BACK_EXCEPTIONS: Readonly<Record<string, ReadBackException>> = {
  // CreateUserPool names the pool `PoolName`; UserPoolType and UserPoolDescriptionType call it `Name`.
  PoolName: { rename: 'Name' },
  // UpdateUserPool identifies the pool by `UserPoolId`; UserPoolType calls it `Id`. (UserPoolClientType
  // has a `UserPoolId` member of its own, which the by-name rule finds first.)
  UserPoolId: { rename: 'Id' },
  // The pool reports `SchemaAttributes`: the standard attributes plus the custom ones sent, renamed
  // `custom:<Name>` and with defaults filled in. That is derived from `Schema`, not an echo of it.
  Schema: {
    skip: 'read back as SchemaAttributes, which merges the sent custom attributes with the standard ones',
  },
  // The client reports the secret it generated (`ClientSecret`), not the flag that asked for one.
  GenerateSecret: { skip: 'the response carries the generated ClientSecret, not the flag' },
};

/** The reason given for a member the response schema has no place for and the table does not name. */
export const NOT_IN_RESPONSE = 'the response schema has no member of this name';

/**
 * The plan for reading a create/update request back from a Describe response: the Describe response's
 * one object member is the resource (`UserPool`, `UserPoolClient`).
 */
export function describePlan(request: OperationSpec, describe: OperationSpec): RoundTripPlan {
  const [resource, schema] = soleMember(describe, 'object');
  return planFor(request, resource, schema);
}

/**
 * The plan for reading a create/update request back from a listing: the list response's array member
 * (`UserPools`) holds the resources, each a summary with only some members (Name, LambdaConfig, Status).
 */
export function listPlan(request: OperationSpec, list: OperationSpec): RoundTripPlan {
  const [resource, arraySchema] = soleMember(list, 'array');
  return planFor(request, resource, (arraySchema['items'] ?? {}) as JsonSchema);
}

function planFor(request: OperationSpec, resource: string, schema: JsonSchema): RoundTripPlan {
  const responseMembers = propertiesOf(schema);
  const members: ReadBackMember[] = [];
  const skipped: SkippedMember[] = [];
  for (const name of Object.keys(propertiesOf(request.request))) {
    const exception = READ_BACK_EXCEPTIONS[name];
    if (name in responseMembers) members.push({ request: name, response: name });
    else if (exception && 'skip' in exception) skipped.push({ request: name, reason: exception.skip });
    else if (exception && exception.rename in responseMembers)
      members.push({ request: name, response: exception.rename });
    else skipped.push({ request: name, reason: NOT_IN_RESPONSE });
  }
  return { operation: request.operation, resource, schema, members, skipped };
}

function soleMember(spec: OperationSpec, type: 'object' | 'array'): [string, JsonSchema] {
  const candidates = Object.entries(propertiesOf(spec.response)).filter(
    ([, schema]) => schema['type'] === type,
  );
  const [only] = candidates;
  if (candidates.length !== 1 || !only) {
    throw new Error(
      `round-trip plan: ${spec.operation}'s response has ${candidates.length} ${type} members; expected exactly one`,
    );
  }
  return only;
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema['properties'] ?? {}) as Record<string, JsonSchema>;
}
