import type { ErrorObject, ValidateFunction } from 'ajv';
import { createSpecAjv, type JsonSchema, type OperationSpec } from '../../specs/format/index.ts';

/**
 * Request and response validators of the operation specs, compiled lazily: each schema on its first use, once
 * per process (the suites share one worker), so a run compiles only what the operations it judges need.
 */
export class SpecValidators {
  private readonly specs = new Map<string, OperationSpec>();
  private readonly compiled = new Map<string, ValidateFunction>();
  private ajv: ReturnType<typeof createSpecAjv> | undefined;

  constructor(specs: readonly OperationSpec[]) {
    for (const spec of specs) this.specs.set(spec.operation, spec);
  }

  /** Ajv errors of a response body; empty when it conforms. */
  responseErrors(operation: string, body: unknown): ErrorObject[] {
    return this.run(operation, 'response', body);
  }

  /** Ajv errors of a request body; the generators' own tests use this to prove what they produce. */
  requestErrors(operation: string, body: unknown): ErrorObject[] {
    return this.run(operation, 'request', body);
  }

  /** How many schemas have been compiled so far (each operation has two). */
  get compiledCount(): number {
    return this.compiled.size;
  }

  private run(operation: string, side: 'request' | 'response', body: unknown): ErrorObject[] {
    const validate = this.validator(operation, side);
    return validate(body) ? [] : [...(validate.errors ?? [])];
  }

  private validator(operation: string, side: 'request' | 'response'): ValidateFunction {
    const key = `${operation}\u0000${side}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const spec = this.specs.get(operation);
      if (!spec) throw new Error(`SpecValidators: no spec for ${operation}`);
      this.ajv ??= createSpecAjv();
      validate = this.ajv.compile(spec[side] as JsonSchema & object);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
