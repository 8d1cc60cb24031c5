import type { IdentifierUse, JsonSchema, OperationIdentifier } from '../../specs/format/index.ts';
import { loadOperationSpecs, loadResourceGraph } from '../spec/index.ts';
import { copyRequest, isPresent, type JsonObject } from './fixups/_internals/edit.ts';
import type { FixupContext, RequestFixup } from './request-fixup.ts';

/**
 * The live value of an identifier kind of the resource graph (`UserPoolId`, `ClientId`, `GroupName`, `AccessToken`…)
 * in a fix-up context: the named fields for the kinds every set-up makes, else `identifiers`. `undefined` when the
 * set-up made none.
 */
export function liveIdentifier(context: FixupContext, kind: string): string | undefined {
  switch (kind) {
    case 'UserPoolId':
      return context.userPoolId;
    case 'ClientId':
      return context.clientId;
    case 'Username':
      return context.username;
    case 'RefreshToken':
      return context.refreshToken;
    default:
      return context.identifiers?.[kind];
  }
}

/**
 * The fix-up every operation gets, from the resource graph (`specs/resource-graph.json`, `operations[op].identifiers`):
 * each identifier the request names of something that must exist (`use: 'existing'`) takes the live value of its kind.
 * A member the model requires, or the operation needs, is set even when the generated request left it out; an
 * optional one only when present. A pointer into a map or list (`/AuthParameters/USERNAME`) is set only where its
 * container is there. A top-level identifier the request brings into being (`use: 'new'`) gets a run-prefixed unique
 * name where one fits. Without a live value, the generated one stays. `undefined` for an operation the graph does not know.
 */
export function identifierFixup(operation: string): RequestFixup | undefined {
  const entry = loadResourceGraph().operations[operation];
  if (entry === undefined) return undefined;
  const uses = entry.identifiers.filter((identifier) => identifier.use === 'existing');
  const made = newIdentifiers(operation, entry.identifiers);
  return {
    operation,
    apply(input, context) {
      const request = copyRequest(input);
      for (const identifier of uses) {
        const value = liveIdentifier(context, identifier.kind);
        if (value !== undefined) setIdentifier(request, identifier, value, identifier.need !== 'optional');
      }
      // An out-of-band value the set-up could make (an authenticator app's code) goes where the request takes it.
      for (const input of entry.outOfBand) {
        const value = context.identifiers?.[input.value];
        if (value !== undefined && input.pointer !== undefined)
          setIdentifier(request, { pointer: input.pointer, kind: input.value }, value, true);
      }
      for (const { member, label, fits } of made) {
        if (!isPresent(request, member)) continue;
        const name = context.uniqueName(label);
        if (fits(name)) request[member] = name;
      }
      return request;
    },
  };
}

/**
 * The top-level members that bring an identifier into being (`use: 'new'`: CreateGroup's `GroupName`, a domain's
 * `Domain`): each gets a run-prefixed unique name, so two creations in one test never collide and a leftover is
 * found by its prefix, where such a name fits the member's pattern and length (else the generated value stays).
 */
function newIdentifiers(
  operation: string,
  identifiers: readonly OperationIdentifier[],
): { member: string; label: string; fits: (value: string) => boolean }[] {
  const spec = loadOperationSpecs().find((candidate) => candidate.operation === operation);
  const properties = (spec?.request['properties'] ?? {}) as Record<string, JsonSchema>;
  return identifiers
    .filter((identifier) => identifier.use === 'new' && identifier.pointer.lastIndexOf('/') === 0)
    .flatMap((identifier) => {
      const member = identifier.pointer.slice(1);
      const schema = properties[member];
      if (schema?.['type'] !== 'string') return [];
      const pattern = typeof schema['pattern'] === 'string' ? new RegExp(schema['pattern'], 'u') : undefined;
      const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
      const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity;
      const fits = (value: string) =>
        [...value].length >= min && [...value].length <= max && (pattern?.test(value) ?? true);
      return [{ member, label: identifier.kind.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(), fits }];
    });
}

/** Sets `value` at the identifier's pointer when its container is there and the member is present or `always`. */
function setIdentifier(request: JsonObject, use: IdentifierUse, value: string, always: boolean): void {
  const segments = use.pointer.split('/').slice(1);
  const last = segments.pop();
  if (last === undefined) return;
  let container: unknown = request;
  for (const segment of segments) {
    if (typeof container !== 'object' || container === null) return;
    container = (container as Record<string, unknown>)[segment];
  }
  if (Array.isArray(container)) {
    const index = Number(last);
    if (Number.isInteger(index) && index < container.length) container[index] = value;
    return;
  }
  if (typeof container !== 'object' || container === null) return;
  const parent = container as JsonObject;
  // Inside a map the key is the model's only word for the member: set it only where the request already uses it.
  const top = segments.length === 0;
  if (isPresent(parent, last) || (always && top)) parent[last] = value;
}
