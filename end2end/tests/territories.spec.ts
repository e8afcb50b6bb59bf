import { test, expect, Page } from './fixtures';
import { signUp, publish, logIn, otherPerson, DEMO_ADMIN, DEMO_MODERATOR, DEMO_PASSWORD } from './journeys';

// Two territories on one instance (#19): run by end2end/two_servers.sh, which adds the Bas-Rhin
// (67) from the national open-data lists, gives the demo moderator the Haut-Rhin (68) only,
// and creates this moderator for the Bas-Rhin.
const BAS_RHIN_MODERATOR = 'moderateur.bas-rhin@entraide.test';

/** The queue card of the post titled `title`. */
const card = (page: Page, title: string) => page.getByRole('main').getByRole('article', { name: title });

test("each territory's staff see and decide on their own posts only; /67 opens the map on the Bas-Rhin", async ({ page, browser }, info) => {
  const stamp = Date.now();
  const strasbourg = `Courses à Strasbourg ${info.project.name} ${stamp}`;
  const colmar = `Courses à Colmar ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-terr-${stamp}@exemple.fr`);
  await publish(page, /demandez de l'aide/, 'Courses', strasbourg, 'Strasbourg');
  await publish(page, /demandez de l'aide/, 'Courses', colmar, 'Colmar');

  // The Haut-Rhin's moderator: Colmar, not Strasbourg.
  const haut = await otherPerson(browser, info, page);
  await logIn(haut, DEMO_MODERATOR, DEMO_PASSWORD);
  await haut.goto('/moderation');
  await expect(haut.getByText(/^Vous agissez dans : Haut-Rhin \(68\)\./)).toBeVisible();
  await expect(card(haut, colmar)).toBeVisible();
  await expect(card(haut, strasbourg)).toHaveCount(0);

  // The Bas-Rhin's: Strasbourg, not Colmar; and the post's full page is theirs only.
  const bas = await otherPerson(browser, info, page);
  await logIn(bas, BAS_RHIN_MODERATOR, DEMO_PASSWORD);
  await bas.goto('/moderation');
  await expect(card(bas, strasbourg)).toBeVisible();
  await expect(card(bas, colmar)).toHaveCount(0);
  await card(bas, strasbourg).getByRole('link', { name: "Historique complet de l'annonce" }).click();
  await expect(bas.getByRole('heading', { level: 1, name: strasbourg })).toBeVisible();
  const history = new URL(bas.url()).pathname;
  expect(history).toMatch(/^\/moderation\/annonces\/\d+$/);
  await haut.goto(history);
  await expect(haut.getByText(strasbourg)).toHaveCount(0);
  await expect(haut.getByRole('heading', { level: 1 })).toContainText(/introuvable/i);

  // Each decides on their own.
  await bas.goto('/moderation');
  await card(bas, strasbourg).getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(bas.getByRole('status').first()).toContainText("L'annonce est publiée.");
  await haut.goto('/moderation');
  await card(haut, colmar).getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(haut.getByRole('status').first()).toContainText("L'annonce est publiée.");

  // Anyone opening /67 lands on the Bas-Rhin's map and its posts.
  const visitor = await otherPerson(browser, info, page);
  await visitor.goto('/67');
  await expect(visitor).toHaveURL(/\/\?bbox=[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+$/);
  await expect(visitor.locator('#annonces').getByRole('article', { name: strasbourg })).toBeVisible();
});

test('a national admin chooses where a staff member acts', async ({ page }) => {
  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto('/admin/personnes?q=moderateur.bas-rhin');
  await page.getByRole('link', { name: 'Modérateur du Bas-Rhin' }).click();
  const section = page.getByRole('region', { name: 'Territoires' });
  await expect(section).toContainText('Agit dans : Bas-Rhin (67).');
  await expect(section.getByLabel('Bas-Rhin (67)')).toBeChecked();
  await section.getByLabel('Haut-Rhin (68)').check();
  await section.getByRole('button', { name: 'Enregistrer les territoires' }).click();
  await expect(page.getByRole('status').first()).toContainText('Les territoires sont enregistrés.');
  await expect(section).toContainText('Agit dans : Bas-Rhin (67), Haut-Rhin (68).');

  // Nothing ticked: said next to the boxes, nothing changed.
  await section.getByLabel('Bas-Rhin (67)').uncheck();
  await section.getByLabel('Haut-Rhin (68)').uncheck();
  await section.getByRole('button', { name: 'Enregistrer les territoires' }).click();
  await expect(section.locator('.field-error')).toHaveText('Cochez au moins un territoire, ou « Tous les territoires ».');
  await expect(section).toContainText('Agit dans : Bas-Rhin (67), Haut-Rhin (68).');

  // Back to the Bas-Rhin alone (the other journeys count on it).
  await section.getByLabel('Bas-Rhin (67)').check();
  await section.getByLabel('Haut-Rhin (68)').uncheck();
  await section.getByRole('button', { name: 'Enregistrer les territoires' }).click();
  await expect(section).toContainText('Agit dans : Bas-Rhin (67).');
});
