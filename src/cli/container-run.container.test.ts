import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getContainerRuntimeClient } from 'testcontainers';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../report/index.ts';
import type { Report } from '../deviations/index.ts';
import { LAUNCHER_LABEL } from '../targets/index.ts';

// Needs a container engine: `npm test` sets one up (scripts/container-engine.sh) before this project runs.

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'cognito-conformance.mjs');
const run = promisify(execFile);

async function launchedContainers(): Promise<unknown[]> {
  const client = await getContainerRuntimeClient();
  return client.container.dockerode.listContainers({
    all: true,
    filters: { label: [`${LAUNCHER_LABEL}=cognito-local`] },
  });
}

async function conmonProcesses(): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'args=']);
  return stdout.split('\n').filter((line) => line.startsWith('/usr/bin/conmon') || line.startsWith('conmon'));
}

describe('run --target container:cognito-local', () => {
  it('runs the suites against a real container and leaves no container or conmon process behind', async () => {
    // Arrange
    const out = mkdtempSync(join(tmpdir(), 'cc-container-run-'));
    const before = await launchedContainers();
    // Act
    const cli = spawn(
      process.execPath,
      [
        BIN,
        'run',
        '--target',
        'container:cognito-local',
        '--ops',
        'ListUserPools,DescribeUserPool',
        '--runs',
        '3',
        '--out',
        out,
        '--report-only',
      ],
      {
        env: { ...process.env, CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    // Assert
    expect(code, output).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(validateReport(report).errors).toEqual([]);
    expect(report.target).toMatchObject({ kind: 'container', name: 'cognito-local' });
    expect(report.target.image).toMatch(/cognito-local:5\.3\.0$/);
    expect(report.target.endpoint).toMatch(/^http:\/\/[\w.]+:\d+$/);
    expect(report.operations.map((op) => op.operation)).toEqual(['DescribeUserPool', 'ListUserPools']);
    expect(report.operations.every((op) => op.checks.some((check) => check.runs > 0))).toBe(true);
    expect(before).toEqual([]);
    expect(await launchedContainers()).toEqual([]);
    expect(await conmonProcesses()).toEqual([]);
  }, 240_000);
});
