import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Journeys through two app servers on one database behind a round-robin load balancer
// (end2end/two_servers.sh starts them and nginx, and gives the balancer's address in
// SERVERS_URL): consecutive requests of a journey go to different servers. A phone with
// JavaScript and a desktop without.
export default defineConfig({
  ...base,
  testMatch: ['accounts.spec.ts', 'publish.spec.ts', 'moderation.spec.ts', 'answering.spec.ts', 'territories.spec.ts'],
  testIgnore: [],
  webServer: undefined,
  use: { ...base.use, baseURL: process.env.SERVERS_URL },
  projects: (base.projects ?? []).filter((p) => p.name === 'phone-js' || p.name === 'desktop-nojs'),
});
