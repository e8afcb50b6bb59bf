// Installability of the app, checked the way Lighthouse's PWA audit did (`make bench`):
// Chromium's own verdict (DevTools protocol `Page.getInstallabilityErrors`), the manifest as
// Chromium parsed it, a service worker controlling the page, and the start URL answering
// 200 with the network cut. Prints `pwa.*` figures, one per line.
// Usage (from end2end/, where Playwright is installed): node ../benches/pwa.mjs URL
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(`${process.cwd()}/`);
const { chromium } = require('@playwright/test');
const url = process.argv[2];

// A profile on disk: Chromium never offers to install from an incognito window.
const profile = mkdtempSync(join(tmpdir(), 'entraide-pwa-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
  // The same page whatever the machine's browser would ask for (as vitals.mjs).
  locale: 'fr-FR',
  timezoneId: 'Europe/Paris',
  extraHTTPHeaders: { 'Accept-Language': 'fr-FR,fr;q=0.9' },
  colorScheme: 'light',
  reducedMotion: 'no-preference',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  serviceWorkers: 'allow',
});
const page = context.pages()[0] ?? (await context.newPage());
await page.route(/tiles\.invalid/, (r) => r.abort());
const cdp = await context.newCDPSession(page);
await page.goto(url, { waitUntil: 'load' });
let controlled = 0;
try {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
  controlled = 1;
} catch {}
const manifest = await cdp.send('Page.getAppManifest');
const manifestErrors = (manifest.errors ?? []).filter((e) => e.critical);
const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
for (const e of installabilityErrors) console.error(`installability: ${e.errorId} ${JSON.stringify(e.errorArguments)}`);
for (const e of manifestErrors) console.error(`manifest: ${e.message}`);

// Offline: the start URL still opens (from the worker's copy).
const start = new URL(JSON.parse(manifest.data || '{}').start_url ?? '/', url).href;
await page.goto(start, { waitUntil: 'load' });
await context.setOffline(true);
let offline = 0;
try {
  const r = await page.goto(start, { waitUntil: 'load' });
  offline = r && r.status() === 200 && (await page.locator('h1, h2').count()) > 0 ? 1 : 0;
} catch (e) {
  console.error(`offline start URL: ${e.message.split('\n')[0]}`);
}
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(`pwa.installability_errors ${installabilityErrors.length}`);
console.log(`pwa.manifest_errors ${manifestErrors.length}`);
console.log(`pwa.service_worker_controls ${controlled}`);
console.log(`pwa.offline_start_url_ok ${offline}`);
