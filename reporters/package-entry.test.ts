import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink } from 'node:fs/promises';
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
});
