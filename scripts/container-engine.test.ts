import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Where scripts/container-engine.sh takes moto's source from: its own lines, from `readonly MOTO_VERSION` to
// `readonly MOTO_SOURCE_DIR`, run in bash with a made-up repository root. Nothing is built or installed.

const SCRIPT = readFileSync(join(import.meta.dirname, 'container-engine.sh'), 'utf8');

function motoSourceDir(env: Record<string, string>, cwd = '/tmp'): string {
  const start = SCRIPT.indexOf('readonly MOTO_VERSION=');
  const end = SCRIPT.indexOf('\n', SCRIPT.indexOf('readonly MOTO_SOURCE_DIR='));
  const lines = SCRIPT.slice(start, end);
  const run = spawnSync(
    'bash',
    ['-c', `set -Eeuo pipefail\nROOT_DIR=/repo\n${lines}\nprintf %s "$MOTO_SOURCE_DIR"`],
    {
      cwd,
      encoding: 'utf8',
      // Not a socket on stdin, or bash takes itself for a remote shell and reads ~/.bashrc.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
    },
  );
  expect(run.stderr).toBe('');
  return run.stdout;
}

describe('container-engine.sh: moto source', () => {
  it('is <repo>/../shared/emulators/moto-5.0.1 when nothing is set', () => {
    expect(motoSourceDir({})).toBe('/repo/../shared/emulators/moto-5.0.1');
    expect(motoSourceDir({ COGNITO_CONFORMANCE_DOCUMENTS: '' })).toBe('/repo/../shared/emulators/moto-5.0.1');
  });

  it('follows COGNITO_CONFORMANCE_DOCUMENTS, a relative one from the current directory', () => {
    expect(motoSourceDir({ COGNITO_CONFORMANCE_DOCUMENTS: '/docs' })).toBe('/docs/emulators/moto-5.0.1');
    expect(motoSourceDir({ COGNITO_CONFORMANCE_DOCUMENTS: 'docs' }, '/tmp')).toBe(
      '/tmp/docs/emulators/moto-5.0.1',
    );
  });

  it('takes COGNITO_CONFORMANCE_MOTO_SOURCE over both', () => {
    expect(
      motoSourceDir({ COGNITO_CONFORMANCE_MOTO_SOURCE: '/moto', COGNITO_CONFORMANCE_DOCUMENTS: '/docs' }),
    ).toBe('/moto');
    expect(motoSourceDir({ COGNITO_CONFORMANCE_MOTO_SOURCE: '/moto' })).toBe('/moto');
  });
});
