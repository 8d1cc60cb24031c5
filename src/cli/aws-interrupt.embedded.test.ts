import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../report/index.ts';
import { useStandInTarget } from './test-support/stand-in-target.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'cognito-conformance.mjs');

/** Dummy credentials and no metadata-service probes: the AWS code path, with cognito-local standing in. */
const AWS_STAND_IN_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_EC2_METADATA_DISABLED: 'true',
  // The stand-in has no quota; the client-side limit stays on, just higher, to keep the test short.
  COGNITO_CONFORMANCE_MAX_RPS: '100',
  CI: '1',
};

const standIn = useStandInTarget();
const poolsWithPrefix = (prefix: string) => standIn.poolsWithPrefix(prefix);

describe('an interrupted run against AWS (cognito-local standing in)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'leaves no pool behind after %s mid-run',
    async (signal) => {
      // Arrange
      const runId = `int${signal.toLowerCase()}`;
      const prefix = `cc-${runId}-`;
      const out = mkdtempSync(join(tmpdir(), 'cc-interrupt-'));
      const cli = spawn(
        process.execPath,
        [
          BIN,
          'run',
          '--target',
          'aws',
          '--allow-aws',
          '--endpoint',
          standIn.target().descriptor.endpoint,
          '--ops',
          'CreateUserPool,UpdateUserPool',
          '--runs',
          '200',
          '--out',
          out,
        ],
        {
          env: { ...process.env, ...AWS_STAND_IN_ENV, COGNITO_CONFORMANCE_RUN_ID: runId },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));

      // Act: wait until the run has created pools, then interrupt it
      const deadline = Date.now() + 60_000;
      while ((await poolsWithPrefix(prefix)).length === 0) {
        if (Date.now() > deadline) throw new Error(`the run never created a pool:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const interruptedAt = Date.now();
      cli.kill(signal);
      const code = await exited;

      // Assert
      expect(code).toBe(130);
      expect(Date.now() - interruptedAt).toBeLessThan(60_000);
      expect(stderr).toContain(`prefix ${prefix}`);
      expect(await poolsWithPrefix(prefix)).toEqual([]);
      expect(readdirSync(out).sort()).toEqual(['report.json', 'report.md']);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
        target: { kind: string };
        warnings?: string[];
      };
      expect(validateReport(report).errors).toEqual([]);
      expect(report.target.kind).toBe('aws');
      // A cut-short report says so first: its verdicts are of what had finished.
      expect(report.warnings?.[0]).toMatch(/^the run was interrupted: /);
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('the run was interrupted');
    },
    180_000,
  );
});
