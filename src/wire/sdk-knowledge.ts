import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as sdk from '@aws-sdk/client-cognito-identity-provider';

/**
 * What the SDK in use knows of one enum: the values of the constant object it exports under the Smithy enum
 * shape's name (`StatusType` → `["Disabled", "Enabled"]`), or undefined when it exports none by that name (an
 * SDK older than the enum). The SDK passes unknown values through as they are, so this is the only place its
 * knowledge shows. Which SDK is in use is decided by module resolution (see `COGNITO_CONFORMANCE_SDK_DIR`).
 */
export function sdkEnumValues(shapeName: string): readonly string[] | undefined {
  const exported = (sdk as unknown as Record<string, unknown>)[shapeName];
  if (typeof exported !== 'object' || exported === null || Array.isArray(exported)) return undefined;
  const values = Object.values(exported);
  return values.length > 0 && values.every((value) => typeof value === 'string') ? values : undefined;
}

/**
 * The version of `@aws-sdk/client-cognito-identity-provider` that Node resolves from this project (its
 * `package.json`), e.g. `3.1169.0`. A run under `COGNITO_CONFORMANCE_SDK_DIR` (vitest's alias) uses another copy;
 * this is the one the CLI's own commands use.
 */
export function projectSdkVersion(): string {
  const path = createRequire(import.meta.url).resolve(
    '@aws-sdk/client-cognito-identity-provider/package.json',
  );
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
