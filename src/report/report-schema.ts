import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Report } from '../deviations/index.ts';

/** Where the report's JSON Schema lives; tools outside this package (CI, the HTML page) validate against it too. */
export const REPORT_SCHEMA_URL = new URL('../../specs/operations/report.schema.json', import.meta.url);

/** The report JSON Schema (2020-12), parsed. */
export const reportSchema: Readonly<Record<string, unknown>> = JSON.parse(
  readFileSync(REPORT_SCHEMA_URL, 'utf8'),
) as Record<string, unknown>;

/** One schema violation: where (a JSON pointer into the report) and what. */
export interface ReportSchemaError {
  readonly path: string;
  readonly message: string;
}

export interface ReportValidation {
  readonly valid: boolean;
  readonly errors: readonly ReportSchemaError[];
}

/**
 * Ajv ships CommonJS whose `module.exports` is the class and also carries it as `.default`; under NodeNext
 * the types only see the namespace, so the class is taken from `.default`, which exists either way.
 */
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date-time', 'date']);
    compiled = ajv.compile(reportSchema);
  }
  return compiled;
}

/**
 * Checks a value against the report schema: before writing a report, and on every report read back (merge,
 * diff, baseline). The value must be JSON data: an `undefined` `expected`/`actual` counts as missing (see
 * `reportToJson`, which writes those as `null`).
 */
export function validateReport(value: unknown): ReportValidation {
  const validate = validator();
  if (validate(value)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(toSchemaError) };
}

/** Narrows to `Report`, throwing one `Error` that lists every violation; `source` names the file in messages. */
export function assertReport(value: unknown, source = 'report'): asserts value is Report {
  const { valid, errors } = validateReport(value);
  if (valid) return;
  const lines = errors.map((error) => `  ${error.path || '/'}: ${error.message}`);
  throw new Error(
    `${source} is not a valid cognito-conformance report (schema version 1):\n${lines.join('\n')}`,
  );
}

function toSchemaError(error: ErrorObject): ReportSchemaError {
  const detail = describeParams(error);
  return {
    path: error.instancePath,
    message:
      detail === '' ? (error.message ?? error.keyword) : `${error.message ?? error.keyword} (${detail})`,
  };
}

function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (typeof params['additionalProperty'] === 'string') return `'${params['additionalProperty']}'`;
  if (Array.isArray(params['allowedValues'])) return params['allowedValues'].join(', ');
  return '';
}
