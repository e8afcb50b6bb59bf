// « Mes alertes »: a volunteer saves an alert (Mulhouse, 5 km, childcare); a post inside it is
// approved → a notification in the app and an e-mail in the test's mailbox, carrying the
// one-click unsubscribe of RFC 8058; a post outside it → nothing; the daily digest gathers
// several (the server's own sweep, `entraide sweep-alerts --hours-ahead N`, with the clock
// moved); the unsubscribe link works without logging in, from its page and as a mail program
// posts it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, Page } from './fixtures';
import { signUp, publish, otherPerson, approveAsModerator } from './journeys';
import { mailsTo } from './mail';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Runs the alerts' sweep (digests, pauses) on the test server's database, `hours` from now. */
function sweep(hours: number): string {
  const db = readFileSync(`/tmp/entraide-e2e-db-${PORT}`, 'utf8').trim();
  const bin = resolve('..', process.env.ENTRAIDE_BIN ?? 'target/debug/entraide');
  return execFileSync(bin, ['sweep-alerts', '--hours-ahead', String(hours)], {
    env: { ...process.env, DATABASE_URL: `sqlite://${db}`, ENTRAIDE_PUBLIC_URL: `http://127.0.0.1:${PORT}`, RUST_LOG: 'warn' },
  }).toString();
}

/** The notifications page, reloaded until `title` shows up (the worker announces within seconds). */
async function notified(page: Page, title: string) {
  await expect.poll(async () => {
    await page.goto('/notifications');
    return page.getByRole('listitem').filter({ hasText: title }).count();
  }, { timeout: 20_000, message: `a notification about « ${title} »` }).toBe(1);
}

