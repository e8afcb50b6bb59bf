import { test, expect } from './fixtures';
import { signUp, publish, otherPerson, approveAsModerator, openFromHome } from './journeys';

test('a volunteer finds a request on the map, offers help, is accepted, sees the exact place; done, it leaves the map', async ({ page, browser, outside, js }, info) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Porter des cartons ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-req-${stamp}@exemple.fr`);
  await publish(page, /demandez de l'aide/, 'Courses', title, 'Colmar');
  await approveAsModerator(browser, info, page, title);

  // The volunteer finds it: on the map with JavaScript, in the list without.
  const volunteer = await otherPerson(browser, info, page);
  await signUp(volunteer, `${info.project.name}-vol-${stamp}@exemple.fr`);
  await volunteer.goto('/?category=groceries');
  await openFromHome(volunteer, js, title);
  await expect(volunteer.getByText('Bâtiment B')).toHaveCount(0);
  await volunteer.getByLabel("Votre message à l'auteur").fill('Bonjour, je peux passer samedi matin avec ma voiture.');
  await volunteer.getByRole('button', { name: 'Je peux aider' }).click();
  await expect(volunteer).toHaveURL(/\/messages\/\d+$/);
  await expect(volunteer.getByText('je peux passer samedi matin')).toBeVisible();
  await expect(volunteer.getByText('Adresse exacte')).toHaveCount(0);

  // The requester is told, reads, accepts and shares a phone number.
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Messages : 1 non lu/ })).toBeVisible();
  await page.getByRole('link', { name: /Messages/ }).click();
  // The list of conversations, not the home page's card of the same title (the messages page
  // loads its code first).
  await expect(page.getByRole('heading', { level: 1, name: 'Mes messages' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: title }).click();
  await expect(page.getByText('je peux passer samedi matin')).toBeVisible();
  await page.getByLabel('Partager aussi mon numéro de téléphone avec cette personne').check();
  await page.getByLabel('Mon numéro (si je le partage)').fill('06 12 34 56 78');
  await page.getByRole('button', { name: /^Accepter l'aide de/ }).click();
  await expect(page.getByRole('status').first()).toContainText('Vous avez accepté cette aide.');

  // Only now the volunteer sees where to go.
  await volunteer.reload();
  await expect(volunteer.getByRole('heading', { name: 'Où aller' })).toBeVisible();
  await expect(volunteer.getByText('Bâtiment B, 2e étage')).toBeVisible();
  await expect(volunteer.getByRole('link', { name: '06 12 34 56 78' })).toHaveAttribute('href', 'tel:0612345678');
  if (js) await expect(volunteer.locator('.private-box .leaflet-marker-icon')).toHaveCount(1);

  // A reply reaches the other side (without reloading when JavaScript runs). With JavaScript the
  // page never reloads: a mistake shows next to the field, the message appears in the thread.
  if (js) {
    await expect(page.locator('.reply-form[data-background]')).toHaveCount(1);
    await page.evaluate(() => { (window as any).sameDocument = true; });
  }
  await page.getByLabel('Votre message').fill('   ');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('.reply-form .field-error, .reply-form [aria-invalid="true"]').first()).toBeVisible();
  await page.getByLabel('Votre message').fill('Merci ! Sonnez à l’interphone.');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.locator('.thread')).toContainText('Sonnez à l’interphone.');
  await expect(page.getByRole('status').first()).toContainText('Message envoyé');
  await expect(page.getByLabel('Votre message')).toHaveValue('');
  if (js) expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  if (js) {
    await expect(volunteer.getByText('Sonnez à l’interphone.')).toBeVisible({ timeout: 15_000 });
  } else {
    await volunteer.getByRole('button', { name: 'Voir les nouveaux messages' }).click();
    await expect(volunteer.getByText('Sonnez à l’interphone.')).toBeVisible();
  }

  // Done: the volunteer says so, the requester confirms.
  await volunteer.getByRole('button', { name: "L'aide est faite" }).click();
  await expect(volunteer.getByRole('status').first()).toContainText("L'auteur va confirmer");
  await page.reload();
  await page.getByRole('button', { name: "Confirmer que l'aide est faite" }).click();
  await expect(page.getByRole('status').first()).toContainText('quitte la carte');

  // It has left the map and the list.
  const visitor = await otherPerson(browser, info, page);
  await visitor.goto('/?category=groceries');
  await expect(visitor.getByRole('heading', { level: 2, name: /dans cette zone/ })).toBeVisible();
  await expect(visitor.locator('#annonces').getByRole('link', { name: title })).toHaveCount(0);
  if (js) await expect(volunteer.getByRole('button', { name: new RegExp(title) })).toHaveCount(0);

  // A thank-you note shows on the post's page, without its writer's name unless signed.
  await page.getByLabel(/Un mot de remerciement/).fill('Merci pour les cartons !');
  await page.getByRole('button', { name: 'Publier mon mot' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Mots de remerciement' })).toBeVisible();
  await expect(page.getByText('Merci pour les cartons !')).toBeVisible();
  await expect(page.locator('.thanks')).toContainText('Mot anonyme');
  await expect(page.locator('.thanks')).not.toContainText('Marcel');
  for (const p of [volunteer, visitor]) await p.context().close();
});

test('answering asks to log in first', async ({ page, outside }, info) => {
  await page.goto('/?category=transport');
  await page.locator('#annonces').getByRole('article').first().getByRole('link').first().click();
  await page.getByRole('link', { name: /se connecter$/ }).click();
  await expect(page).toHaveURL(/\/connexion\?next=\/posts\/\d+$/);
});
