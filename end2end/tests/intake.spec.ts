// Phone intake: staff file a request for a person who called; a volunteer finds it on the map
// and answers; staff accept and give the person's phone (she agreed); the volunteer sees the
// street and the phone; the help is done, thanked, and "Mes saisies" says to call her back.
import { test, expect } from './fixtures';
import { signUp, logIn, otherPerson, DEMO_MODERATOR, DEMO_PASSWORD, openFromHome } from './journeys';
import { Page, TestInfo } from '@playwright/test';

/** With SCREENSHOTS=1 (`make screenshots`), a capture of the step, to look at. */
async function shot(page: Page, info: TestInfo, name: string) {
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: `screenshots/${info.project.name}-intake-${name}.png`, fullPage: true });
  }
}

test('staff file a request by phone, a volunteer answers, staff act for the person until it is done', async ({ page, browser, outside, js }, info) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const title = `Courses pour Mme Schmitt ${info.project.name} ${stamp}`;

  // Staff take the call and file it.
  await logIn(page, DEMO_MODERATOR, DEMO_PASSWORD);
  await page.goto('/moderation');
  await page.getByRole('link', { name: 'Mes saisies' }).click();
  await page.getByRole('link', { name: "Déposer une demande pour quelqu'un" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Déposer une demande pour quelqu'un" })).toBeVisible();
  // Without her consent nothing is published, and nothing typed is lost.
  await page.getByLabel('Nom de la personne').fill('Odile Schmitt');
  await page.getByLabel('Téléphone de la personne').fill('03 89 12 34 56');
  await page.getByLabel("Quand l'appeler").fill('le matin, pas le mercredi');
  await page.getByLabel('Numéro et rue').fill('12 rue des Lilas');
  await page.getByLabel('La personne accepte que son numéro soit donné au bénévole accepté').check();
  await page.getByRole('radio', { name: "demande de l'aide" }).check();
  await page.getByRole('radio', { name: 'Courses' }).check();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Elle ne peut plus porter les sacs depuis son opération.');
  await page.getByLabel('Commune ou code postal').fill('Colmar');
  await page.getByLabel(/Précision pour la personne/).fill('2e étage, code 4321');
  await page.getByRole('button', { name: 'Publier pour cette personne' }).click();
  await expect(page.getByText("Sans l'accord de la personne, sa demande ne peut pas être publiée.").first()).toBeVisible();
  await expect(page.getByLabel('Nom de la personne')).toHaveValue('Odile Schmitt');
  await expect(page.getByLabel('Titre')).toHaveValue(title);
  await shot(page, info, 'form-mistake');
  await page.getByLabel('La personne accepte que sa demande soit publiée').check();
  await page.getByRole('button', { name: 'Publier pour cette personne' }).click();
  await expect(page).toHaveURL(/\/saisies\?deposee=\d+$/);
  await expect(page.getByRole('status').first()).toContainText('La demande est publiée sur la carte.');
  const card = page.getByRole('main').getByRole('article', { name: title });
  await expect(card).toContainText('rien, en attente de réponses.');
  await expect(card).toContainText('03 89 12 34 56');
  await shot(page, info, 'list-filed');

  // A volunteer finds it at once, filed by the Département, without the person.
  const volunteer = await otherPerson(browser, info, page);
  await signUp(volunteer, `${info.project.name}-intake-${stamp}@exemple.fr`, 'Bénédicte');
  await volunteer.goto('/?category=groceries');
  await openFromHome(volunteer, js, title);
  await expect(volunteer.getByText('Déposée par', { exact: true })).toBeVisible();
  await expect(volunteer.getByText("le Département, pour une personne qui l'a appelé")).toBeVisible();
  await shot(volunteer, info, 'post-public');
  for (const hidden of ['Odile', '03 89 12 34 56', 'rue des Lilas', 'code 4321']) {
    await expect(volunteer.getByText(hidden)).toHaveCount(0);
    expect(await volunteer.content()).not.toContain(hidden);
  }
  await volunteer.getByLabel("Votre message à l'auteur").fill('Bonjour, je peux faire ses courses jeudi.');
  await volunteer.getByRole('button', { name: 'Je peux aider' }).click();
  await expect(volunteer).toHaveURL(/\/messages\/\d+$/);

  // Staff read the answer from "Mes saisies", see whom to call, accept and give her phone.
  await page.goto('/saisies');
  await card.getByRole('link', { name: 'Réponse de Bénédicte' }).click();
  await expect(page.getByText('je peux faire ses courses jeudi')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Demande déposée par téléphone' })).toContainText('Odile Schmitt');
  await shot(page, info, 'conversation-staff');
  await page.getByLabel(/Donner le numéro de Odile Schmitt/).check();
  await page.getByRole('button', { name: /^Accepter l'aide de Bénédicte/ }).click();
  await expect(page.getByRole('status').first()).toContainText('Vous avez accepté cette aide.');

  // Only now the volunteer sees the street and her phone.
  await volunteer.reload();
  await expect(volunteer.getByRole('heading', { name: 'Où aller' })).toBeVisible();
  await expect(volunteer.getByText('12 rue des Lilas — 2e étage, code 4321')).toBeVisible();
  await expect(volunteer.getByRole('link', { name: '03 89 12 34 56' })).toHaveAttribute('href', 'tel:0389123456');

  // "Mes saisies": call her to say who comes; then it waits.
  await page.goto('/saisies');
  await expect(card).toContainText('rappeler la personne : Bénédicte va l\'aider.');
  await shot(page, info, 'list-call-back');
  await card.getByRole('button', { name: "J'ai rappelé la personne" }).click();
  await expect(page.getByRole('status').first()).toContainText('la personne a été rappelée');
  await expect(card).toContainText('rien, en attente de réponses.');

  // The help is done: the volunteer says so, staff confirm and thank on her behalf.
  await volunteer.getByRole('button', { name: "L'aide est faite" }).click();
  await expect(volunteer.getByRole('status').first()).toContainText("L'auteur va confirmer");
  await page.goto('/saisies');
  await expect(card).toContainText("rappeler la personne pour savoir si l'aide a eu lieu");
  await card.getByRole('link', { name: 'Réponse de Bénédicte' }).click();
  await page.getByRole('button', { name: "Confirmer que l'aide est faite" }).click();
  await expect(page.getByRole('status').first()).toContainText('quitte la carte');
  await page.getByLabel(/Un mot de remerciement/).fill('Mme Schmitt vous remercie de tout cœur !');
  await page.getByRole('button', { name: 'Publier mon mot' }).click();
  await expect(page.getByText('Mme Schmitt vous remercie de tout cœur !')).toBeVisible();
  await page.goto('/saisies');
  await card.getByRole('button', { name: "J'ai rappelé la personne" }).click();
  await expect(card).toContainText('rien, la demande est terminée.');
  await volunteer.context().close();
});
