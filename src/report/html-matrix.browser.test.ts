import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COGNITO_LOCAL_REPORT,
  HOSTILE_ACTUAL,
  HOSTILE_MESSAGE,
  HOSTILE_PATH,
  MOTO_REPORT,
} from './html-matrix.fixture.ts';
import { renderCompatibilityMatrix } from './html-matrix.ts';

const SCREENSHOT = fileURLToPath(new URL('../../test-artifacts/html-matrix.png', import.meta.url));

interface Session {
  readonly dir: string;
  readonly url: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page attempted, allowed or not. */
  readonly requests: string[];
  readonly dialogs: string[];
  readonly problems: string[];
}

const MISSING_CHROMIUM = `Debian Chromium is missing at ${CHROMIUM}: run scripts/provision-browser.sh (as root) first`;

let session: Session | undefined;
const timings: Record<string, number> = {};

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

/** Launches Chromium on a fresh profile with every non-file request aborted and recorded. */
async function open(): Promise<Session> {
  const dir = await mkdtemp(join(tmpdir(), 'html-matrix-'));
  const file = join(dir, 'matrix.html');
  await writeFile(file, renderCompatibilityMatrix([COGNITO_LOCAL_REPORT, MOTO_REPORT]), 'utf8');
  const url = pathToFileURL(file).href;
  const context = await timed('launch', () =>
    chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      serviceWorkers: 'block',
    }),
  );
  const requests: string[] = [];
  const dialogs: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) =>
    route.request().url() === url ? route.continue() : route.abort('blockedbyclient'),
  );
  context.on('request', (request) => requests.push(request.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  await timed('load', async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('body[data-ready="true"]').waitFor();
  });
  return { dir, url, context, page, requests, dialogs, problems };
}

