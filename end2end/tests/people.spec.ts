// « Personnes »: an admin finds a person by her address, makes her a moderator (she then
// reaches the queue), disables her account (she can no longer log in), enables it, and sends
// her a link to change her password, which reaches her mailbox and works.
import { test, expect } from './fixtures';
import { signUp, logIn, otherPerson, DEMO_PASSWORD } from './journeys';
import { mailsTo, nextLink } from './mail';

test('an admin finds a person, changes her role, disables and enables her account, sends her a reset link', async ({ page, browser, outside }, info) => {
  test.setTimeout(90_000);
  const email = `${info.project.name}-people-${Date.now()}@exemple.fr`;
  await page.goto('/');
  const person = await otherPerson(browser, info, page);
  await signUp(person, email, 'Solange');

  await logIn(page, 'admin@demo.entraide.invalid', DEMO_PASSWORD);
  await page.getByRole('link', { name: 'Personnes' }).click();
  await page.getByLabel('Nom ou adresse e-mail').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByRole('status').first()).toContainText('1 compte.');
  await page.getByRole('link', { name: 'Solange' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Solange' })).toBeVisible();

  await page.getByRole('button', { name: 'Donner le rôle « Modérateur·rice »' }).click();
  await expect(page.getByRole('status').first()).toContainText('Le rôle est changé.');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `screenshots/${info.project.name}-admin-person.png`, fullPage: true });
  await logIn(person, email, 'mon jardin au printemps');
  await person.goto('/moderation');
  await expect(person.getByRole('heading', { level: 1, name: 'Validation des annonces' })).toBeVisible();

  await page.getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(page.getByRole('status').first()).toContainText('ne peut plus se connecter');
  await person.goto('/connexion');
  await person.getByLabel('Adresse e-mail').fill(email);
  await person.getByLabel('Mot de passe').fill('mon jardin au printemps');
  await person.getByRole('button', { name: 'Se connecter' }).click();
  await expect(person.getByRole('alert').first()).toBeVisible();

  await page.getByRole('button', { name: 'Réactiver le compte' }).click();
  await expect(page.getByRole('status').first()).toContainText('Le compte est réactivé.');
  const seen = mailsTo(email).length;
  await page.getByRole('button', { name: 'Envoyer un lien pour changer de mot de passe' }).click();
  await expect(page.getByRole('status').first()).toContainText('est parti par e-mail');
  const link = await nextLink(email, '/mot-de-passe/', seen);
  await person.goto(link);
  await person.getByLabel('Nouveau mot de passe').fill('un autre jardin en hiver');
  await person.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
  await expect(person).toHaveURL(/\/compte\?mot-de-passe=1$/);
  await person.context().close();
});

test('an admin puts a dated announcement above the map, then removes it', async ({ page, browser, outside }, info) => {
  const text = `Canicule : pensez à vos voisins âgés (${info.project.name} ${Date.now()})`;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await logIn(page, 'admin@demo.entraide.invalid', DEMO_PASSWORD);
  await page.goto('/admin/annonces');
  await page.getByLabel("Texte de l'annonce").fill(text);
  await page.getByLabel('Du').fill(day(0));
  await page.getByLabel('Au (inclus)').fill(day(2));
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'annonce est enregistrée");
  const visitor = await otherPerson(browser, info, page);
  await visitor.goto('/');
  await expect(visitor.getByRole('complementary', { name: 'Annonce du Département' })).toContainText(text);
  if (process.env.SCREENSHOTS) await visitor.screenshot({ path: `screenshots/${info.project.name}-home-announcement.png` });
  await page.getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Retirer' }).click();
  await expect(page.getByRole('status').first()).toContainText("L'annonce est retirée.");
  await visitor.reload();
  await expect(visitor.getByText(text)).toHaveCount(0);
  await visitor.context().close();
});
