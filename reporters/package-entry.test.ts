import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

describe('the package export cognito-conformance/reporter', () => {
  it('loads the reporters by package name from another project', async () => {
    // Arrange: another project with this one installed under its package name.
    const project = await mkdtemp(join(tmpdir(), 'cc-consumer-'));
    try {
      await mkdir(join(project, 'node_modules'));
      await symlink(ROOT, join(project, 'node_modules', 'cognito-conformance'), 'dir');
      // Act
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "const m = await import('cognito-conformance/reporter');" +
            'const r = new m.ConformanceReporter({ printTable: false });' +
            'console.log(typeof m.ConformanceReporter, typeof m.ProgressReporter, typeof r.onTestRunEnd);',
        ],
        { cwd: project },
      );
      // Assert
      expect(stdout.trim()).toBe('function function function');
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it('types the reporters for a strict TypeScript vitest config', async () => {
    // Arrange: a consumer's vitest.config.ts, type-checked as TypeScript users would (strict, nodenext).
    const project = await mkdtemp(join(tmpdir(), 'cc-consumer-types-'));
    try {
      await mkdir(join(project, 'node_modules'));
      await symlink(ROOT, join(project, 'node_modules', 'cognito-conformance'), 'dir');
      await writeFile(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            module: 'nodenext',
            moduleResolution: 'nodenext',
            noEmit: true,
            skipLibCheck: true,
          },
          files: ['vitest.config.ts'],
        }),
      );
      await writeFile(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
      await writeFile(
        join(project, 'vitest.config.ts'),
        "import { ConformanceReporter, type ConformanceReporterOptions } from 'cognito-conformance/reporter';\n" +
          "const options: ConformanceReporterOptions = { outDir: 'reports', formats: ['json', 'junit'] };\n" +
          'export const reporters = [new ConformanceReporter(options)];\n',
      );
      // Act
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = await promisify(execFile)(process.execPath, [tsc, '-p', project]).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code?: number; stdout?: string }) => ({
          code: error.code ?? 1,
          stdout: error.stdout ?? '',
        }),
      );
      // Assert
      expect(result.stdout).toBe('');
      expect(result.code).toBe(0);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }, 60_000);
});
