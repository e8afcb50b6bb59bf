import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The journey through the deployment (end2end/deploy.sh starts nginx and the release server
// and gives their https address in DEPLOY_URL): a phone with JavaScript, a desktop without.
export default defineConfig({
  ...base,
  testDir: './deploy',
  webServer: undefined,
  use: { ...base.use, baseURL: process.env.DEPLOY_URL, ignoreHTTPSErrors: true },
  projects: (base.projects ?? []).filter((p) => p.name === 'phone-js' || p.name === 'desktop-nojs'),
});
