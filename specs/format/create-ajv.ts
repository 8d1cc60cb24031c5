import Ajv2020Module from 'ajv/dist/2020.js';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
export type AjvInstance = InstanceType<typeof Ajv2020>;

/**
 * The one Ajv configuration for specs: strict (a typo in a generated schema is a bug, not a no-op),
 * all errors (a response may break several rules at once), verbose (checks classify errors by the
 * schema node that failed), the `epoch-seconds` format used for timestamps and the `sensitive` annotation.
 */
export function createSpecAjv(): AjvInstance {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, unicodeRegExp: true });
  ajv.addFormat('epoch-seconds', { type: 'number', validate: (value: number) => Number.isFinite(value) });
  // Smithy's `sensitive` trait, carried as an annotation: it says what to redact, never what is valid.
  ajv.addKeyword({ keyword: 'sensitive', schemaType: 'boolean' });
  return ajv;
}
