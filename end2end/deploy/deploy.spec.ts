// Through nginx and TLS, as a département runs it: a person signs up (the e-mail's link comes
// through the SMTP relay), publishes, logs out and back in; the session cookie is Secure and
// HttpOnly, and every page comes with HSTS.
import { test, expect } from '../tests/fixtures';
import { publish, signUp } from '../tests/journeys';

test('a person signs up, publishes and logs in again over https behind nginx', async ({ page, context }, info) => {
  expect(process.env.DEPLOY_URL, 'run by end2end/deploy.sh').toMatch(/^https:\/\//);
  const home = await page.goto('/');
  expect(home?.headers()['strict-transport-security']).toMatch(/^max-age=63072000/);

  const email = `deploiement-${info.project.name}-${Date.now()}@exemple.fr`;
  await signUp(page, email);
  const session = (await context.cookies()).find((c) => c.name === 'entraide_session');
  expect(session, 'a session cookie').toBeDefined();
  expect(session!.secure).toBe(true);
  expect(session!.httpOnly).toBe(true);

  await publish(page, /demandez de l'aide/, 'Courses', 'Un sac de terreau pour le balcon', 'Cernay');

  await page.goto('/compte');
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('mon jardin au printemps');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
  await page.goto('/mes-annonces');
  await expect(page.getByText('Un sac de terreau pour le balcon')).toBeVisible();
});
