// « Je publie pour un proche » (#18 §2): a daughter posts for her father; without his agreement
// ticked it is said next to the box and nothing typed is lost; once published, the public reads
// that it was posted by someone close, with his agreement. With and without JavaScript, phone
// and desktop.
import { test, expect } from './fixtures';
import { signUp, fillPost, otherPerson, approveAsModerator, confirmAddress } from './journeys';
import { nextLink } from './mail';

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

// « Un proche à mes côtés » (#18 §2): an author invites her son by e-mail; he opens the link,
// creates his account from it, accepts, finds the post in « Les annonces de mes proches » and
// writes in its conversation, where the volunteer reads « proche de … »; removed by the author,
// he can no longer open it, and what he wrote stays.
test('a relative invited follows the post, writes as such, and is removed', async ({ page, browser, outside }, info) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const title = `Rendez-vous chez le médecin ${info.project.name} ${stamp}`;
  const sonEmail = `${info.project.name}-fils-${stamp}@exemple.fr`;
  await signUp(page, `${info.project.name}-mere-${stamp}@exemple.fr`, 'Jeanne');
  await fillPost(page, /demandez de l'aide/, 'Courses', title, 'Colmar',
    'Il faudrait m’accompagner chez le médecin jeudi après-midi.');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  const id = new URL(page.url()).searchParams.get('publiee');
  await approveAsModerator(browser, info, page, title);

  const volunteer = await otherPerson(browser, info, page);
  await signUp(volunteer, `${info.project.name}-paul-${stamp}@exemple.fr`, 'Paul');
  await volunteer.goto(`/posts/${id}`);
  await volunteer.getByLabel("Votre message à l'auteur").fill('Bonjour, je peux vous accompagner jeudi.');
  await volunteer.getByRole('button', { name: 'Je peux aider' }).click();
  await expect(volunteer).toHaveURL(/\/messages\/\d+$/);
  const conversation = new URL(volunteer.url()).pathname;

  // The author invites her son; a mistake is said next to the field and what she typed stays.
  await page.goto('/mes-annonces');
  const card = page.getByRole('main').getByRole('article', { name: title });
  await card.getByText('Un proche à vos côtés').click();
  const email = card.getByLabel('Adresse e-mail de votre proche');
  await email.fill('mon-fils@exemple');
  await card.getByRole('button', { name: 'Inviter ce proche' }).click();
  await expect(page.getByRole('main').getByRole('article', { name: title }).getByLabel('Adresse e-mail de votre proche'))
    .toHaveValue('mon-fils@exemple');
  await expect(page.getByRole('main').getByRole('article', { name: title })).toContainText("n'est pas valable");
  await page.getByRole('main').getByRole('article', { name: title }).getByLabel('Adresse e-mail de votre proche').fill(sonEmail);
  await page.getByRole('main').getByRole('article', { name: title }).getByRole('button', { name: 'Inviter ce proche' }).click();
  await expect(page.getByRole('status').first()).toContainText('Invitation envoyée');

  // The son opens the link, creates his account from it and accepts.
  const son = await otherPerson(browser, info, page);
  const link = await nextLink(sonEmail, '/proche/', 0);
  await son.goto(link);
  await expect(son.getByRole('main')).toContainText('Jeanne vous invite à suivre son annonce');
  await expect(son.getByRole('main')).toContainText(title);
  await son.getByRole('link', { name: 'Créer un compte' }).first().click();
  await son.getByLabel('Votre nom (ce que les autres verront)').fill('Marc');
  await son.getByLabel('Adresse e-mail').fill(sonEmail);
  await son.getByLabel('Mot de passe').fill('mon jardin au printemps');
  await son.getByLabel("J'ai lu et j'accepte la charte d'entraide.").check();
  await son.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(son).toHaveURL(/\/proche\/[0-9a-f]{64}$/);
  await son.getByRole('button', { name: "Accepter et suivre l'annonce" }).click();
  await expect(son).toHaveURL(/\/mes-annonces\?suivie=\d+/);
  await expect(son.getByRole('heading', { name: 'Les annonces de mes proches' })).toBeVisible();
  await expect(son.getByRole('main')).toContainText('Annonce de Jeanne');
  await confirmAddress(son, sonEmail, 1);

  // He writes in the conversation; the volunteer reads who he is.
  await son.goto('/mes-annonces');
  await son.getByRole('link', { name: 'Conversation avec Paul' }).click();
  await expect(son.getByRole('heading', { level: 1 })).toContainText('Conversation de Jeanne avec Paul');
  await expect(son.getByText('je peux vous accompagner jeudi')).toBeVisible();
  await son.getByLabel('Votre message').fill('Je serai là aussi, je vous ouvrirai.');
  await son.getByRole('button', { name: 'Envoyer' }).click();
  await expect(son.getByText('Je serai là aussi, je vous ouvrirai.')).toBeVisible();
  await volunteer.goto(conversation);
  await expect(volunteer.getByRole('listitem').filter({ hasText: 'Je serai là aussi' })).toContainText('Marc (proche de Jeanne)');

  // The author removes him: he can no longer open it; his words stay.
  await page.goto('/mes-annonces');
  await page.getByRole('main').getByRole('article', { name: title }).getByRole('button', { name: 'Retirer Marc' }).click();
  await expect(page.getByRole('status').first()).toContainText('ne suit plus');
  await son.goto(conversation);
  await expect(son.getByText('Je serai là aussi')).toHaveCount(0);
  await son.goto('/mes-annonces');
  await expect(son.getByRole('heading', { name: 'Les annonces de mes proches' })).toHaveCount(0);
  await volunteer.reload();
  await expect(volunteer.getByText('Je serai là aussi, je vous ouvrirai.')).toBeVisible();
  for (const p of [son, volunteer]) await p.context().close();
  expect(outside).toEqual([]);
});
