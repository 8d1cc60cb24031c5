import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationReport, Report } from '../deviations/index.ts';
import { validateReport } from '../report/index.ts';
import { startTarget, type StartedTarget } from '../targets/index.ts';
import { describeResult, runCli, type CliResult } from './test-support/run-cli.ts';

// Needs a container engine: the test starts moto itself (the pinned image, or the one scripts/container-engine.sh
// builds from ../shared/emulators/moto-5.0.1) and aims the CLI at it with --endpoint, as a user of a running
// moto server would. Each assertion below is a mistake the suite once made on moto's answers.

let moto: StartedTarget;
let dir: string;
let result: CliResult;
let report: Report;

beforeAll(async () => {
  moto = await startTarget({ kind: 'container', emulator: 'moto' });
  dir = await mkdtemp(join(tmpdir(), 'cc-moto-endpoint-'));
  result = await runCli([
    'run',
    '--endpoint',
    moto.descriptor.endpoint,
    '--ops',
    'AdminInitiateAuth,DescribeUserPool,GetSigningCertificate',
    '--runs',
    '5',
    '--seed',
    '7',
    '--report-only',
    '--out',
    dir,
  ]);
  report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
}, 300_000);

afterAll(async () => {
  await moto?.stop();
  await rm(dir, { recursive: true, force: true });
});

function operation(name: string): OperationReport {
  const found = report.operations.find((op) => op.operation === name);
  if (!found) throw new Error(`no ${name} in the report`);
  return found;
}

describe('run --endpoint <a moto server>', () => {
  it('completes with a valid report that names moto, found from its own answers, not a port', () => {
    expect(result.code, describeResult(result)).toBe(0);
    expect(validateReport(report).errors).toEqual([]);
    expect(report.target).toMatchObject({ kind: 'endpoint', name: 'moto', emulator: 'moto' });
  });

  it('gives an operation moto answers with a generic 5xx to every request one unsupported verdict', () => {
    expect(operation('GetSigningCertificate').verdict).toBe('unsupported');
    expect(operation('GetSigningCertificate').deviations.map((d) => d.kind)).toEqual(['unsupported']);
    expect(operation('GetSigningCertificate').reason).toMatch(/5xx or an unknown-operation error/);
  });

  it('reports a null enum member once, as a wire-format difference', () => {
    const status = operation('DescribeUserPool').deviations.filter((d) => d.path === '/UserPool/Status');
    expect(status.map((d) => `${d.check} ${d.kind} ${d.severity}`)).toEqual([
      'response-schema wire-format warning',
    ]);
  });

  it('does not note members the current reference added as unexpected', () => {
    const unexpected = operation('DescribeUserPool')
      .deviations.filter((d) => d.kind === 'unexpected-member')
      .map((d) => d.path);
    expect(unexpected).not.toContain('/UserPool/AccountRecoverySetting');
    expect(unexpected).not.toContain('/UserPool/Arn');
  });

  it('reports a key set it cannot fetch once, about the key set, and no broken signature', () => {
    const auth = operation('AdminInitiateAuth').deviations.filter((d) => d.check === 'auth');
    expect(auth.filter((d) => d.path.endsWith('/$signature'))).toEqual([]);
    expect(auth.filter((d) => d.path === '/AuthenticationResult/$jwks')).toHaveLength(1);
  });

  it('holds nothing against moto for refusing what the current reference withdrew', () => {
    const adminAuth = operation('AdminInitiateAuth');
    expect(adminAuth.deviations.filter((d) => d.check === 'changes')).toEqual([]);
    expect(
      adminAuth.deviations.filter((d) => JSON.stringify(d.request).includes('"USER_PASSWORD_AUTH"')),
    ).toEqual([]);
    expect(report.changes?.find((c) => c.operation === 'AdminInitiateAuth')).toMatchObject({
      supported: null,
      withdrawn: expect.stringContaining('AdminInitiateAuthRequest$AuthFlow'),
    });
  });
});
