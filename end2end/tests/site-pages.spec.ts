// The site's own pages: linked from every page's footer; written in Markdown by an editor as a
// draft the public does not see, published by an admin; a mistake keeps what was typed.
import { test, expect } from './fixtures';
import { logIn, DEMO_ADMIN, DEMO_EDITOR, DEMO_PASSWORD } from './journeys';

test('the footer leads to the five pages of the service', async ({ page, outside }) => {
  await page.goto('/');
  const footer = page.getByRole('navigation', { name: 'Le service' });
  for (const name of ['Comment ça marche', "Charte d'entraide", 'Mentions légales', 'Données personnelles', 'Accessibilité']) {
    await expect(footer.getByRole('link', { name })).toBeVisible();
  }
  await footer.getByRole('link', { name: "Charte d'entraide" }).click();
  await expect(page).toHaveURL(/\/pages\/charte$/);
  await expect(page.getByRole('heading', { level: 1, name: "Charte d'entraide" })).toBeVisible();
  await expect(page.getByText("L'entraide est gratuite.")).toBeVisible();
});

test('an editor drafts a page, an admin publishes it', async ({ page, browser, outside, js }, info) => {
  test.setTimeout(60_000);
  const stamp = `${info.project.name} ${Date.now()}`;
  await logIn(page, DEMO_EDITOR, DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Pages du site' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Comment ça marche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comment ça marche' })).toBeVisible();
  // With JavaScript, refused and then saved without a page load.
  if (js) {
    await expect(page.locator('form[data-background]').first()).toBeAttached();
    await page.evaluate(() => { (window as any).sameDocument = true; });
  }
  // A mistake: the text stays.
  const body = page.getByLabel('Texte (Markdown)');
  await body.fill(`## Nouveauté ${stamp}\n\nLe **mercredi**, une permanence téléphonique.`);
  await page.getByLabel('Titre', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText('Donnez un titre à la page.').first()).toBeVisible();
  await expect(body).toHaveValue(new RegExp(`Nouveauté ${stamp}`));
  await page.getByLabel('Titre', { exact: true }).fill('Comment ça marche');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('status').first()).toContainText('Le brouillon est enregistré.');
  const preview = page.getByRole('region', { name: 'Aperçu du brouillon' });
  await expect(preview.getByRole('heading', { level: 2, name: `Nouveauté ${stamp}` })).toBeVisible();
  await expect(page.getByText('Un administrateur publiera ce brouillon.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publier ce brouillon' })).toHaveCount(0);
  if (js) expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);

  // Not public yet.
  await page.goto('/pages/comment-ca-marche');
  await expect(page.getByText(`Nouveauté ${stamp}`)).toHaveCount(0);

  // The admin publishes it; the history says who did what.
  await page.context().clearCookies();
  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto('/admin/pages/comment-ca-marche');
  await page.getByRole('button', { name: 'Publier ce brouillon' }).click();
  await expect(page.getByRole('status').first()).toContainText('La page est publiée.');
  await expect(page.getByRole('region', { name: 'Historique' }).getByRole('listitem').first())
    .toContainText(/Rédactrice \(démo\).*publiée le .* par Administrateur \(démo\)/);
  await page.goto('/pages/comment-ca-marche');
  await expect(page.getByRole('heading', { level: 2, name: `Nouveauté ${stamp}` })).toBeVisible();
  await expect(page.getByText('mercredi', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Mise à jour le/)).toBeVisible();
});
