// Needs in time (#18 §5): a weekly need says its days and hours, shows under « Aujourd'hui » on
// its day and not under « Demain », and its author confirms it a month at a time. A mistake in
// the days is said next to them, with what was typed kept. With and without JavaScript, phone
// and desktop (plain links and form posts either way).
import { test, expect, listItems } from './fixtures';
import { signUp, fillPost, otherPerson, approveAsModerator } from './journeys';

test('a weekly need shows on its day, not the next, and its author confirms it monthly', async ({ page, browser, outside }, info) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Soupe du soir ${info.project.name} ${stamp}`;
  // Today in Paris, as the server counts days.
  const weekday = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Europe/Paris' }).format(new Date());
  await signUp(page, `${info.project.name}-soupe-${stamp}@exemple.fr`, 'Odile');
  await fillPost(page, /proposez de l'aide/, 'Aide alimentaire', title, 'Colmar',
    'Une soupe chaude et du pain pour qui en a besoin, au local de la rue Haute.');
  const when = page.getByRole('group', { name: 'Quand ?' });
  await when.getByRole('radio', { name: 'Chaque semaine' }).check();
  await when.getByLabel('De', { exact: true }).fill('18:00');
  await when.getByLabel('à', { exact: true }).fill('20:00');
  // No day ticked: said next to the days, nothing lost.
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page.getByText('Cochez au moins un jour de la semaine.')).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue(title);
  await expect(when.getByRole('radio', { name: 'Chaque semaine' })).toBeChecked();
  await expect(when.getByLabel('De', { exact: true })).toHaveValue('18:00');
  await when.getByRole('checkbox', { name: weekday }).check();
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  const mine = page.getByRole('main').getByRole('article', { name: title });
  const said = `Chaque ${weekday}, de 18 h à 20 h`;
  await expect(mine).toContainText(said);
  await expect(mine.getByRole('button', { name: "Toujours d'actualité : un mois de plus" })).toBeVisible();
  await approveAsModerator(browser, info, page, title);

  // A neighbour looks at what is needed today, then tomorrow.
  const visitor = await otherPerson(browser, info, page);
  await visitor.goto('/?category=food-aid');
  await visitor.getByRole('navigation', { name: 'Filtres des annonces' }).getByRole('link', { name: "Aujourd'hui" }).click();
  await expect(visitor).toHaveURL(/when=today/);
  const card = listItems(visitor).filter({ hasText: title });
  await expect(card).toContainText(said);
  await expect(listItems(visitor).first()).toContainText(/Chaque|Le |[0-9]/);
  await visitor.getByRole('navigation', { name: 'Filtres des annonces' }).getByRole('link', { name: 'Demain' }).click();
  await expect(visitor).toHaveURL(/when=tomorrow/);
  await expect(visitor.getByRole('navigation', { name: 'Filtres des annonces' }).getByRole('link', { name: 'Demain' }))
    .toHaveAttribute('aria-current', 'true');
  await expect(listItems(visitor).filter({ hasText: title })).toHaveCount(0);
  // Its page says when, and the next time.
  await visitor.goto('/?when=week&category=food-aid');
  await listItems(visitor).filter({ hasText: title }).getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByRole('main')).toContainText(said);
  await expect(visitor.getByRole('main')).toContainText("Prochaine fois : aujourd'hui");
  await visitor.context().close();

  // Its author confirms it for a month, then withdraws it (the queue and lists stay as they were).
  await page.goto('/mes-annonces');
  await page.getByRole('main').getByRole('article', { name: title })
    .getByRole('button', { name: "Toujours d'actualité : un mois de plus" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'annonce reste en ligne jusqu'au");
  await page.getByRole('main').getByRole('article', { name: title }).getByRole('button', { name: "Retirer l'annonce" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'annonce est retirée.");
  expect(outside).toEqual([]);
});
