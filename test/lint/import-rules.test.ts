import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

/** Lays out a small tree in a temporary folder and runs `npm run lint`'s import rules over it. */
async function cruise(files: Record<string, string>): Promise<Violation[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-import-rules-'));
  dirs.push(dir);
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'nodenext' },
    }),
  );
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const { stdout } = await promisify(execFile)(
    DEPCRUISE,
    ['--config', CONFIG, '--output-type', 'json', 'src'],
    { cwd: dir },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const ROOMS = {
  'src/spec/index.ts': "export { load } from './load.ts';\n",
  'src/spec/load.ts': 'export const load = 1;\n',
  'src/checks/index.ts': "export { check } from './check.ts';\n",
  'src/checks/check.ts': "import { load } from '../spec/index.ts';\nexport const check = load;\n",
};

describe('the import rules of npm run lint', () => {
  it('accept a later room importing an earlier one through its entry file', async () => {
    expect(await cruise(ROOMS)).toEqual([]);
  });

  it('reject a backward import: an earlier room importing a later one', async () => {
    const violations = await cruise({
      ...ROOMS,
      'src/spec/load.ts': "import { check } from '../checks/index.ts';\nexport const load = check;\n",
    });
    expect(violations.map((v) => v.rule.name)).toContain('room-order:src/spec');
    expect(violations).toContainEqual(
      expect.objectContaining({ from: 'src/spec/load.ts', to: 'src/checks/index.ts' }),
    );
  });

  it('reject an import past the entry file into another room', async () => {
    const violations = await cruise({
      ...ROOMS,
      'src/checks/check.ts': "import { load } from '../spec/load.ts';\nexport const check = load;\n",
    });
    expect(violations).toContainEqual(
      expect.objectContaining({
        rule: { name: 'entry-file-only', severity: 'error' },
        to: 'src/spec/load.ts',
      }),
    );
  });

  it('reject a cycle of modules inside one room', async () => {
    const violations = await cruise({
      ...ROOMS,
      'src/spec/load.ts': "import { other } from './other.ts';\nexport const load = other;\n",
      'src/spec/other.ts': "import { load } from './load.ts';\nexport const other = () => load;\n",
    });
    expect(violations.map((v) => v.rule.name)).toContain('no-circular');
  });

  it('reject production code importing test support', async () => {
    const violations = await cruise({
      ...ROOMS,
      'src/checks/test-support/fake.ts': 'export const fake = 1;\n',
      'src/checks/check.ts': "import { fake } from './test-support/fake.ts';\nexport const check = fake;\n",
    });
    expect(violations.map((v) => v.rule.name)).toContain('test-support-from-tests-only');
  });
});
