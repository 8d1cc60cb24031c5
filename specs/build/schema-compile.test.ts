import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSpecAjv, type OperationSpec } from '../format/index.ts';

const OPERATIONS_DIR = fileURLToPath(new URL('../operations/', import.meta.url));
const SPECS = readdirSync(OPERATIONS_DIR)
  .filter((name) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name))
  .map((name) => JSON.parse(readFileSync(join(OPERATIONS_DIR, name), 'utf8')) as OperationSpec);

/** The one spec Ajv configuration: strict 2020-12, `u`-mode patterns, `epoch-seconds`, `sensitive`. */
const createAjv = createSpecAjv;

describe('generated schemas', () => {
  it('cover every operation of the service: 113, ten of them from the page', () => {
    expect(SPECS).toHaveLength(113);
    expect(SPECS.filter((spec) => spec.specVersion === 1)).toHaveLength(10);
  });

  it.each(SPECS.map((spec) => [spec.operation, spec] as const))(
    '%s: request and response compile with Ajv 2020 (strict)',
    (_, spec) => {
      const ajv = createAjv();
      expect(() => ajv.compile(spec.request)).not.toThrow();
      expect(() => ajv.compile(spec.response)).not.toThrow();
    },
  );

  it('accept and reject instances as the document and model say', () => {
    const ajv = createAjv();
    const byName = Object.fromEntries(SPECS.map((spec) => [spec.operation, spec]));
    const listUserPools = ajv.compile(byName['ListUserPools']!.request);
    const initiateAuth = ajv.compile(byName['InitiateAuth']!.request);
    const describeUserPool = ajv.compile(byName['DescribeUserPool']!.response);

    expect(listUserPools({ MaxResults: 60 })).toBe(true);
    expect(listUserPools({ MaxResults: 61 })).toBe(false);
    expect(listUserPools({})).toBe(false);
    expect(initiateAuth({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'abc' })).toBe(true);
    expect(initiateAuth({ AuthFlow: 'ADMIN_NO_SRP_AUTH', ClientId: 'abc' })).toBe(false);
    expect(describeUserPool({ UserPool: { Id: 'eu-west-1_abc', CreationDate: 1518393600.5 } })).toBe(true);
    expect(describeUserPool({ UserPool: { CreationDate: '2018-02-12' } })).toBe(false);
    expect(describeUserPool({ UserPool: { Unknown: 1 } })).toBe(false);
  });
});
