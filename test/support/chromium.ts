import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** The Chromium `npm test` chose (scripts/test-environment.sh), else Debian's. */
export const CHROMIUM = process.env['COGNITO_CONFORMANCE_CHROMIUM'] ?? '/usr/bin/chromium';

/** The closed network here refuses Chromium's background connections; these flags stop it making them. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium on a fresh profile; `close` ends it and removes the profile. */
export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Launches {@link CHROMIUM} with {@link CHROMIUM_ARGS} on a new, empty profile directory. */
export async function launchChromium(viewport = { width: 1440, height: 900 }): Promise<ChromiumSession> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-chromium-'));
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    serviceWorkers: 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
