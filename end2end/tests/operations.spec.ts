// The operator's view of a running server: `/metrics` is served on an address of its own (never
// the public one) and read by the Prometheus project's own parser (end2end/scrape_metrics.py);
// a post published moves the moderation queue, the posts by status and the requests counted;
// every answer carries its request id.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { publish, signUp } from './journeys';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const METRICS = `http://127.0.0.1:${PORT + 45}/metrics`;

type Labels = Record<string, string>;
type Scrape = { families: Record<string, string>; samples: [string, Labels, number][] };

function scrape(): Scrape {
  return JSON.parse(execFileSync('python3', ['scrape_metrics.py', METRICS]).toString());
}

/** The sum of the samples named `name` whose labels include `labels`. */
function value(s: Scrape, name: string, labels: Labels = {}): number {
  return s.samples
    .filter(([n, l]) => n === name && Object.entries(labels).every(([k, v]) => l[k] === v))
    .reduce((sum, [, , v]) => sum + v, 0);
}

test('the metrics are the operator\'s, parse, and follow what people do', async ({ page }, info) => {
  // Not on the public address.
  expect((await page.request.get('/metrics')).status()).toBe(404);

  const before = scrape();
  expect(before.families).toMatchObject({
    entraide_http_requests: 'counter',
    entraide_http_request_duration_seconds: 'histogram',
    entraide_db_write_wait_seconds: 'histogram',
    entraide_moderation_queue_posts: 'gauge',
    entraide_moderation_queue_oldest_age_seconds: 'gauge',
    entraide_outbox_emails: 'gauge',
    entraide_posts: 'gauge',
    entraide_db_pool_connections: 'gauge',
    entraide_alerts_sent: 'counter',
    entraide_panics: 'counter',
  });
  for (const pool of ['read', 'write']) {
    expect(before.samples.some(([n, l]) => n === 'entraide_db_pool_connections' && l.pool === pool)).toBe(true);
  }

  const email = `metriques-${info.project.name}-${Date.now()}@exemple.fr`;
  await signUp(page, email);
  await publish(page, /demandez de l'aide/, 'Courses', 'Des piles pour mon poste de radio', 'Thann');

  const after = scrape();
  expect(value(after, 'entraide_moderation_queue_posts')).toBe(value(before, 'entraide_moderation_queue_posts') + 1);
  expect(value(after, 'entraide_posts', { status: 'pending' })).toBe(value(before, 'entraide_posts', { status: 'pending' }) + 1);
  expect(value(after, 'entraide_moderation_queue_oldest_age_seconds')).toBeGreaterThan(0);
  const published = { method: 'POST', route: '/publier' };
  expect(value(after, 'entraide_http_requests_total', published)).toBeGreaterThan(value(before, 'entraide_http_requests_total', published));
  const timed = { route: '/publier' };
  expect(value(after, 'entraide_http_request_duration_seconds_count', timed))
    .toBeGreaterThan(value(before, 'entraide_http_request_duration_seconds_count', timed));
  // The verification e-mail went out through the SMTP server.
  expect(value(after, 'entraide_emails_total', { outcome: 'sent' })).toBeGreaterThan(value(before, 'entraide_emails_total', { outcome: 'sent' }));
  expect(value(after, 'entraide_db_write_wait_seconds_count')).toBeGreaterThan(value(before, 'entraide_db_write_wait_seconds_count'));
  // Routes are patterns: no post number, no token, no query in a label.
  const routes = new Set(after.samples.map(([, l]) => l.route).filter(Boolean));
  expect(routes.has('/posts/{id}') || routes.has('/mes-annonces')).toBe(true);
  for (const route of routes) expect(route, route).not.toMatch(/\/\d+(\/|$)|\?|@/);

  // Every answer names its request (the reference an error page would give).
  const res = await page.request.get('/');
  expect(res.headers()['x-request-id']).toMatch(/^[0-9a-f]{8}$/);

  // The post is withdrawn: the moderators' queue is left as it was.
  await page.goto('/mes-annonces');
  await page.getByRole('main').getByRole('article', { name: 'Des piles pour mon poste de radio' })
    .getByRole('button', { name: "Retirer l'annonce" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'annonce est retirée.");
});
