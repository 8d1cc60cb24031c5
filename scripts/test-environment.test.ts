import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The choices `npm test` makes before any test runs (scripts/test-environment.sh), with its probes replaced:
// whether this is Debian, whether it runs as root, where Docker's default sockets are, where Chromium is.
// `te_main --plan` prints the choices and changes nothing.

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'test-environment-'));
/** Answers the Docker API's `GET /_ping` with 200 OK, like Docker and Podman do. */
const engineSocket = join(dir, 'docker.sock');
/** Accepts connections and never answers. */
const silentSocket = join(dir, 'silent.sock');
const missingSocket = join(dir, 'missing.sock');
const fakeChromium = join(dir, 'chromium');
const pings: string[] = [];
let engine: HttpServer;
let silent: NetServer;
const held: Socket[] = [];

beforeAll(async () => {
  engine = createHttpServer((req, res) => {
    pings.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.writeHead(req.url === '/_ping' ? 200 : 404, { 'content-type': 'text/plain', 'api-version': '1.41' });
    res.end(req.url === '/_ping' ? 'OK' : 'not found');
  });
  silent = createNetServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => engine.listen(engineSocket, resolve));
  await new Promise<void>((resolve) => silent.listen(silentSocket, resolve));
  writeFileSync(fakeChromium, '#!/bin/sh\necho Chromium 1.0\n');
  chmodSync(fakeChromium, 0o755);
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => engine.close(resolve));
  await new Promise((resolve) => silent.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface Machine {
  readonly root: boolean;
  readonly debian: boolean;
  /** Docker's default sockets on this machine. */
  readonly sockets?: readonly string[];
  /** Chromium binaries present. */
  readonly chromium?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

interface Plan {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `te_main --plan` on a machine described by `machine`; asynchronously, so the fake engine can answer. */
function plan(machine: Machine): Promise<Plan> {
  const lines = (items: readonly string[] = []): string => items.map((item) => `echo '${item}';`).join(' ');
  const script = [
    '. scripts/test-environment.sh',
    `te_is_root() { ${machine.root ? 'true' : 'false'}; }`,
    `te_is_debian() { ${machine.debian ? 'true' : 'false'}; }`,
    `te_docker_sockets() { ${lines(machine.sockets)} true; }`,
    `te_chromium_candidates() { ${lines(machine.chromium)} true; }`,
    'te_main --plan',
  ].join('\n');
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: dir, ...machine.env };
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { cwd: ROOT, env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm test: the container engine', () => {
  it('uses an engine that already answers at DOCKER_HOST over provisioning one, even as root on Debian', async () => {
    // Arrange
    const before = pings.length;
    // Act
    const result = await plan({ root: true, debian: true, env: { DOCKER_HOST: `unix://${engineSocket}` } });
    // Assert
    expect(result.stdout).toContain(`engine: existing unix://${engineSocket}\n`);
    expect(result.stdout).not.toContain('engine: provision');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(pings.slice(before)).toEqual(['GET /_ping']);
  });

  it("uses Docker's default socket when it answers and DOCKER_HOST is unset, past sockets that do not", async () => {
    const result = await plan({
      root: true,
      debian: true,
      sockets: [missingSocket, silentSocket, engineSocket],
    });
    expect(result.stdout).toContain(`engine: existing unix://${engineSocket}\n`);
    expect(result.code).toBe(0);
  });

  it("provisions Podman as root on Debian when no socket answers, also when DOCKER_HOST is the project's own", async () => {
    const result = await plan({
      root: true,
      debian: true,
      sockets: [missingSocket],
      env: { DOCKER_HOST: 'unix:///run/cognito-conformance/podman.sock' },
    });
    expect(result.stdout).toContain('engine: provision\n');
    expect(result.stdout).toContain('skip: nothing\n');
    expect(result.code).toBe(0);
  });

  it('skips the container tests with one line saying what is missing and how to get it, outside CI', async () => {
    // Arrange
    const machine = { root: false, debian: true, sockets: [missingSocket], chromium: [fakeChromium] };
    // Act
    const result = await plan(machine);
    // Assert
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`engine: missing\nbrowser: found ${fakeChromium}\nskip: containers\n`);
    expect(result.stderr).toBe(
      'npm test: skipping the container tests: no container engine answers (DOCKER_HOST is unset; nothing ' +
        `answers at ${missingSocket}) and the project's Podman engine needs root. To run them: start Docker, or ` +
        'set DOCKER_HOST to a running Docker or Podman API socket, or run npm test as root on Debian.\n',
    );
  });

  it('never skips under CI: a missing engine fails the run', async () => {
    const result = await plan({
      root: false,
      debian: false,
      sockets: [missingSocket],
      chromium: [fakeChromium],
      env: { CI: 'true' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('engine: missing\n');
    expect(result.stdout).toContain('skip: nothing\n');
    expect(result.stderr).toMatch(
      /^npm test: FAILED: the container tests cannot run: no container engine answers .* needs Debian and root\. .*\(CI is set, so they are not skipped\.\)\n$/,
    );
  });

  it('does not look further when DOCKER_HOST is set but does not answer, and says so', async () => {
    const result = await plan({
      root: true,
      debian: true,
      sockets: [engineSocket],
      chromium: [fakeChromium],
      env: { DOCKER_HOST: `unix://${missingSocket}` },
    });
    expect(result.stdout).toContain('engine: missing\n');
    expect(result.stderr).toBe(
      `npm test: skipping the container tests: DOCKER_HOST=unix://${missingSocket} does not answer GET /_ping. ` +
        "To run them: start that engine, or unset DOCKER_HOST to use Docker's default socket (or, as root on " +
        "Debian, the project's Podman engine).\n",
    );
  });
});

describe('npm test: Chromium', () => {
  it('uses a Chromium already on the machine rather than installing one', async () => {
    const result = await plan({
      root: true,
      debian: true,
      sockets: [engineSocket],
      chromium: [join(dir, 'none'), fakeChromium],
    });
    expect(result.stdout).toContain(`browser: found ${fakeChromium}\n`);
  });

  it("installs Debian's only as root on Debian", async () => {
    const result = await plan({ root: true, debian: true, sockets: [engineSocket] });
    expect(result.stdout).toContain('browser: provision /usr/bin/chromium\n');
  });

  it('skips the browser tests with one line elsewhere, and fails under CI', async () => {
    const outside = await plan({ root: false, debian: false, sockets: [engineSocket] });
    const underCi = await plan({ root: false, debian: false, sockets: [engineSocket], env: { CI: '1' } });
    expect(outside.code).toBe(0);
    expect(outside.stdout).toContain('skip: browser\n');
    expect(outside.stderr.split('\n')).toEqual([
      'npm test: skipping the browser tests: no Chromium found (not at /usr/bin/chromium, none on the PATH, no ' +
        "playwright download) and installing Debian's needs Debian and root. To run them: install Chromium " +
        '(apt-get install chromium, or npx playwright-core install chromium), or set COGNITO_CONFORMANCE_CHROMIUM ' +
        'to a Chromium binary.',
      '',
    ]);
    expect(underCi.code).toBe(1);
    expect(underCi.stderr).toMatch(/^npm test: FAILED: the browser tests cannot run: no Chromium found/);
  });

  it('skips both with a line each when neither can be had', async () => {
    const result = await plan({ root: false, debian: false, sockets: [missingSocket] });
    expect(result.stdout).toContain('skip: containers browser\n');
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });
});