test('an alert tells of a new post near it, in the app and by e-mail; the digest gathers; one click unsubscribes', async ({ page, browser, request }, info) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const volunteerEmail = `${info.project.name}-alerte-${stamp}@exemple.fr`;
  await signUp(page, volunteerEmail, 'Bénédicte');

  // The alert, as a person fills it in.
  await page.goto('/alertes');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes alertes' })).toBeVisible();
  await page.getByLabel('Commune ou code postal').fill('mulhouse');
  await page.getByLabel('Rayon autour de ce lieu').selectOption('5');
  await page.getByRole('checkbox', { name: "Garde d'enfants" }).check();
  await page.getByRole('button', { name: "Créer l'alerte" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'alerte est enregistrée");
  await expect(page.locator('.alert-item')).toContainText('Mulhouse, dans un rayon de 5 km');
  await expect(page.locator('.alert-item')).toContainText("Garde d'enfants");

  // A mistake keeps what was typed and says what is wrong.
  await page.getByLabel('Commune ou code postal').fill('Strasbourg');
  await page.getByRole('checkbox', { name: 'Courses' }).check();
  await page.getByRole('button', { name: "Créer l'alerte" }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByLabel('Commune ou code postal')).toHaveValue('Strasbourg');
  await expect(page.getByLabel('Commune ou code postal')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('checkbox', { name: 'Courses' })).toBeChecked();
  await expect(page.locator('.alert-item')).toHaveCount(1);

  // Two posts by someone else: one in Colmar (outside), one in Mulhouse (inside).
  const author = await otherPerson(browser, info, page);
  await signUp(author, `${info.project.name}-alerte-auteur-${stamp}@exemple.fr`, 'Odile');
  const outside = `Garde à Colmar ${info.project.name} ${stamp}`;
  const inside = `Garde mercredi à Mulhouse ${info.project.name} ${stamp}`;
  await publish(author, /demandez de l'aide/, "Garde d'enfants", outside, 'Colmar');
  await publish(author, /demandez de l'aide/, "Garde d'enfants", inside, 'Mulhouse');
  const seen = mailsTo(volunteerEmail).length;
  await approveAsModerator(browser, info, page, outside);
  await approveAsModerator(browser, info, page, inside);

  await notified(page, inside);
  const item = page.getByRole('listitem').filter({ hasText: inside });
  await expect(item).toContainText('Nouvelle annonce près de chez vous');
  await expect(page.getByRole('listitem').filter({ hasText: outside })).toHaveCount(0);
  await item.getByRole('link', { name: "Voir l'annonce" }).click();
  await expect(page.getByRole('heading', { level: 1, name: inside })).toBeVisible();

  // The e-mail, with its one-click unsubscribe and the link to the settings.
  await expect.poll(() => mailsTo(volunteerEmail).slice(seen).filter((m) => m.body.includes(inside)).length,
    { timeout: 20_000, message: 'the alert e-mail' }).toBe(1);
  const mails = mailsTo(volunteerEmail).slice(seen);
  expect(mails.filter((m) => m.body.includes(outside))).toHaveLength(0);
  const mail = mails.find((m) => m.body.includes(inside))!;
  expect(mail.subject).toBe('Nouvelle annonce près de chez vous');
  expect(mail.list_unsubscribe_post).toBe('List-Unsubscribe=One-Click');
  const unsubscribe = mail.list_unsubscribe.replace(/^<|>$/g, '');
  expect(unsubscribe).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/alertes\/desabonner\/[0-9a-f]{64}$/);
  expect(mail.body).toContain(unsubscribe);
  expect(mail.body).toMatch(/\/alertes\s/);

  // The digest: chosen at 6 p.m.; two more posts wait for it, then come in one e-mail.
  await page.goto('/alertes');
  await page.getByRole('radio', { name: 'Un résumé par jour' }).check();
  await page.getByLabel('Heure du résumé').selectOption('18');
  await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(page.getByRole('status').first()).toContainText('Vos choix sont enregistrés');
  await expect(page.getByRole('radio', { name: 'Un résumé par jour' })).toBeChecked();
  const first = `Sortie d'école lundi ${info.project.name} ${stamp}`;
  const second = `Garde le soir ${info.project.name} ${stamp}`;
  // (A new account publishes three posts on its first day: a second author.)
  const neighbour = await otherPerson(browser, info, page);
  await signUp(neighbour, `${info.project.name}-alerte-voisin-${stamp}@exemple.fr`, 'Lucien');
  await publish(neighbour, /demandez de l'aide/, "Garde d'enfants", first, '68100');
  await publish(neighbour, /demandez de l'aide/, "Garde d'enfants", second, 'Mulhouse');
  await approveAsModerator(browser, info, page, first);
  await approveAsModerator(browser, info, page, second);
  await notified(page, second);
  await notified(page, first);
  const before = mailsTo(volunteerEmail).length;
  sweep(0);
  sweep(25);
  await expect.poll(() => mailsTo(volunteerEmail).slice(before).length, { timeout: 20_000, message: 'the digest' }).toBe(1);
  const digest = mailsTo(volunteerEmail).slice(before)[0];
  // (Journeys running beside this one may add their own posts to it.)
  expect(digest.subject).toMatch(/^\d+ nouvelles annonces près de chez vous$/);
  expect(digest.body).toContain(first);
  expect(digest.body).toContain(second);
  expect(digest.list_unsubscribe).toBe(`<${unsubscribe}>`);
  sweep(26);
  await page.waitForTimeout(500);
  expect(mailsTo(volunteerEmail).slice(before)).toHaveLength(1);

  // Unsubscribing from the link's page, by someone not logged in.
  const stranger = await otherPerson(browser, info, page);
  await stranger.goto(unsubscribe);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Ne plus recevoir les alertes par e-mail' })).toBeVisible();
  await stranger.getByRole('button', { name: 'Ne plus recevoir ces e-mails' }).click();
  await expect(stranger.getByRole('status').first()).toContainText("vous ne recevrez plus d'e-mails pour vos alertes");
  await page.goto('/alertes');
  await expect(page.getByRole('radio', { name: "Pas d'e-mail" })).toBeChecked();

  // As a mail program does it: a POST with List-Unsubscribe=One-Click, no cookie, no page.
  await page.getByRole('radio', { name: 'Un e-mail à chaque nouvelle annonce' }).check();
  await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(page.getByRole('radio', { name: 'Un e-mail à chaque nouvelle annonce' })).toBeChecked();
  const res = await request.post(unsubscribe, { form: { 'List-Unsubscribe': 'One-Click' }, headers: { Cookie: '' } });
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("vous ne recevrez plus d'e-mails pour vos alertes");
  await page.reload();
  await expect(page.getByRole('radio', { name: "Pas d'e-mail" })).toBeChecked();
  // A token that is not one: 404, nothing changes.
  const wrong = await request.post(unsubscribe.replace(/.{4}$/, '0000'), { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(wrong.status()).toBe(404);

  // Deleting the alert.
  await page.getByRole('button', { name: 'Supprimer cette alerte' }).click();
  await expect(page.getByRole('status').first()).toContainText("L'alerte est supprimée");
  await expect(page.locator('.alert-item')).toHaveCount(0);
});
