import { createSpecAjv, type OperationSpec } from '../format/index.ts';

/**
 * Compiles every request and response schema with the one spec Ajv configuration (2020-12, strict, `u`-mode
 * patterns, the `epoch-seconds` format, the `sensitive` annotation), so no invalid schema is ever written. Throws naming the operation and side.
 */
export function assertSchemasCompile(
  specs: readonly Pick<OperationSpec, 'operation' | 'request' | 'response'>[],
): void {
  const ajv = createSpecAjv();
  for (const spec of specs) {
    for (const direction of ['request', 'response'] as const) {
      try {
        ajv.compile(spec[direction]);
      } catch (error) {
        throw new Error(
          `${spec.operation} ${direction} schema: expected a valid JSON Schema 2020-12, Ajv says: ${(error as Error).message}`,
          { cause: error },
        );
      }
    }
  }
}
