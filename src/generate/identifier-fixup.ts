import type { IdentifierUse } from '../../specs/format/index.ts';
import { loadResourceGraph } from '../spec/index.ts';
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
 * container is there. Identifiers the request brings into being (`use: 'new'`) are left as generated. Without a live
 * value, the generated one stays. `undefined` for an operation the graph does not know.
 */
export function identifierFixup(operation: string): RequestFixup | undefined {
  const entry = loadResourceGraph().operations[operation];
  if (entry === undefined) return undefined;
  const uses = entry.identifiers.filter((identifier) => identifier.use === 'existing');
  return {
    operation,
    apply(input, context) {
      const request = copyRequest(input);
      for (const identifier of uses) {
        const value = liveIdentifier(context, identifier.kind);
        if (value !== undefined) setIdentifier(request, identifier, value, identifier.need !== 'optional');
      }
      return request;
    },
  };
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
