// Vetted helpers for children and homes: an unvetted volunteer cannot answer a childcare
// request and reads how to become vetted; they ask, staff record the in-person check, and the
// vetted volunteer answers; the parent reads « Bénévole vérifié par le Département ». With and
// without JavaScript, phone and desktop (plain form posts either way).
import { test, expect } from './fixtures';
import { signUp, publish, otherPerson, approveAsModerator, logIn, DEMO_MODERATOR, DEMO_PASSWORD } from './journeys';

test('an unvetted volunteer cannot answer a childcare request; vetted in person, they can', async ({ page, browser, outside, js }, info) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const title = `Garder Léa mercredi ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-parent-${stamp}@exemple.fr`, 'Sophie');
  await publish(page, /demandez de l'aide/, "Garde d'enfants", title, 'Colmar');
  const id = new URL(page.url()).searchParams.get('publiee');
  await approveAsModerator(browser, info, page, title);

  // Not vetted: the rule and the way, no answer form.
  const volunteer = await otherPerson(browser, info, page);
  const email = `${info.project.name}-nadia-${stamp}@exemple.fr`;
  await signUp(volunteer, email, 'Nadia');
  await volunteer.goto(`/posts/${id}`);
  await expect(volunteer.getByText(/réservée aux bénévoles vérifiés par le Département/)).toBeVisible();
  await expect(volunteer.getByRole('button', { name: 'Je peux aider' })).toHaveCount(0);
  // Nor offer to keep children: the rule is said next to the category, what was typed stays.
  const offer = `Je garde vos enfants le mercredi ${info.project.name} ${stamp}`;
  await volunteer.goto('/publier');
  await volunteer.getByRole('radio', { name: /proposez de l'aide/ }).check();
  await volunteer.getByRole('radio', { name: "Garde d'enfants" }).check();
  await volunteer.getByLabel('Titre').fill(offer);
  await volunteer.getByLabel('Description').fill('Maman de deux enfants, disponible tout le mercredi.');
  await volunteer.getByLabel('Commune ou code postal').fill('Colmar');
  await volunteer.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(volunteer.getByText(/Seuls les bénévoles vérifiés par le Département peuvent proposer/)).toBeVisible();
  await expect(volunteer.getByLabel('Titre')).toHaveValue(offer);
  await volunteer.goto(`/posts/${id}`);
  await volunteer.getByRole('link', { name: 'Devenir bénévole vérifié' }).click();
  await expect(volunteer.getByRole('heading', { level: 1, name: 'Bénévole vérifié' })).toBeVisible();
  await volunteer.getByLabel('Un mot pour l\'équipe (facultatif)').fill('Disponible le mardi matin.');
  await volunteer.getByRole('button', { name: 'Demander à être vérifié' }).click();
  await expect(volunteer.getByRole('status').first()).toContainText('Votre demande est envoyée.');

  // Staff meet the volunteer and record it; a missing box is said next to it.
  const staff = await otherPerson(browser, info, page);
  await logIn(staff, DEMO_MODERATOR, DEMO_PASSWORD);
  await staff.goto('/moderation');
  await staff.getByRole('link', { name: 'Bénévoles vérifiés' }).click();
  const request = staff.getByRole('listitem').filter({ hasText: email });
  await expect(request).toContainText('Disponible le mardi matin.');
  // With JavaScript, the refusal and then the record come without a page load.
  if (js) {
    await expect(staff.locator('form[data-background]').first()).toBeAttached();
    await staff.evaluate(() => { (window as any).sameDocument = true; });
  }
  await request.getByText('Enregistrer la rencontre avec Nadia').click();
  await request.getByLabel('Association dont la personne est adhérente (facultatif)').fill('Secours populaire');
  await request.getByRole('button', { name: 'Enregistrer la vérification' }).click();
  const again = staff.getByRole('listitem').filter({ hasText: email });
  await expect(again.getByText('Cochez la case : la pièce d\'identité doit avoir été vue en personne.')).toBeVisible();
  await expect(again.getByLabel('Association dont la personne est adhérente (facultatif)')).toHaveValue('Secours populaire');
  await again.getByLabel("J'ai vu sa pièce d'identité en personne").check();
  await again.getByRole('button', { name: 'Enregistrer la vérification' }).click();
  await expect(staff.getByRole('status').first()).toContainText('La vérification est enregistrée');
  await expect(staff.getByRole('listitem').filter({ hasText: 'Nadia' }).filter({ hasText: 'Secours populaire' }).first())
    .toContainText('Bénévole vérifié par le Département');
  if (js) expect(await staff.evaluate(() => (window as any).sameDocument)).toBe(true);
  await staff.context().close();

  // Vetted: the volunteer offers to keep children (it goes to validation) and answers.
  await publish(volunteer, /proposez de l'aide/, "Garde d'enfants", offer, 'Colmar');
  // Withdrawn at once: the moderators' queue is left as it was for the other journeys.
  await volunteer.getByRole('main').getByRole('article', { name: offer }).getByRole('button', { name: "Retirer l'annonce" }).click();
  await expect(volunteer.getByRole('status').first()).toContainText("L'annonce est retirée.");
  await volunteer.goto(`/posts/${id}`);
  await volunteer.getByLabel("Votre message à l'auteur").fill('Bonjour, je peux garder Léa mercredi après-midi.');
  await volunteer.getByRole('button', { name: 'Je peux aider' }).click();
  await expect(volunteer).toHaveURL(/\/messages\/\d+$/);

  // The parent reads who answered, vetted.
  await page.goto('/messages');
  const line = page.getByRole('listitem').filter({ hasText: title });
  await expect(line).toContainText('Bénévole vérifié par le Département');
  await line.getByRole('link', { name: title }).click();
  await expect(page.getByText('je peux garder Léa mercredi')).toBeVisible();
  await expect(page.getByText('Bénévole vérifié par le Département')).toBeVisible();
  await volunteer.context().close();
});
