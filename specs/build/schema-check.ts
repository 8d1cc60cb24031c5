import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OperationSpec } from '../format/index.ts';

/**
 * Compiles every request and response schema with Ajv (2020-12, strict, `u`-mode patterns, the
 * `epoch-seconds` format), so no invalid schema is ever written. Throws naming the operation and side.
 */
export function assertSchemasCompile(specs: readonly OperationSpec[]): void {
  const ajv = new Ajv2020({ strict: true, unicodeRegExp: true });
  ajv.addFormat('epoch-seconds', { type: 'number', validate: (value: number) => Number.isFinite(value) });
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
