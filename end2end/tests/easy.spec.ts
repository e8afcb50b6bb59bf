// Easy-read mode ("Lecture facile", FALC): a switch in the header, remembered; larger text,
// simpler words, pictograms; and "Publier" one question per screen, with and without
// JavaScript, each step checked on its own, every answer changeable before publishing.
import { test, expect, listItems } from './fixtures';
import { signUp } from './journeys';

test('the easy-read switch: larger text and simpler words, remembered, and back', async ({ page, outside }) => {
  await page.goto('/?category=homework');
  await page.waitForLoadState();
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const standard = await size();
  await page.getByRole('link', { name: 'Lecture facile' }).click();
  await expect(page).toHaveURL(/\/\?category=homework$/);
  await expect(page.locator('html')).toHaveClass(/falc/);
  await page.waitForLoadState();
  await expect.poll(size).toBeGreaterThan(standard * 1.15);
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ annonces? ici$/ })).toBeVisible();
  await expect(listItems(page).first().locator('.badge')).toHaveText(/^(Cherche|Propose) de l'aide$/);
  // Remembered on the next page.
  await page.goto('/nulle-part');
  await expect(page.getByText("Cette page n'existe pas. Ou l'annonce n'est plus là.")).toBeVisible();
  await page.getByRole('link', { name: 'Lecture habituelle' }).click();
  await expect(page.locator('html')).not.toHaveClass(/falc/);
  await expect(page.getByText(/Cette page n'existe pas, ou l'annonce n'est plus en ligne/)).toBeVisible();
});

test('publishing in easy-read mode: one question per screen', async ({ page, outside, js }, info) => {
  test.setTimeout(60_000);
  await signUp(page, `${info.project.name}-falc-${Date.now()}@exemple.fr`);
  await page.goto('/lecture/facile?retour=/publier');
  await expect(page.getByText('Étape 1 sur 7')).toBeVisible();
  // With JavaScript, the screens follow one another without a reload.
  if (js) await expect(page.locator('form.steps[data-background]')).toBeAttached();
  let loads = 0;
  page.on('load', () => loads++);
  // One action per screen: the kind, by a big button.
  await page.getByRole('button', { name: "J'ai besoin d'aide" }).click();
  await expect(page.getByText('Étape 2 sur 7')).toBeVisible();
  // The reader is taken to the new question.
  if (js) await expect(page.getByText('Étape 2 sur 7')).toBeFocused();
  // Categories with their pictograms.
  await expect(page.locator('.big-choice-icon')).toHaveCount(10);
  await page.getByRole('button', { name: 'Courses' }).click();
  await expect(page.getByText('Étape 3 sur 7')).toBeVisible();
  // A step refuses a wrong answer on its own, keeping the others.
  await page.getByLabel('Écrivez un titre court.').fill('ab');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Étape 3 sur 7')).toBeVisible();
  await expect(page.locator('.field-error')).toBeVisible();
  await expect(page.getByLabel('Écrivez un titre court.')).toHaveValue('ab');
  const title = `Courses du mardi ${Date.now()}`;
  await page.getByLabel('Écrivez un titre court.').fill(title);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel("Expliquez ce qu'il faut faire.").fill('Le mardi matin, au supermarché.');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Dans quelle commune ?').fill('Mulhouse');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Étape 6 sur 7')).toBeVisible();
  await page.getByRole('button', { name: 'Continuer' }).click();
  // The summary: every answer, each changeable.
  await expect(page.getByText('Étape 7 sur 7')).toBeVisible();
  const summary = page.locator('dl.summary');
  await expect(summary).toContainText("J'ai besoin d'aide");
  await expect(summary).toContainText('Courses');
  await expect(summary).toContainText(title);
  await page.getByRole('button', { name: 'Changer : Commune' }).click();
  await expect(page.getByLabel('Dans quelle commune ?')).toHaveValue('Mulhouse');
  await page.getByLabel('Dans quelle commune ?').fill('Colmar');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Étape 6 sur 7')).toBeVisible();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(summary).toContainText('Colmar');
  if (js) expect(loads, 'a screen loaded the whole page').toBe(0);
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  await expect(page.getByRole('main').getByRole('article', { name: title })).toContainText('Colmar');
});
