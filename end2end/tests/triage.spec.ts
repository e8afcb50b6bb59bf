// Emergencies recognised before publishing: a distress text shows, before anything is sent,
// the numbers that fit, one tap each, and the town hall; the text stays; going on sends it,
// and it reaches the moderation queue first, flagged « Urgent », with why. With and without
// JavaScript (a plain form post either way).
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { signUp, otherPerson, logIn, DEMO_MODERATOR, DEMO_PASSWORD } from './journeys';

test('a distress text shows the numbers to call, then reaches the queue first, flagged', async ({ page, browser, outside, js }, info) => {
  const stamp = Date.now();
  await signUp(page, `${info.project.name}-urg-${stamp}@exemple.fr`);
  const title = `Courses pour ma mère ${stamp}`;
  await page.getByRole('link', { name: 'Publier', exact: true }).click();
  await page.getByRole('radio', { name: /demandez de l'aide/ }).check();
  await page.getByRole('radio', { name: 'Courses' }).check();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill("Elle est tombée dans la salle de bain et n'arrive pas à se relever.");
  await page.getByLabel('Commune ou code postal').fill('Colmar');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();

  const panel = page.getByRole('alert').filter({ hasText: 'Est-ce une urgence' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link', { name: /^15 SAMU/ })).toHaveAttribute('href', 'tel:15');
  await expect(panel.getByRole('link', { name: /^112/ })).toHaveAttribute('href', 'tel:112');
  await expect(panel.getByRole('link', { name: /^114 Par SMS/ })).toHaveAttribute('href', 'sms:114');
  await expect(panel.getByRole('link', { name: /^3919/ })).toHaveCount(0);
  await expect(panel).toContainText('La mairie de Colmar');
  await expect(page.getByLabel('Titre')).toHaveValue(title);
  await expect(page.getByLabel('Description')).toHaveValue(/tombée dans la salle de bain/);
  // The panel meets WCAG 2.1 AA like every page (axe-core runs in the page: with JavaScript;
  // the markup is the server's either way).
  if (js) {
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .exclude('.leaflet-tile-pane').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  await panel.getByRole('button', { name: "Continuer et envoyer l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);

  // The queue: urgent posts first, this one flagged with why.
  const moderator = await otherPerson(browser, info, page);
  await logIn(moderator, DEMO_MODERATOR, DEMO_PASSWORD);
  await moderator.goto('/moderation');
  const queue = moderator.getByRole('main');
  await expect(queue.getByRole('article').first()).toContainText('Urgent');
  const mine = queue.getByRole('article', { name: title });
  await expect(mine).toContainText('Urgent');
  await expect(mine).toContainText("Signes d'urgence relevés dans le texte : une chute.");
  // Decided, so that the queue stays short for the other journeys.
  await mine.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(moderator.getByRole('status').first()).toContainText("L'annonce est publiée.");
  await moderator.context().close();
});
