// The place box of the home page: a commune or a postcode and a radius, as a plain GET form
// (with or without JavaScript); the list says how far each post is from the place, "Plus
// proches" orders from the place, the address keeps it all (shareable, back button), and a
// place that is no commune is said, what was typed kept.
import { test, expect, Page } from './fixtures';

/** The distances the cards say, in km ("moins de 500 m" as 0). */
async function distances(page: Page): Promise<number[]> {
  const texts = await page.locator('#annonces .distance').allTextContents();
  return texts.map((t) => (t.includes('moins de 500') ? 0 : Number(t.replace(/^à /, '').replace(/ km$/, '').replace(',', '.'))));
}

test('searching around a place: distances, nearest first from it, a radius, all in the address', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('search', { name: "Chercher des annonces" });
  await box.getByLabel('Commune ou code postal').fill('mulhouse');
  await box.getByLabel('Rayon').selectOption('5');
  await box.getByRole('button', { name: 'Chercher' }).click();
  await expect(page).toHaveURL(/[?&]place=mulhouse&radius=5(&|$)/);
  await expect(box).toContainText('À moins de 5 km de mulhouse');
  await expect(box.getByLabel('Commune ou code postal')).toHaveValue('mulhouse');
  await expect(page.locator('#annonces .distance').first()).toBeVisible();
  expect((await distances(page)).every((d) => d <= 5.05)).toBe(true);

  // Nearest first, from the place (not the map's centre); the address keeps the place.
  await page.getByRole('link', { name: 'Plus proches' }).click();
  await expect(page).toHaveURL(/sort=nearest/);
  await expect(page).toHaveURL(/place=mulhouse/);
  await expect.poll(async () => {
    const d = await distances(page);
    return d.length > 3 && d.every((x, i) => i === 0 || d[i - 1] <= x + 0.1);
  }, { message: 'the cards in order of distance' }).toBe(true);

  // A category keeps the place too; clearing the place goes back to the whole département.
  await page.getByRole('link', { name: /^Courses/ }).first().click();
  await expect(page).toHaveURL(/place=mulhouse.*category=groceries|category=groceries.*place=mulhouse/);
  await box.getByRole('link', { name: 'Effacer le lieu' }).click();
  await expect(page).not.toHaveURL(/place=/);
  await expect(page.locator('#annonces .distance')).toHaveCount(0);

  // The back button brings the place back.
  await page.goBack();
  await expect(page).toHaveURL(/place=mulhouse/);
  await expect(page.getByRole('search', { name: "Chercher des annonces" }).getByLabel('Commune ou code postal')).toHaveValue('mulhouse');
});

test('a place that is no commune is said, and what was typed stays', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('search', { name: "Chercher des annonces" });
  await box.getByLabel('Commune ou code postal').fill('Strasbourg');
  await box.getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Aucune commune desservie par Entraide ne correspond à « Strasbourg »');
  await expect(page.getByRole('search', { name: "Chercher des annonces" }).getByLabel('Commune ou code postal')).toHaveValue('Strasbourg');
});
