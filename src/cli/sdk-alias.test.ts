import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkAliases } from '../../vitest.config.ts';

/**
 * The alias vitest.config.ts adds when `COGNITO_CONFORMANCE_SDK_DIR` names a copy of the SDK (what `sdk-diff`
 * runs each version with): the exact import specifier goes to that copy's entry file, nothing else changes.
 * `sdk-diff.embedded.test.ts` shows a real run sending with the aliased copy.
 */
const SDK = '@aws-sdk/client-cognito-identity-provider';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-sdk-alias-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function copyWith(name: string, manifest: object): Promise<string> {
  const copy = join(dir, name);
  await mkdir(copy, { recursive: true });
  await writeFile(join(copy, 'package.json'), JSON.stringify({ name: SDK, version: '3.600.0', ...manifest }));
  return copy;
}

describe('sdkAliases', () => {
  it('adds nothing when the variable is unset or empty', () => {
    expect(sdkAliases({})).toEqual([]);
    expect(sdkAliases({ COGNITO_CONFORMANCE_SDK_DIR: '' })).toEqual([]);
  });

  it("aliases exactly the package's name to the copy's main entry", async () => {
    const copy = await copyWith('main', { main: './dist-cjs/index.js', module: './dist-es/index.js' });
    const [alias, ...others] = sdkAliases({ COGNITO_CONFORMANCE_SDK_DIR: copy });
    expect(others).toEqual([]);
    expect(alias?.replacement).toBe(join(copy, 'dist-cjs', 'index.js'));
    expect(alias?.find.test(SDK)).toBe(true);
    for (const other of [`${SDK}/package.json`, `${SDK}-extra`, '@aws-sdk/client-sts', `x${SDK}`])
      expect(alias?.find.test(other), other).toBe(false);
  });

  it("takes the package's exports before main, with Node's conditions for an import", async () => {
    const conditional = await copyWith('exports', {
      main: './main.js',
      exports: { '.': { types: './x.d.ts', node: { import: './node.mjs' }, default: './any.js' } },
    });
    expect(sdkAliases({ COGNITO_CONFORMANCE_SDK_DIR: conditional })[0]?.replacement).toBe(
      join(conditional, 'node.mjs'),
    );
    const plain = await copyWith('exports-string', { exports: './only.js' });
    expect(sdkAliases({ COGNITO_CONFORMANCE_SDK_DIR: plain })[0]?.replacement).toBe(join(plain, 'only.js'));
    const moduleOnly = await copyWith('module-only', { module: './dist-es/index.js' });
    expect(sdkAliases({ COGNITO_CONFORMANCE_SDK_DIR: moduleOnly })[0]?.replacement).toBe(
      join(moduleOnly, 'dist-es', 'index.js'),
    );
  });

  it('refuses a directory that is not a copy of the SDK, naming the variable', async () => {
    expect(() => sdkAliases({ COGNITO_CONFORMANCE_SDK_DIR: join(dir, 'nowhere') })).toThrow(
      /^COGNITO_CONFORMANCE_SDK_DIR: no package\.json of @aws-sdk\/client-cognito-identity-provider in /,
    );
    const other = join(dir, 'other');
    await mkdir(other);
    await writeFile(join(other, 'package.json'), '{"name":"left-pad","main":"index.js"}');
    expect(() => sdkAliases({ COGNITO_CONFORMANCE_SDK_DIR: other })).toThrow(
      `COGNITO_CONFORMANCE_SDK_DIR: ${other} holds left-pad, not ${SDK}`,
    );
  });
});
