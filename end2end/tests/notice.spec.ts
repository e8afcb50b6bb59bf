// « Imprimer une affichette »: any open public post prints as an A4 notice (title, category,
// commune, a QR code drawn by the server, strips to tear off with its short address), the
// site's header and footer left out of the print. With and without JavaScript.
import { test, expect } from './fixtures';

test('a post prints as a notice with its QR code and strips to tear off', async ({ page, outside, js }, info) => {
  await page.goto('/?category=groceries');
  const title = (await page.locator('#annonces article h3').first().innerText()).trim();
  await page.goto((await page.locator('#annonces article a').first().getAttribute('href'))!);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Imprimer une affichette' }).click();
  await expect(page).toHaveURL(/\/posts\/\d+\/affichette$/);
  const id = page.url().split('/').slice(-2)[0];

  const sheet = page.getByRole('article', { name: title });
  await expect(sheet.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(sheet).toContainText('Courses');
  const qr = sheet.getByRole('img', { name: /Code QR menant à l'annonce/ });
  await expect(qr).toHaveAttribute('src', `/posts/${id}/qr.svg`);
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(sheet.getByRole('list', { name: /Bandes à détacher/ }).getByRole('listitem')).toHaveCount(8);
  await expect(sheet.getByRole('listitem').first()).toContainText(`/posts/${id}`);
  // The print button needs JavaScript; without it, the page says how to print.
  await expect(page.getByRole('button', { name: "Imprimer l'affichette" })).toHaveCount(js ? 1 : 0);
  await expect(page.getByText("« Imprimer » dans le menu de votre navigateur")).toBeVisible();

  // Printed: the notice alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByText('Retour à l\'annonce')).toBeHidden();
  await expect(sheet).toBeVisible();
  await page.screenshot({ path: info.outputPath('affichette-imprimee.png'), fullPage: true });
});

test('a post that is not public has no notice', async ({ page, outside }) => {
  const r = await page.goto('/posts/999999/affichette');
  expect(r?.status()).toBe(404);
  const qr = await page.request.get('/posts/999999/qr.svg');
  expect(qr.status()).toBe(404);
});
