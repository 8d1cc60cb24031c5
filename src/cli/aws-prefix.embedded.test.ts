import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationProxy } from '../../test/support/mutation-proxy.ts';
import { listAllPools } from '../resources/index.ts';
import { startEmbeddedTarget, type StartedTarget } from '../targets/index.ts';
import { WireClient } from '../wire/index.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'cognito-conformance.mjs');
const AWS_STAND_IN_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_EC2_METADATA_DISABLED: 'true',
  CI: '1',
  COGNITO_CONFORMANCE_MAX_RPS: '100',
};

/** The member that names what each creating operation creates. */
const NAME_MEMBERS: Record<string, string> = {
  CreateUserPool: 'PoolName',
  CreateUserPoolClient: 'ClientName',
  AdminCreateUser: 'Username',
};
/** A name the suite meant to be valid (the negative check deliberately sends malformed ones). */
const WELL_FORMED_NAME = /^[\w+=,.@-]{1,128}$/;

let standIn: StartedTarget;
let proxy: MutationProxy;

beforeAll(async () => {
  standIn = await startEmbeddedTarget();
  proxy = await MutationProxy.start(standIn.descriptor.endpoint);
});

afterAll(async () => {
  await proxy.close();
  await standIn.stop();
});

describe('a run against AWS (cognito-local standing in)', () => {
  it('names everything it creates with the run prefix and deletes it all', async () => {
    // Arrange
    const names: string[] = [];
    proxy.onRequest((request) => {
      const member = NAME_MEMBERS[request.operation];
      const name = member
        ? (JSON.parse(request.body.toString('utf8') || '{}') as Record<string, unknown>)[member]
        : undefined;
      if (typeof name === 'string') names.push(name);
    });
    const out = mkdtempSync(join(tmpdir(), 'cc-prefix-'));
    // Act
    const cli = spawn(
      process.execPath,
      [
        BIN,
        'run',
        '--target',
        'aws',
        '--allow-aws',
        '--endpoint',
        proxy.endpoint,
        '--ops',
        'CreateUserPool,CreateUserPoolClient,InitiateAuth',
        '--runs',
        '4',
        '--out',
        out,
        '--report-only',
      ],
      {
        env: { ...process.env, ...AWS_STAND_IN_ENV, COGNITO_CONFORMANCE_RUN_ID: 'prefixcheck' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
    // Assert
    expect(code, stderr).toBe(0);
    const meant = names.filter((name) => WELL_FORMED_NAME.test(name));
    expect(meant.length).toBeGreaterThan(10);
    expect(meant.filter((name) => !name.startsWith('cc-prefixcheck-'))).toEqual([]);
    const wire = new WireClient(standIn.descriptor);
    expect(await listAllPools(wire)).toEqual([]);
    wire.destroy();
    expect(proxy.errors).toEqual([]);
  }, 240_000);
});
