// « Je publie pour un proche » (#18 §2): a daughter posts for her father; without his agreement
// ticked it is said next to the box and nothing typed is lost; once published, the public reads
// that it was posted by someone close, with his agreement. With and without JavaScript, phone
// and desktop.
import { test, expect } from './fixtures';
import { signUp, fillPost, otherPerson, approveAsModerator } from './journeys';

test('a post for someone close asks for their agreement and says so', async ({ page, browser, outside }, info) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const title = `Courses pour mon père ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-fille-${stamp}@exemple.fr`, 'Hélène');
  await fillPost(page, /demandez de l'aide/, 'Courses', title, 'Guebwiller',
    'Mon père ne sort plus de chez lui. Une fois par semaine, du pain, du lait et des fruits.');
  const forWhom = page.getByRole('group', { name: 'Pour qui ?' });
  await forWhom.getByRole('checkbox', { name: /Je publie pour un proche/ }).check();
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page.getByText(/Cochez la case quand la personne aidée est d'accord/)).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue(title);
  await expect(forWhom.getByRole('checkbox', { name: /Je publie pour un proche/ })).toBeChecked();
  await forWhom.getByRole('checkbox', { name: /La personne aidée est d'accord/ }).check();
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  const id = new URL(page.url()).searchParams.get('publiee');
  await approveAsModerator(browser, info, page, title);

  const visitor = await otherPerson(browser, info, page);
  await visitor.goto(`/posts/${id}`);
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.getByRole('main')).toContainText('Publiée par un proche de la personne aidée, avec son accord.');
  await visitor.context().close();

  await page.goto('/mes-annonces');
  await page.getByRole('main').getByRole('article', { name: title }).getByRole('button', { name: "Retirer l'annonce" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'annonce est retirée.");
  expect(outside).toEqual([]);
});
