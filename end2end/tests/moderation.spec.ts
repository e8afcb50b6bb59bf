import { test, expect, markers, Page } from './fixtures';
import { signUp, publish, logIn, otherPerson, DEMO_MODERATOR, DEMO_PASSWORD } from './journeys';

/** The queue card of the post titled `title`. */
const card = (page: Page, title: string) => page.getByRole('main').getByRole('article', { name: title });

test('a resident publishes, a moderator approves, an anonymous visitor sees it on the list and the map', async ({ page, browser, outside, js }, info) => {
  const stamp = Date.now();
  const title = `Courses du samedi ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-mod-${stamp}@exemple.fr`);
  await publish(page, /demandez de l'aide/, 'Courses', title, 'Colmar');

  const moderator = await otherPerson(browser, info, page);
  await logIn(moderator, DEMO_MODERATOR, DEMO_PASSWORD);
  await moderator.getByRole('link', { name: /^Modération/ }).click();
  await expect(moderator.getByRole('heading', { level: 1, name: 'Validation des annonces' })).toBeVisible();
  await expect(moderator.getByText(/annonces? en attente/)).toBeVisible();
  // Staff see the exact place and the private note.
  await expect(card(moderator, title)).toContainText('Bâtiment B, 2e étage');
  await expect(card(moderator, title)).toContainText('Lieu exact');
  await card(moderator, title).getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(moderator.getByRole('status').first()).toContainText("L'annonce est publiée.");
  await expect(card(moderator, title)).toHaveCount(0);

  const visitor = await otherPerson(browser, info, page);
  await visitor.goto('/?category=groceries');
  await expect(visitor.locator('#annonces').getByRole('article', { name: title })).toBeVisible();
  if (js) {
    await expect(markers(visitor).and(visitor.getByRole('button', { name: new RegExp(title) }))).toHaveCount(1);
  }
  await visitor.locator('#annonces').getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByText('Bâtiment B')).toHaveCount(0);

  // The author is told, with a badge in the header.
  await page.goto('/mes-annonces');
  await expect(page.getByRole('link', { name: /Notifications : 1 non lue/ })).toBeVisible();
  await expect(card(page, title)).toContainText("Publiée par l'équipe du Département.");
  await page.getByRole('link', { name: /Notifications/ }).click();
  await expect(page.getByText(`Votre annonce « ${title} » a été publiée.`)).toBeVisible();
  // With JavaScript, marked as read without a page load; the header's badge follows.
  if (js) {
    await expect(page.locator('form[data-background]')).toBeAttached();
    await page.evaluate(() => { (window as any).sameDocument = true; });
  }
  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.getByText("Vous n'avez pas de nouvelle notification.")).toBeVisible();
  await expect(page.getByRole('link', { name: /non lue/ })).toHaveCount(0);
  if (js) expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
});

test('a refusal with a reason reaches the author; the reason is required', async ({ page, browser, outside, js }, info) => {
  const stamp = Date.now();
  const title = `Garde de chat ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-rej-${stamp}@exemple.fr`);
  await publish(page, /demandez de l'aide/, 'Autre', title, 'Mulhouse');

  const moderator = await otherPerson(browser, info, page);
  await logIn(moderator, DEMO_MODERATOR, DEMO_PASSWORD);
  await moderator.goto('/moderation');
  const c = card(moderator, title);
  if (js) {
    // Hydrated, a decision takes the post out of the queue without loading the page again.
    await expect(c.locator('form[data-background]').first()).toBeAttached();
    await moderator.evaluate(() => { (window as any).sameDocument = true; });
  }
  await c.getByText('Refuser…').click();
  await c.getByLabel("Message à l'auteur (facultatif)").first().fill('Retirez votre numéro de téléphone, puis modifiez l’annonce.');
  await c.getByLabel('Motif du refus').selectOption({ label: 'elle contient des informations personnelles' });
  await c.getByRole('button', { name: "Refuser l'annonce" }).click();
  await expect(moderator.getByRole('status').first()).toContainText("L'annonce est refusée.");
  await expect(c).toHaveCount(0);
  if (js) expect(await moderator.evaluate(() => (window as any).sameDocument)).toBe(true);

  await page.goto('/mes-annonces');
  const mine = card(page, title);
  await expect(mine).toContainText('Refusée : elle contient des informations personnelles.');
  await expect(mine).toContainText('Retirez votre numéro de téléphone');
  await page.goto('/notifications');
  await expect(page.getByText(/a été refusée : elle contient des informations personnelles/)).toBeVisible();
});

test('a redaction publishes the edited text and shows the author what changed', async ({ page, browser, outside }, info) => {
  const stamp = Date.now();
  const title = `Aide aux devoirs ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-red-${stamp}@exemple.fr`);
  await publish(page, /proposez de l'aide/, 'Aide aux devoirs', title, 'Colmar');

  const moderator = await otherPerson(browser, info, page);
  await logIn(moderator, DEMO_MODERATOR, DEMO_PASSWORD);
  await moderator.goto('/moderation');
  const c = card(moderator, title);
  await c.getByText('Modifier puis publier…').click();
  await c.getByLabel('Description').fill('Le mardi matin si possible.');
  await c.getByRole('button', { name: 'Publier le texte modifié' }).click();
  await expect(moderator.getByRole('status').first()).toContainText('texte modifié');

  const visitor = await otherPerson(browser, info, page);
  await visitor.goto('/?category=homework');
  await visitor.locator('#annonces').getByRole('link', { name: title }).click();
  await expect(visitor.getByText('Le mardi matin si possible.')).toBeVisible();
  await expect(visitor.getByText("Merci d'avance !")).toHaveCount(0);

  await page.goto('/mes-annonces');
  await card(page, title).getByText('Voir ce qui a changé').click();
  await expect(card(page, title).locator('.text-before')).toContainText("Merci d'avance !");
});

test('residents cannot open the moderation pages', async ({ page, outside }, info) => {
  await signUp(page, `${info.project.name}-res-${Date.now()}@exemple.fr`);
  await expect(page.getByRole('link', { name: /^Modération/ })).toHaveCount(0);
  const res = await page.goto('/moderation');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('alert')).toContainText("réservée à l'équipe de modération");
});

test('a logged-in person reports a post; the report is confirmed', async ({ page, outside }, info) => {
  await signUp(page, `${info.project.name}-rep-${Date.now()}@exemple.fr`);
  await page.goto('/?category=transport');
  await page.locator('#annonces').getByRole('article').first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByText('Signaler un problème avec cette annonce').click();
  await page.getByLabel("Qu'est-ce qui ne va pas ?").selectOption({ label: 'Arnaque ou demande d\'argent' });
  await page.getByLabel('Précisez (facultatif)').fill('Il demande un virement avant de venir.');
  await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(page.getByRole('status')).toContainText('votre signalement est enregistré');
});
