// Accounts people can keep, and abuse that cannot get through (issue "Trust"): journeys that
// cross several pages, in the four projects.
import { test, expect, Page } from './fixtures';
import { signUp, publish, otherPerson, approveAsModerator, confirmAddress, logIn } from './journeys';
import { mailsTo, nextLink } from './mail';

/** What sticks out on the right, if the page scrolls sideways (empty: it does not). */
async function scrollsSideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    return Array.from(document.body.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
  });
}

test('a long link in a description and a long name wrap on a phone', async ({ page, browser, outside }, info) => {
  test.skip(info.project.name.startsWith('desktop'), 'widths are checked on the phone projects');
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Groupe du quartier ${info.project.name} ${stamp}`;
  const link = 'https://www.facebook.com/groups/entraidesolidairedescolmariensducentreville';
  await signUp(page, `${info.project.name}-lien-${stamp}@exemple.fr`);
  await publish(page, /proposez de l'aide/, 'Courses', title, 'Colmar', `Rejoignez-nous : ${link}`);
  await approveAsModerator(browser, info, page, title);

  const helper = await otherPerson(browser, info, page);
  const longName = 'Marie-Christine-Alexandrine-Bernadette-Dominique-Évangéline';
  await signUp(helper, `${info.project.name}-nom-${stamp}@exemple.fr`, longName);
  await page.goto('/mes-annonces');
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByText(link)).toBeVisible();
  await expect.poll(() => scrollsSideways(page), { message: `/posts with ${link}` }).toEqual([]);
  const postUrl = page.url();

  await helper.goto(postUrl);
  await expect(helper.getByText(link)).toBeVisible();
  await expect.poll(() => scrollsSideways(helper), { message: 'the post page, as a helper' }).toEqual([]);
  await helper.getByLabel("Votre message à l'auteur").fill('Bonjour, cela m’intéresse.');
  await helper.getByRole('button', { name: "Ça m'intéresse" }).click();
  await expect(helper).toHaveURL(/\/messages\/\d+$/);

  await page.goto('/messages');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(longName.slice(0, 20));
  await expect.poll(() => scrollsSideways(page), { message: 'the conversation, headed by a long name' }).toEqual([]);
  await helper.context().close();
});

test('sign up, publishing waits for the address (keeping what was typed), the mailed link confirms it, then it publishes', async ({ page, outside }, info) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const email = `${info.project.name}-verif-${stamp}@exemple.fr`;
  const title = `Aide au jardin ${info.project.name} ${stamp}`;
  await signUp(page, email, 'Marcel', false);
  await expect(page.getByRole('heading', { name: 'Confirmez votre adresse e-mail' })).toBeVisible();
  await page.getByRole('link', { name: 'Publier', exact: true }).click();
  await expect(page.getByText("Confirmez d'abord votre adresse e-mail").first()).toBeVisible();
  await page.getByRole('radio', { name: /demandez de l'aide/ }).check();
  await page.getByRole('radio', { name: 'Courses' }).check();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Tailler la haie, un samedi.');
  await page.getByLabel('Commune ou code postal').fill('Colmar');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  // Refused, said why, and nothing typed is lost.
  await expect(page.getByRole('alert').filter({ hasText: "Confirmez d'abord votre adresse e-mail" })).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue(title);
  await expect(page.getByLabel('Description')).toHaveValue('Tailler la haie, un samedi.');

  await confirmAddress(page, email);
  await publish(page, /demandez de l'aide/, 'Courses', title, 'Colmar');
});

test('forgot password: the mailed link sets a new one, and the other session is logged out', async ({ page, browser, outside }, info) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const email = `${info.project.name}-oubli-${stamp}@exemple.fr`;
  await signUp(page, email);
  // Another device, logged in too.
  const other = await otherPerson(browser, info, page);
  await logIn(other, email, 'mon jardin au printemps');

  await page.goto('/compte');
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  // The page settled (its section's code and its form's data arrived): on desktop-js the form,
  // drawn once its data came, was once drawn again after the address was typed, and sent empty.
  await page.waitForLoadState('networkidle');
  const seen = mailsTo(email).length;
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Si un compte existe pour' })).toBeVisible();
  // The same answer for an address without an account.
  await page.getByLabel('Adresse e-mail').fill(`personne-${stamp}@exemple.fr`);
  await page.getByRole('button', { name: 'Recevoir un lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Si un compte existe pour' })).toBeVisible();

  const link = await nextLink(email, '/mot-de-passe/', seen);
  await page.goto(link);
  await page.getByLabel('Nouveau mot de passe').fill('court');
  await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
  await expect(page.getByLabel('Nouveau mot de passe')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Nouveau mot de passe').fill('les cerisiers en fleur');
  await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
  await expect(page).toHaveURL(/\/compte\?mot-de-passe=1$/);
  await expect(page.getByText('Vos autres appareils sont déconnectés.')).toBeVisible();

  // The other device is logged out.
  await other.goto('/compte');
  await expect(other.getByRole('main').getByRole('link', { name: 'Se connecter' })).toBeVisible();
  // The link works once.
  await page.goto(link);
  await expect(page.getByText('Ce lien ne fonctionne plus')).toBeVisible();
  await other.context().close();
});

test('changing the e-mail address: it becomes the login once the new address is confirmed, the old one is told', async ({ page, outside }, info) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const old = `${info.project.name}-ancienne-${stamp}@exemple.fr`;
  const fresh = `${info.project.name}-nouvelle-${stamp}@exemple.fr`;
  await signUp(page, old);
  await page.goto('/compte');
  await page.getByLabel('Nouvelle adresse e-mail').fill(fresh);
  await page.getByLabel("Mot de passe du compte (pour changer d'adresse)").fill('mon jardin au printemps');
  await page.getByRole('button', { name: "Changer d'adresse" }).click();
  await expect(page.getByText(`Un lien est parti vers ${fresh}`)).toBeVisible();
  await expect(page.getByRole('main').getByText(old).first()).toBeVisible();

  const seen = mailsTo(old).length;
  await confirmAddress(page, fresh);
  await expect(page.getByText('Cette adresse est maintenant celle de votre compte')).toBeVisible();
  await page.goto('/compte');
  await expect(page.getByRole('main').getByText(fresh).first()).toBeVisible();
  await expect.poll(() => mailsTo(old).slice(seen).some((m) => m.body.includes(fresh))).toBe(true);
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await logIn(page, fresh, 'mon jardin au printemps');
});
