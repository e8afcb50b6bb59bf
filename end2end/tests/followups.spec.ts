// Nobody left waiting, with the clock moved: the server's own sweep (`entraide sweep-follow-ups
// --days-ahead N`, the code the server runs every minute) raises a request nobody answered onto
// « Suivi » after its category's wait, and asks "Avez-vous reçu l'aide ?" after an acceptance;
// the author's "Non" reaches staff.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures';
import { signUp, publish, logIn, otherPerson, approveAsModerator, DEMO_MODERATOR, DEMO_PASSWORD } from './journeys';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Runs the follow-up sweep on the test server's database, `days` days from now. */
function sweep(days: number): string {
  const db = readFileSync(`/tmp/entraide-e2e-db-${PORT}`, 'utf8').trim();
  const bin = resolve('..', process.env.ENTRAIDE_BIN ?? 'target/debug/entraide');
  return execFileSync(bin, ['sweep-follow-ups', '--days-ahead', String(days)], {
    env: { ...process.env, DATABASE_URL: `sqlite://${db}`, RUST_LOG: 'warn' },
  }).toString();
}

test('a request nobody answers reaches « Suivi »; help that did not come too', async ({ page, browser, outside }, info) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Courses pour la semaine ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-suivi-${stamp}@exemple.fr`, 'Paulette');
  await publish(page, /demandez de l'aide/, 'Courses', title, 'Guebwiller');
  const id = new URL(page.url()).searchParams.get('publiee');
  await approveAsModerator(browser, info, page, title);

  // One day on, nothing yet; three days on (groceries wait two), staff see it.
  const staff = await otherPerson(browser, info, page);
  await logIn(staff, DEMO_MODERATOR, DEMO_PASSWORD);
  const unanswered = staff.locator('section[aria-labelledby="sans-reponse"]').getByRole('article', { name: title });
  sweep(1);
  await staff.goto('/suivi');
  await expect(unanswered).toHaveCount(0);
  sweep(3);
  await staff.goto('/suivi');
  await expect(unanswered).toContainText("appeler ou écrire à l'auteur");
  await unanswered.getByRole('button', { name: 'Traité' }).click();
  await expect(staff.getByRole('status').first()).toContainText("C'est noté");
  await expect(unanswered).toHaveCount(0);

  // A volunteer answers, the author accepts; four days on, she is asked whether help came.
  const volunteer = await otherPerson(browser, info, page);
  await signUp(volunteer, `${info.project.name}-suivi-aide-${stamp}@exemple.fr`, 'Gilbert');
  await volunteer.goto(`/posts/${id}`);
  await volunteer.getByLabel("Votre message à l'auteur").fill('Je peux faire vos courses samedi.');
  await volunteer.getByRole('button', { name: 'Je peux aider' }).click();
  await expect(volunteer).toHaveURL(/\/messages\/\d+$/);
  await page.goto('/messages');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: /^Accepter l'aide de/ }).click();
  await expect(page.getByRole('status').first()).toContainText('Vous avez accepté cette aide.');
  sweep(4);
  await page.goto('/notifications');
  const asked = page.getByRole('listitem').filter({ hasText: `Avez-vous reçu l'aide pour « ${title} »` });
  await asked.getByRole('link', { name: "Répondre : avez-vous reçu l'aide ?" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avez-vous reçu l\'aide ?' })).toBeVisible();
  await page.getByRole('button', { name: 'Non, pas encore' }).click();
  await expect(page.getByRole('status').first()).toContainText("l'équipe du Département va vous contacter");

  // Staff see the help that did not come, with what to do.
  await staff.goto('/suivi');
  const help = staff.locator('section[aria-labelledby="aide-non-recue"]').getByRole('article', { name: title });
  await expect(help).toContainText("L'auteur dit ne pas avoir reçu l'aide.");
  await expect(help).toContainText('Gilbert');
});