/** The open session; every test fails (never skips) with the provisioning hint when Chromium is missing. */
function current(): Session {
  if (!existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
  if (session === undefined) throw new Error('browser session did not start: see the beforeAll error');
  return session;
}

function cell(page: Page, operation: string, target: string): Locator {
  return page.locator(`[data-testid="cell"][data-operation="${operation}"][data-target="${target}"]`);
}

function backgroundOf(locator: Locator): Promise<string> {
  type Window = { getComputedStyle(element: unknown): { backgroundColor: string } };
  return locator.evaluate(
    (element) => (globalThis as unknown as Window).getComputedStyle(element).backgroundColor,
  );
}

const EXPECTED_CELLS: readonly [operation: string, target: string, verdict: string, counts: string][] = [
  ['AdminCreateUser', 'cognito-local', 'deviates', '2 error · 1 warning · 1 info'],
  ['AdminCreateUser', 'moto', 'conformant', 'no deviations'],
  ['AdminSetUserMFAPreference', 'cognito-local', 'not-run', ''],
  ['AdminSetUserMFAPreference', 'moto', 'conformant', 'no deviations'],
  ['InitiateAuth', 'cognito-local', 'conformant', 'no deviations'],
  ['InitiateAuth', 'moto', 'deviates', '2 error'],
  ['ListUsers', 'cognito-local', 'inconclusive', '1 info'],
  ['ListUsers', 'moto', 'conformant', 'no deviations'],
  ['SetRiskConfiguration', 'cognito-local', 'unsupported', '1 warning'],
  ['SetRiskConfiguration', 'moto', 'conformant', 'no deviations'],
];

const VERDICT_BACKGROUNDS: Readonly<Record<string, string>> = {
  conformant: 'rgb(218, 251, 225)',
  deviates: 'rgb(255, 235, 233)',
  unsupported: 'rgb(234, 238, 242)',
  inconclusive: 'rgb(255, 248, 197)',
};

describe('compatibility matrix in Debian Chromium', () => {
  beforeAll(async () => {
    if (existsSync(CHROMIUM)) session = await open();
  }, 60_000);

  it(`finds Debian Chromium at ${CHROMIUM}`, () => {
    expect(existsSync(CHROMIUM), MISSING_CHROMIUM).toBe(true);
  });

  afterAll(async () => {
    if (session === undefined) return;
    await timed('close', () => current().context.close());
    await rm(session.dir, { recursive: true, force: true });
    console.info(`html-matrix browser timings (ms): ${JSON.stringify(timings)}`);
  });

  it('shows each target with its kind and build', async () => {
    const { page } = current();
    const headers = page.getByTestId('target-header');
    expect(
      await headers.evaluateAll((nodes) =>
        nodes.map((n) => (n as unknown as { dataset: { target: string } }).dataset.target),
      ),
    ).toEqual([
      'cognito-local',
      'moto',
      'cognito-local',
      'moto',
      'cognito-local',
      'moto',
      'cognito-local',
      'moto',
    ]);
    const moto = headers.filter({ hasText: 'moto' }).first();
    expect(await moto.getByTestId('target-kind').textContent()).toBe('container');
    expect(await moto.getByTestId('target-build').textContent()).toBe('docker.io/motoserver/moto:5.1.4');
    expect(await moto.getByTestId('target-sdk').textContent()).toBe('AWS SDK 3.1169.0');
    expect(await moto.getAttribute('title')).toContain('endpoint: http://127.0.0.1:5000');
  });

  it('shows every cell verdict, coloured, with deviation counts by severity', async () => {
    const { page } = current();
    expect(await page.getByTestId('cell').count()).toBe(EXPECTED_CELLS.length);
    for (const [operation, target, verdict, counts] of EXPECTED_CELLS) {
      const located = cell(page, operation, target);
      expect(await located.getAttribute('data-verdict'), `${operation} on ${target}`).toBe(verdict);
      if (verdict === 'not-run') {
        expect(await located.textContent()).toBe('not run');
        continue;
      }
      expect(await located.getByTestId('cell-verdict').textContent()).toBe(verdict);
      expect(await located.getByTestId('cell-counts').textContent()).toBe(counts);
      expect(await backgroundOf(located)).toBe(VERDICT_BACKGROUNDS[verdict]);
    }
  });

  it('shows the document changes in their own section', async () => {
    const { page } = current();
    const rows = page.getByTestId('changes-table').getByTestId('change-row');
    expect(await rows.count()).toBe(3);
    const supported = await page
      .getByTestId('change-cell')
      .evaluateAll((nodes) =>
        nodes.map((n) => (n as unknown as { dataset: { supported: string } }).dataset.supported),
      );
    expect(supported).toEqual(['unchecked', 'true', 'false', 'true', 'null', 'true']);
  });

  it('shows the behaviour rules after the operations, by area, each cell coloured with its runs', async () => {
    const { page } = current();
    const table = page.getByTestId('behaviour-table');
    const rows = table.getByTestId('rule-row');
    expect(
      await rows.evaluateAll((nodes) =>
        nodes.map((n) => (n as unknown as { dataset: { rule: string } }).dataset.rule),
      ),
    ).toEqual([
      'sign-up-gives-unconfirmed',
      'unconfirmed-user-cannot-sign-in',
      'disabled-user-cannot-sign-in',
      'disabled-user-still-listed',
    ]);
    expect(await table.getByTestId('rule-area').allTextContents()).toEqual([
      'user status lifecycle',
      'user status lifecycle',
      'enabled and disabled',
      'enabled and disabled',
    ]);
    const verdicts = await page
      .getByTestId('rule-cell')
      .evaluateAll((nodes) =>
        nodes.map((n) => (n as unknown as { dataset: { ruleVerdict: string } }).dataset.ruleVerdict),
      );
    expect(verdicts).toEqual(['holds', 'not-judged', 'holds', 'holds', 'holds', 'broken', 'holds', 'holds']);
    const broken = table.locator(
      '[data-testid="rule-cell"][data-rule="disabled-user-cannot-sign-in"][data-target="moto"]',
    );
    expect(await broken.getByTestId('cell-verdict').textContent()).toBe('broken');
    expect(await broken.getByTestId('cell-runs').textContent()).toBe('8 runs · 3 failed');
    expect(await backgroundOf(broken)).toBe(VERDICT_BACKGROUNDS['deviates']);
    const held = table.locator(
      '[data-testid="rule-cell"][data-rule="disabled-user-still-listed"][data-target="moto"]',
    );
    expect(await held.getByTestId('cell-runs').textContent()).toBe('1 run');
    expect(await backgroundOf(held)).toBe(VERDICT_BACKGROUNDS['conformant']);

    const panel = page.getByTestId('details-panel');
    await broken.click();
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getByTestId('details-title').textContent()).toBe('disabled-user-cannot-sign-in');
    expect(await panel.getByTestId('details-verdict').textContent()).toBe('broken · 8 runs · 3 failed');
    expect(await panel.getByTestId('rule-broken-at').textContent()).toBe('InitiateAuth');
    expect(await panel.getByTestId('rule-source').textContent()).toBe('AdminDisableUser');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await cell(page, 'InitiateAuth', 'moto').click();
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getByTestId('deviation-rule').allTextContents()).toEqual([
      'disabled-user-cannot-sign-in',
    ]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });

  it("shows each target's coverage of the model by resource group, between operations and changes", async () => {
    const { page } = current();
    expect(await page.locator('main h2').allTextContents()).toEqual([
      'Operations',
      'Behaviour rules',
      'Coverage of the model',
      'Document changes',
    ]);
    const table = page.getByTestId('coverage-table');
    expect(await table.getByTestId('coverage-row').count()).toBe(16);
    const coverage = (group: string, target: string) =>
      table.locator(`[data-testid="coverage-cell"][data-group="${group}"][data-target="${target}"]`);
    const users = coverage('users', 'cognito-local');
    expect(await users.getByTestId('cell-verdict').textContent()).toBe('2 of 16 implemented');
    expect(await users.locator('.chip').allTextContents()).toEqual([
      '1 deviating',
      '1 inconclusive',
      '14 not run',
    ]);
    expect(await coverage('users', 'moto').getAttribute('title')).toContain(
      'conformant: AdminCreateUser, ListUsers',
    );
    expect(await coverage('total', 'moto').getByTestId('cell-verdict').textContent()).toBe(
      '5 of 113 implemented',
    );
    expect(await coverage('risk', 'cognito-local').locator('.chip').allTextContents()).toEqual([
      '1 unsupported',
      '4 not run',
    ]);
  });

  it('opens the details panel with the deviations, minimal request and reproduction command', async () => {
    const { page } = current();
    const panel = page.getByTestId('details-panel');
    expect(await panel.isHidden()).toBe(true);
    await cell(page, 'AdminCreateUser', 'cognito-local').click();
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getByTestId('details-title').textContent()).toBe('AdminCreateUser');
    expect(await panel.getByTestId('details-target').textContent()).toBe(
      'cognito-local (embedded) · http://127.0.0.1:9229',
    );
    const deviations = panel.getByTestId('deviation');
    expect(await deviations.count()).toBe(4);
    const first = deviations.first();
    expect(await first.getByTestId('deviation-check').textContent()).toBe('response-schema');
    expect(await first.getByTestId('deviation-kind').textContent()).toBe('missing-member');
    expect(await first.getByTestId('deviation-severity').textContent()).toBe('error');
    expect(await first.getByTestId('deviation-path').textContent()).toBe('/User/UserCreateDate');
    expect(await first.getByTestId('deviation-expected').textContent()).toBe('"timestamp (epoch seconds)"');
    expect(await first.getByTestId('deviation-actual').textContent()).toBe('null');
    expect(await first.getByTestId('deviation-message').textContent()).toBe(
      'Response is missing User.UserCreateDate',
    );
    expect(await first.getByTestId('deviation-request').textContent()).toBe(
      JSON.stringify(COGNITO_LOCAL_REPORT.operations[0]?.deviations[0]?.request, null, 2),
    );
    expect(await first.getByTestId('deviation-command').textContent()).toBe(
      'npx cognito-conformance run --target cognito-local --operation AdminCreateUser --seed 1234 --path "3:1:0"',
    );
    expect(await first.getByTestId('deviation-seed').textContent()).toBe('1234');
    expect(await first.getByTestId('deviation-occurrences').textContent()).toBe('4 times');
  });

  it('copies the reproduction command', async () => {
    const { page } = current();
    const copy = page.getByTestId('details-panel').getByTestId('copy-command').first();
    await copy.click();
    await page.waitForFunction(
      (element) => (element as unknown as { textContent: string }).textContent !== 'Copy',
      await copy.elementHandle(),
    );
    expect(await copy.textContent()).toBe('Copied');
  });

  it('renders hostile strings as text, running nothing', async () => {
    const { page, dialogs } = current();
    const hostile = page.getByTestId('deviation').filter({ hasText: 'alert(1)' });
    expect(await hostile.count()).toBe(1);
    expect(await hostile.getByTestId('deviation-message').textContent()).toBe(HOSTILE_MESSAGE);
    expect(await hostile.getByTestId('deviation-path').textContent()).toBe(HOSTILE_PATH);
    expect(await hostile.getByTestId('deviation-actual').textContent()).toBe(JSON.stringify(HOSTILE_ACTUAL));
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('saves a screenshot of the open details panel', async () => {
    const { page } = current();
    await mkdir(join(SCREENSHOT, '..'), { recursive: true });
    await timed('screenshot', () => page.screenshot({ path: SCREENSHOT }));
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('works from the keyboard: Escape closes, Enter opens, arrows move between cells', async () => {
    const { page } = current();
    const panel = page.getByTestId('details-panel');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    const origin = cell(page, 'AdminCreateUser', 'cognito-local');
    expect(
      await origin.evaluate(
        (element) =>
          element ===
          (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getByTestId('details-title').textContent()).toBe('AdminSetUserMFAPreference');
    expect(await panel.getByTestId('details-target').textContent()).toContain('moto (container)');
    expect(await panel.getByTestId('no-deviations').textContent()).toBe('No deviations recorded.');
  });

  it('made no network request besides the page itself, and logged no error', () => {
    const { url, requests, dialogs, problems } = current();
    expect(requests.filter((request) => !request.startsWith('data:'))).toEqual([url]);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
