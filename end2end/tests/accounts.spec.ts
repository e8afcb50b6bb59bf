import { test, expect } from './fixtures';
import { signUp } from './journeys';

const unique = (info: { project: { name: string } }) => `${info.project.name}-${Date.now()}@exemple.fr`;
const PASSWORD = 'le chat dort sur le toit';

test('sign up, see my account, log out, and log in again', async ({ page, outside }, info) => {
  const email = unique(info);
  await page.goto('/');
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();

  await page.getByLabel('Votre nom (ce que les autres verront)').fill('Claire');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('radio', { name: 'Association' }).check();
  await page.getByLabel("Nom de l'organisation").fill('Les Amis du Quartier');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByLabel("J'ai lu et j'accepte la charte d'entraide.").check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  await expect(page).toHaveURL(/\/compte\?bienvenue=1$/);
  await expect(page.getByRole('status')).toContainText('Bienvenue');
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText('Association — Les Amis du Quartier')).toBeVisible();
  await expect(page.getByRole('link', { name: /Mon compte : Claire/ })).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();

  // A wrong password says so, without telling whether the account exists; the e-mail stays.
  await page.getByRole('link', { name: 'Se connecter' }).click();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
  await expect(page.getByLabel('Mot de passe')).toHaveValue('');

  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByText(email)).toBeVisible();
});

test('sign-up mistakes are shown next to each field and what was typed is kept', async ({ page, outside }, info) => {
  await page.goto('/inscription');
  await page.getByLabel('Votre nom (ce que les autres verront)').fill('Jo');
  await page.getByLabel('Adresse e-mail').fill('jo-at-exemple.fr');
  await page.getByLabel('Mot de passe').fill('azertyuiop');
  // Leaving the field first: with JavaScript its error appears then, moving the button down.
  await page.getByLabel('Mot de passe').press('Tab');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  const email = page.getByLabel('Adresse e-mail');
  await expect(email).toHaveValue('jo-at-exemple.fr');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/n'est pas valable/);
  await expect(page.getByLabel('Mot de passe')).toHaveAccessibleDescription(/parmi les plus utilisés/);
  await expect(page.getByLabel('Votre nom (ce que les autres verront)')).toHaveValue('Jo');
  const charter = page.getByLabel("J'ai lu et j'accepte la charte d'entraide.");
  await expect(charter).toHaveAttribute('aria-invalid', 'true');
  await expect(charter).toHaveAccessibleDescription(/Pour créer un compte, acceptez la charte d'entraide\./);
  await expect(page.getByRole('link', { name: "Lire la charte d'entraide" })).toHaveAttribute('href', '/pages/charte');
});

test('Mon compte: a new name, the mistake next to its field with what was typed; with JavaScript, without a page load', async ({ page, outside, js }, info) => {
  await signUp(page, unique(info), 'Marcel', false);
  await page.goto('/compte');
  await expect(page.getByRole('link', { name: /Mon compte : Marcel/ })).toBeVisible();
  if (js) {
    await expect(page.locator('form[data-background]').first()).toBeAttached();
    await page.evaluate(() => { (window as any).sameDocument = true; });
  }
  const name = page.getByLabel('Nom affiché');
  await name.fill('M');
  await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await expect(page.getByText('Le nom est trop court').first()).toBeVisible();
  await expect(name).toHaveValue('M');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Marcel B.');
  await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
  await expect(page.getByText('Votre nom a été changé.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Mon compte : Marcel B\./ })).toBeVisible();
  await expect(name).toHaveValue('Marcel B.');
  if (js) expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
});

test('Mon compte asks to log in first', async ({ page, outside }) => {
  const res = await page.goto('/compte');
  expect(res?.status()).toBe(401);
  await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/connexion\?next=\/compte$/);
});

test('with JavaScript, a field is checked as soon as it is left, with the same rules', async ({ page, outside, js }) => {
  test.skip(!js, 'live checks need JavaScript');
  await page.goto('/inscription');
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
  // Wait for hydration: the header's log-in link is there on both sides, so wait for the wasm.
  await page.waitForFunction(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .some((e) => e.name.endsWith('.wasm') && e.responseEnd > 0));
  await page.waitForTimeout(300);
  const email = page.getByLabel('Adresse e-mail');
  await email.fill('pas-une-adresse');
  await email.press('Tab');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(/n'est pas valable/);
  // Once shown, the error goes as soon as what is typed is right, before the field is left.
  await email.fill('marie@exemple.fr');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText("n'est pas valable")).toHaveCount(0);
  await email.press('Tab');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  const password = page.getByLabel('Mot de passe');
  await password.fill('motdepasse');
  await password.press('Tab');
  await expect(password).toHaveAccessibleDescription(/parmi les plus utilisés/);
});

test('Mes données: download everything about me, then delete my account', async ({ page, outside }, info) => {
  const email = unique(info);
  await page.goto('/inscription');
  await page.getByLabel('Votre nom (ce que les autres verront)').fill('Ginette Ribeaupierre');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByLabel("J'ai lu et j'accepte la charte d'entraide.").check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/compte/);

  // The export is a download of JSON with my account in it (read here with the page's cookies).
  const link = page.getByRole('link', { name: 'Télécharger mes données (fichier JSON)' });
  await expect(link).toHaveAttribute('href', '/compte/mes-donnees.json');
  const res = await page.request.get('/compte/mes-donnees.json');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toContain('attachment');
  const data = await res.json();
  expect(data.compte.email).toBe(email);
  expect(data.compte.nom).toBe('Ginette Ribeaupierre');

  // A wrong password is refused and nothing is erased.
  const password = page.getByLabel('Votre mot de passe, pour confirmer');
  await password.fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  await expect(page.getByLabel('Votre mot de passe, pour confirmer')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Le mot de passe est incorrect.')).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  await page.getByLabel('Votre mot de passe, pour confirmer').fill(PASSWORD);
  await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
  // The form's #supprimer (which brings a mistake back into view) carries over the redirect.
  await expect(page).toHaveURL(/\/compte-supprime(#supprimer)?$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Votre compte est supprimé' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();

  // The account is gone: logging in with it fails like any unknown address.
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
});
