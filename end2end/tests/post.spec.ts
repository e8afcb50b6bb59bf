import { test, expect, listItems } from './fixtures';

test('a post page opens from the list', async ({ page, outside, js }) => {
  await page.goto('/');
  const first = listItems(page).first();
  const title = await first.getByRole('heading', { level: 3 }).innerText();
  await first.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/posts\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('position approximative').first()).toBeVisible();
  await expect(page).toHaveTitle(`${title} — Entraide Haut-Rhin`);
  if (js) await expect(page.locator('.map-small .leaflet-marker-icon')).toHaveCount(1);
  await page.getByRole('link', { name: '← Retour aux annonces' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('an unknown post is a real 404', async ({ page, outside }) => {
  const res = await page.goto('/posts/99999999');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  const res2 = await page.goto('/no/such/page');
  expect(res2?.status()).toBe(404);
});
