import { test, expect } from './fixtures';
import { signUp, publish } from './journeys';

test('sign up, publish a request and an offer, see them pending, absent from the public map', async ({ page, outside, js }, info) => {
  const stamp = Date.now();
  await signUp(page, `${info.project.name}-pub-${stamp}@exemple.fr`);
  const request = `Besoin d'aide pour le jardin ${stamp}`;
  const offer = `Je propose des trajets ${stamp}`;
  // Accents and case do not matter; a postcode works too.
  await publish(page, /demandez de l'aide/, 'Bricolage, petits travaux', request, 'sainte marie aux mines');
  await publish(page, /proposez de l'aide/, 'Déplacements', offer, '68200');

  const mine = page.getByRole('main');
  await expect(mine.getByRole('article', { name: request })).toContainText('Sainte-Marie-aux-Mines');
  await expect(mine.getByRole('article', { name: offer })).toContainText('Mulhouse');
  for (const title of [request, offer]) {
    await expect(mine.getByRole('article', { name: title })).toContainText('En attente de validation');
  }
  await mine.getByRole('link', { name: request }).click();
  await expect(page.getByRole('status')).toContainText('seule vous voyez cette annonce');
  await expect(page.getByText('Bâtiment B')).toHaveCount(0);

  // Not public: the home list does not show it, even logged in.
  await page.goto('/?category=diy');
  await expect(page.getByRole('heading', { level: 2, name: /dans cette zone/ })).toBeVisible();
  await expect(page.getByText(request)).toHaveCount(0);

  // Edit the request: the form shows it as it stands.
  await page.goto('/mes-annonces');
  await mine.getByRole('article', { name: request }).getByRole('link', { name: 'Modifier' }).click();
  await expect(page.getByLabel('Titre')).toHaveValue(request);
  await expect(page.getByLabel('Commune ou code postal')).toHaveValue(/^Sainte-Marie-aux-Mines/);
  await page.getByLabel('Titre').fill(`${request} (modifiée)`);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?modifiee=\d+$/);
  await expect(mine.getByRole('article', { name: `${request} (modifiée)` })).toContainText('En attente de validation');

  // Withdraw the offer: with JavaScript, without a page load.
  await page.goto('/mes-annonces');
  if (js) {
    await expect(mine.locator('form[data-background]').first()).toBeAttached();
    await page.evaluate(() => { (window as any).sameDocument = true; });
  }
  await mine.getByRole('article', { name: offer }).getByRole('button', { name: "Retirer l'annonce" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'annonce est retirée.");
  await expect(mine.getByRole('article', { name: offer })).toContainText('Retirée');
  if (js) expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
});

test('publishing mistakes are explained and nothing typed is lost', async ({ page, outside, js }, info) => {
  const stamp = Date.now();
  await signUp(page, `${info.project.name}-err-${stamp}@exemple.fr`);
  await page.goto('/publier');
  // With JavaScript, the mistakes and then the post itself are sent without a page load.
  if (js) {
    await expect(page.locator('form[data-background]')).toBeAttached();
    await page.evaluate(() => { (window as any).sameDocument = true; });
  }
  await page.getByLabel('Titre').fill('Aide');
  await page.getByLabel('Description').fill('</textarea><b>gras</b>');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page.getByRole('alert')).toContainText('erreurs');
  await expect(page.getByLabel('Titre')).toHaveValue('Aide');
  await expect(page.getByLabel('Description')).toHaveValue('</textarea><b>gras</b>');
  await expect(page.getByText('Choisissez une catégorie.')).toBeVisible();
  await expect(page.getByText('Indiquez votre commune (ou son code postal)')).toBeVisible();

  // An unknown or ambiguous commune is explained, and what was typed stays.
  await page.getByLabel('Commune ou code postal').fill('Lyon');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page.getByText('Aucune commune desservie par Entraide ne correspond à « Lyon ».')).toBeVisible();
  await expect(page.getByLabel('Commune ou code postal')).toHaveValue('Lyon');

  // Put right, it is published.
  await page.getByRole('radio', { name: /demandez de l'aide/ }).check();
  await page.getByRole('radio', { name: 'Courses' }).check();
  await page.getByLabel('Titre').fill(`Aide aux courses ${stamp}`);
  await page.getByLabel('Description').fill('Le jeudi, au marché.');
  await page.getByLabel('Commune ou code postal').fill('Colmar');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  const published = page.getByRole('main').getByRole('article', { name: `Aide aux courses ${stamp}` });
  await expect(published).toContainText('Colmar');
  if (js) expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  // Withdrawn at once: the moderators' queue is left as it was for the other journeys.
  await published.getByRole('button', { name: "Retirer l'annonce" }).click();
  await expect(published).toContainText('Retirée');
});

test('publishing asks to log in first', async ({ page, outside }) => {
  const res = await page.goto('/publier');
  expect(res?.status()).toBe(401);
  await expect(page.getByRole('main').getByRole('link', { name: 'Se connecter' })).toBeVisible();
});

test('with JavaScript, a tap on the map places the post', async ({ page, outside, js }, info) => {
  test.skip(!js, 'the map needs JavaScript');
  await signUp(page, `${info.project.name}-pin-${Date.now()}@exemple.fr`);
  await page.goto('/publier');
  await page.getByRole('radio', { name: /proposez de l'aide/ }).check();
  await page.getByRole('radio', { name: 'Compagnie, sorties' }).check();
  await page.getByLabel('Titre').fill('Je rends visite aux personnes seules');
  await page.getByLabel('Description').fill('Le jeudi après-midi.');
  const map = page.getByRole('region', { name: 'Carte pour choisir le lieu' });
  await expect(map.locator('.leaflet-tile-pane')).toBeAttached();
  await map.click();
  await expect(page.locator('input[name="lat"]')).toHaveValue(/^4[78]\.\d+$/);
  await expect(map.getByRole('button', { name: /Lieu choisi/ })).toBeVisible();
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  await expect(page.getByRole('main').getByRole('article', { name: 'Je rends visite aux personnes seules' })).toContainText('En attente');
});
