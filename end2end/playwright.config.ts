import { defineConfig } from '@playwright/test';

// Every journey runs four times: phone and desktop, hydrated and with JavaScript disabled.
// The server is the real binary on a throwaway SQLite file loaded with the demo data
// (end2end/serve.sh). Tile requests never leave the machine: see tests/fixtures.ts.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop = { viewport: { width: 1280, height: 800 } };

export default defineConfig({
  testDir: './tests',
  // Needs a second territory: run by end2end/two_servers.sh (servers.config.ts).
  testIgnore: ['territories.spec.ts'],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // The service worker (public/sw.js) would answer requests before the tests' own routing
    // (tiles, isolation); offline.spec.ts turns it on for its journeys.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      ],
    },
  },
  projects: [
    { name: 'phone-js', use: { ...phone, javaScriptEnabled: true } },
    { name: 'phone-nojs', use: { ...phone, javaScriptEnabled: false } },
    { name: 'desktop-js', use: { ...desktop, javaScriptEnabled: true } },
    { name: 'desktop-nojs', use: { ...desktop, javaScriptEnabled: false } },
  ],
  webServer: {
    command: `bash ./serve.sh ${PORT}`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
