// Steps shared by several journeys: creating an account, logging in, publishing.
import { Browser, TestInfo } from '@playwright/test';
import { expect, isolate, markers, Page } from './fixtures';
import { mailsTo, nextLink } from './mail';

/** Creates a resident account, stays logged in, and confirms its address through the link of
 *  the e-mail it receives (unless `verify` is false). */
export async function signUp(page: Page, email: string, name = 'Marcel', verify = true) {
  await page.goto('/inscription');
  await page.getByLabel('Votre nom (ce que les autres verront)').fill(name);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('mon jardin au printemps');
  await page.getByLabel("J'ai lu et j'accepte la charte d'entraide.").check();
  const seen = mailsTo(email).length;
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/compte/);
  if (verify) await confirmAddress(page, email, seen);
}

/** Opens the newest verification link sent to `email` (after the first `seen` messages) and
 *  confirms the address. */
export async function confirmAddress(page: Page, email: string, seen = 0) {
  const link = await nextLink(email, '/verifier/', seen);
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await expect(page).toHaveURL(/\/adresse-confirmee/);
}

/** Opens the publish form from the header's link and fills what every post has. */
export async function fillPost(page: Page, kind: RegExp, category: string, title: string, commune: string,
  description = "Le mardi matin si possible.\nMerci d'avance !") {
  await page.getByRole('link', { name: 'Publier', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publier une annonce' })).toBeVisible();
  await page.getByRole('radio', { name: kind }).check();
  await page.getByRole('radio', { name: category }).check();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill(description);
  await page.getByLabel('Commune ou code postal').fill(commune);
}

/** Publishes a post from the header's link; it waits for validation. */
export async function publish(page: Page, kind: RegExp, category: string, title: string, commune: string,
  description = "Le mardi matin si possible.\nMerci d'avance !") {
  await fillPost(page, kind, category, title, commune, description);
  await page.getByLabel(/Précision pour la personne/).fill('Bâtiment B, 2e étage');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  await expect(page.getByRole('status')).toContainText('après validation');
}


/** The demo accounts loaded by `entraide seed --demo` (README). */
export const DEMO_PASSWORD = 'démo entraide 68';
export const DEMO_MODERATOR = 'moderatrice@demo.entraide.invalid';
export const DEMO_EDITOR = 'redactrice@demo.entraide.invalid';
export const DEMO_ADMIN = 'admin@demo.entraide.invalid';

/** Logs in through the log-in page. */
export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
}

/** A second person in their own browser context, with the project's settings (viewport, JS). */
export async function otherPerson(browser: Browser, info: TestInfo, like: Page): Promise<Page> {
  const { viewport, javaScriptEnabled, isMobile, hasTouch, locale, timezoneId } = info.project.use;
  const baseURL = new URL(like.url()).origin;
  const context = await browser.newContext({ viewport, javaScriptEnabled, isMobile, hasTouch, baseURL, locale, timezoneId });
  const page = await context.newPage();
  await isolate(page);
  return page;
}


/** Approves the pending post titled `title` as the demo moderator, in a context of their own. */
export async function approveAsModerator(browser: Browser, info: TestInfo, like: Page, title: string) {
  const moderator = await otherPerson(browser, info, like);
  await logIn(moderator, DEMO_MODERATOR, DEMO_PASSWORD);
  await moderator.goto('/moderation');
  await moderator.getByRole('main').getByRole('article', { name: title }).getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(moderator.getByRole('status').first()).toContainText("L'annonce est publiée.");
  await moderator.context().close();
}

/** Opens the public post titled `title` from the home page as it is: from its pin's popup on
 *  the map with JavaScript (pins of one town overlap at this zoom: the keyboard reaches each
 *  one), from the list without. The map may still be settling on the page's area when the pin
 *  is first pressed (its pins drawn again, the popup closed): then it is pressed again. */
export async function openFromHome(page: Page, js: boolean, title: string) {
  if (js) {
    const onPost = /\/posts\/\d+/;
    await expect(async () => {
      if (!onPost.test(page.url())) {
        await markers(page).and(page.getByRole('button', { name: new RegExp(title) })).press('Enter', { timeout: 5_000 });
        await page.locator('.leaflet-popup').getByRole('link', { name: "Voir l'annonce" }).click({ timeout: 5_000 });
      }
      await expect(page).toHaveURL(onPost, { timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  } else {
    await page.locator('#annonces').getByRole('link', { name: title }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
