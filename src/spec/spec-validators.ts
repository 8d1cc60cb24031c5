import type { ErrorObject, ValidateFunction } from 'ajv';
import { createSpecAjv, type JsonSchema, type OperationSpec } from '../../specs/format/index.ts';

/** Compiled request and response validators for every operation, built once per worker. */
export class SpecValidators {
  private readonly compiled = new Map<string, { request: ValidateFunction; response: ValidateFunction }>();

  constructor(specs: readonly OperationSpec[]) {
    const ajv = createSpecAjv();
    for (const spec of specs) {
      this.compiled.set(spec.operation, {
        request: ajv.compile(spec.request as JsonSchema & object),
        response: ajv.compile(spec.response as JsonSchema & object),
      });
    }
  }

  /** Ajv errors of a response body; empty when it conforms. */
  responseErrors(operation: string, body: unknown): ErrorObject[] {
    return this.run(operation, 'response', body);
  }

  /** Ajv errors of a request body; the generators' own tests use this to prove what they produce. */
  requestErrors(operation: string, body: unknown): ErrorObject[] {
    return this.run(operation, 'request', body);
  }

  private run(operation: string, side: 'request' | 'response', body: unknown): ErrorObject[] {
    const validators = this.compiled.get(operation);
    if (!validators) throw new Error(`SpecValidators: no spec compiled for ${operation}`);
    const validate = validators[side];
    return validate(body) ? [] : [...(validate.errors ?? [])];
  }
}
