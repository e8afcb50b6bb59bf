// « Pilotage »: staff read the figures of a period; each count equals the one end2end/check_stats.py
// makes from the database with code of its own, and the same figures come as JSON; every chart
// comes with its table; a count about a commune under 5 reads "< 5"; a wrong selection is said
// next to its field and what was typed stays.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test, expect, Page } from './fixtures';
import { logIn, DEMO_MODERATOR, DEMO_PASSWORD } from './journeys';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** The value shown for the figure named `name`. */
async function figure(page: Page, name: string): Promise<string> {
  const card = page.locator('.figure').filter({ has: page.getByText(name, { exact: true }) });
  return (await card.locator('dd').innerText()).trim();
}

test('staff read the figures of the year: the counts are the database\'s, each chart has its table', async ({ page, outside }) => {
  await logIn(page, DEMO_MODERATOR, DEMO_PASSWORD);
  await page.goto('/moderation');
  await page.getByRole('link', { name: 'Chiffres' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chiffres' })).toBeVisible();
  await page.getByRole('link', { name: 'Cette année' }).click();
  await expect(page).toHaveURL(/\/pilotage\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('heading', { level: 2, name: /^Du \d{4}-01-01 au / })).toBeVisible();
  const url = new URL(page.url());
  const [from, to] = [url.searchParams.get('from')!, url.searchParams.get('to')!];

  // Counted on its own from the database, then read from the JSON and from the page.
  const db = readFileSync(`/tmp/entraide-e2e-db-${PORT}`, 'utf8').trim();
  const counted = JSON.parse(execFileSync('python3', ['check_stats.py', db, from, to]).toString());
  expect(counted.requests).toBeGreaterThan(0);
  const res = await page.request.get(`/api/v1/stats?from=${from}&to=${to}`);
  expect(res.status()).toBe(200);
  const json = await res.json();
  for (const key of ['requests', 'offers', 'unanswered', 'fulfilled']) expect(json[key], key).toBe(counted[key]);
  expect(await figure(page, 'Demandes')).toBe(String(counted.requests));
  expect(await figure(page, 'Offres')).toBe(String(counted.offers));
  expect(await figure(page, 'Demandes encore sans réponse')).toBe(String(counted.unanswered));
  expect(await figure(page, 'Demandes satisfaites')).toBe(String(counted.fulfilled));

  // A year is drawn by month; the table beside the chart holds the same counts.
  await expect(page.getByRole('img', { name: 'Annonces publiées par mois' })).toBeVisible();
  const months = page.getByRole('table', { name: /Annonces publiées par mois/ });
  const cells = await months.locator('tbody tr').evaluateAll(rows => rows.map(r => Number(r.querySelectorAll('td')[0].textContent)));
  expect(cells.length).toBe(Number(to.slice(5, 7)));
  expect(cells.reduce((a, b) => a + b, 0)).toBe(counted.requests);
  await expect(page.getByRole('img', { name: 'Délai médian avant la première réponse, par catégorie' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Délai médian avant la première réponse/ }).locator('tbody tr')).toHaveCount(10);

  // The communes' map is an image the server draws, followed by its table: no count of 1 to 4.
  const map = page.getByRole('img', { name: /Carte des communes du Haut-Rhin/ });
  await map.scrollIntoViewIfNeeded();
  await expect.poll(() => map.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const communes = page.getByRole('table', { name: 'Annonces par commune' });
  const numbers = await communes.locator('td.num').allInnerTexts();
  expect(numbers.length).toBeGreaterThan(0);
  for (const n of numbers) expect(n.trim()).toMatch(/^(< 5|0|[5-9]|\d{2,})$/);
  await expect(communes.getByText('< 5').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Annonces par catégorie' }).locator('tbody tr')).toHaveCount(10);
});

test('a commune that does not exist is said next to its field, and what was typed stays', async ({ page, outside }) => {
  await logIn(page, DEMO_MODERATOR, DEMO_PASSWORD);
  await page.goto('/pilotage');
  await page.getByLabel('Commune (facultatif)').fill('Atlantis');
  await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Courses' });
  await page.getByRole('button', { name: 'Afficher les chiffres' }).click();
  await expect(page).toHaveURL(/commune=Atlantis/);
  await expect(page.locator('.field-error').filter({ hasText: 'Aucune commune desservie par Entraide ne correspond à « Atlantis ».' })).toBeVisible();
  await expect(page.getByLabel('Commune (facultatif)')).toHaveValue('Atlantis');
  await expect(page.getByLabel('Catégorie', { exact: true })).toHaveValue('groceries');
  // Corrected, the figures of that commune and category come.
  await page.getByLabel('Commune (facultatif)').fill('Colmar');
  await page.getByRole('button', { name: 'Afficher les chiffres' }).click();
  await expect(page.getByText('Colmar · Courses')).toBeVisible();
});
