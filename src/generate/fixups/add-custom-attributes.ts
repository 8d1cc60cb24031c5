import { type JsonObject, stableHash } from './_internals/edit.ts';
import { valueFixup } from './_internals/user-values.ts';

/** The number a unique name ends with (`cc-1a2b-attribute-7` → `7`); the whole name's hash when it has none. */
function uniqueNumber(name: string): string {
  return /-(\d+)$/.exec(name)?.[1] ?? stableHash(name).toString(36);
}

/**
 * AddCustomAttributes: each custom attribute a name no earlier request of the test used, since a pool refuses a name
 * it has (the model cannot say so): `ca` and the number of a unique name, which, unlike the run prefix, is the same
 * in every run of a seed. Only a name that is valid is renamed (1 to 20 characters, no spaces), so a request that
 * breaks the name's own rule keeps its break.
 */
export const addCustomAttributesFixup = valueFixup('AddCustomAttributes', (request, context) => {
  const attributes = request.CustomAttributes;
  if (!Array.isArray(attributes)) return;
  for (const attribute of attributes) {
    if (typeof attribute !== 'object' || attribute === null) continue;
    const item = attribute as JsonObject;
    if (typeof item.Name === 'string' && /^[^\s]{1,20}$/u.test(item.Name))
      item.Name = `ca${uniqueNumber(context.uniqueName('attribute'))}`;
  }
});
