import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getContainerRuntimeClient } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../test/support/chromium.ts';
import type { Report } from '../deviations/index.ts';
import { validateReport } from '../report/index.ts';
import { LAUNCHER_LABEL } from '../targets/index.ts';
import { describeResult, runCli, type CliResult } from './test-support/run-cli.ts';

// Needs a container engine and a Chromium: `npm test` provides both (or uses what the machine has). The quick
// profile runs against real cognito-local and moto containers, one after the other, and their reports become
// the two-column compatibility matrix, checked in the browser as a reader would use it.

const EMULATORS = ['cognito-local', 'moto'] as const;
/** The engine's choice of images (the locally built ones where no registry is reachable) goes to the CLI too. */
const ENGINE_ENV = { COGNITO_CONFORMANCE_LOCAL_IMAGES: process.env['COGNITO_CONFORMANCE_LOCAL_IMAGES'] };

let dir: string;
const runs = new Map<string, CliResult>();
const reports = new Map<string, Report>();
let matrix: CliResult;
let browser: ChromiumSession | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cc-emulator-matrix-'));
  for (const emulator of EMULATORS) {
    const out = join(dir, emulator);
    const run = await runCli(
      ['run', '--target', `container:${emulator}`, '--seed', '7', '--report-only', '--out', out],
      { env: ENGINE_ENV },
    );
    runs.set(emulator, run);
    reports.set(emulator, JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report);
  }
  matrix = await runCli([
    'report',
    ...EMULATORS.map((emulator) => join(dir, emulator, 'report.json')),
    '--html',
    join(dir, 'matrix.html'),
  ]);
  browser = await launchChromium();
  await browser.page.goto(pathToFileURL(join(dir, 'matrix.html')).href, { waitUntil: 'load' });
  await browser.page.locator('body[data-ready="true"]').waitFor();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

function report(emulator: string): Report {
  const found = reports.get(emulator);
  if (!found) throw new Error(`no report for ${emulator}`);
  return found;
}

describe('the quick profile against real cognito-local and moto containers', () => {
  it.each(EMULATORS)('runs against %s to a complete, valid report naming its pinned build', (emulator) => {
    const run = runs.get(emulator);
    expect(run?.code, run && describeResult(run)).toBe(0);
    expect(validateReport(report(emulator)).errors).toEqual([]);
    expect(report(emulator).target).toMatchObject({ kind: 'container', name: emulator, emulator });
    expect(report(emulator).target.version).toBe(emulator === 'moto' ? '5.0.1' : '5.3.0');
    expect(report(emulator).operations).toHaveLength(113);
  });

  it('judges each emulator on its own answers: GetSigningCertificate is one unsupported verdict on both', () => {
    for (const emulator of EMULATORS) {
      const signing = report(emulator).operations.find((op) => op.operation === 'GetSigningCertificate');
      expect(signing?.verdict, emulator).toBe('unsupported');
      expect(
        signing?.deviations.map((d) => d.kind),
        emulator,
      ).toEqual(['unsupported']);
    }
  });

  it('leaves no container behind', async () => {
    const client = await getContainerRuntimeClient();
    const left = await client.container.dockerode.listContainers({
      all: true,
      filters: { label: [LAUNCHER_LABEL] },
    });
    expect(left).toEqual([]);
  });
});

describe('their compatibility matrix in Chromium', () => {
  it('is written by the report command', () => {
    expect(matrix.code, describeResult(matrix)).toBe(0);
  });

  it('has one column per emulator, named after it', async () => {
    const page = browser?.page;
    if (!page) throw new Error('Chromium did not start: see the beforeAll error');
    const names = await page
      .getByTestId('matrix-table')
      .getByTestId('target-header')
      .locator('.target-name')
      .allTextContents();
    expect(names).toEqual([...EMULATORS]);
  });

  it('sums each column up: operations run, verdicts and deviations', async () => {
    const page = browser?.page;
    if (!page) throw new Error('Chromium did not start: see the beforeAll error');
    for (const emulator of EMULATORS) {
      const summary = page.locator(`[data-testid="target-summary"][data-target="${emulator}"]`);
      const { summary: counts } = report(emulator);
      expect(await summary.textContent()).toContain(`${counts.operations} operations run`);
      expect(await summary.textContent()).toContain(`${counts.deviations} deviations`);
      expect(await summary.textContent()).toContain(`${counts.unsupported} unsupported`);
    }
  });

  it('opens a cell with its deviations, minimal request and reproduction', async () => {
    const page = browser?.page;
    if (!page) throw new Error('Chromium did not start: see the beforeAll error');
    const deviating = report('moto').operations.find((op) => op.verdict === 'deviates');
    if (!deviating) throw new Error('moto deviates nowhere: the matrix has no cell to open');
    await page
      .locator(`[data-testid="cell"][data-operation="${deviating.operation}"][data-target="moto"]`)
      .click();
    const panel = page.getByTestId('details-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('details-title').textContent()).toBe(deviating.operation);
    expect(await panel.getByTestId('deviation').count()).toBe(deviating.deviations.length);
    expect(await panel.getByTestId('deviation-command').first().textContent()).toMatch(/^#!\/bin\/sh\n/);
  });
});
