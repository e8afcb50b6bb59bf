// Accessibility: axe-core (WCAG 2.1 A and AA rules) on every page, as anonymous, resident,
// author and moderator, in the four projects (phone and desktop, with and without JavaScript),
// including pages showing form errors. Any violation fails, with its rule and elements.
import AxeBuilder from '@axe-core/playwright';
import { appendFileSync } from 'node:fs';
import { Browser, Response } from '@playwright/test';
import { test, expect, isolate, Page } from './fixtures';
import { DEMO_MODERATOR, DEMO_PASSWORD, logIn, signUp } from './journeys';

type Found = { url: string; rule: string; impact: string; targets: string[] };

/** axe needs JavaScript; without it, the page's HTML as served is checked in a JavaScript page
 *  whose own scripts are blocked, so it stays exactly the server-rendered page. */
let helper: Page | undefined;
const documents = new WeakMap<Page, Response>();
/** Remembers each page's last HTML document (no script can read it back without JavaScript). */
function watchDocuments(page: Page) {
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document' && r.frame() === page.mainFrame()) documents.set(page, r);
  });
}
async function axePage(page: Page, js: boolean, browser: Browser): Promise<Page> {
  if (js) return page;
  const doc = documents.get(page);
  if (!doc) throw new Error('no document seen');
  const html = await doc.text();
  const url = page.url();
  if (!helper) {
    helper = await (await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true })).newPage();
    await isolate(helper);
    await helper.route(/\/(pkg|leaflet)\/.*\.(js|wasm)$/, (r) => r.abort());
  }
  await helper.unroute(url).catch(() => {});
  await helper.route(url, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await helper.goto(url);
  return helper;
}

async function audit(page: Page, url: string, found: Found[], js = true, browser?: Browser) {
  if (url) await page.goto(url);
  await page.waitForLoadState(js ? 'networkidle' : 'load');
  const target = browser ? await axePage(page, js, browser) : page;
  const result = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // The map's tiles and Leaflet's own controls are checked by the keyboard journeys instead.
    .exclude('.leaflet-tile-pane')
    .analyze();
  for (const v of result.violations) {
    found.push({ url: url || page.url(), rule: v.id, impact: v.impact ?? '', targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
  }
}

function report(info: { project: { name: string } }, who: string, pages: number, found: Found[]) {
  const figures = process.env.FIGURES_FILE;
  if (figures) appendFileSync(figures, `a11y.axe_violations ${found.length}\na11y.pages_checked ${pages}\n`);
  if (found.length) console.log(`${info.project.name} ${who}:`, JSON.stringify(found, null, 1));
  expect(found, 'axe-core violations (WCAG 2.1 AA)').toEqual([]);
}

test.afterAll(async () => {
  await helper?.context().close();
  helper = undefined;
});

test('public pages have no WCAG 2.1 AA violation', async ({ page, outside, js, browser }, info) => {
  test.setTimeout(300_000);
  watchDocuments(page);
  const found: Found[] = [];
  await page.goto('/');
  const firstPost = await page.locator('#annonces article a').first().getAttribute('href');
  const urls = ['/', '/?category=groceries,homework&kind=request', '/?sort=nearest', firstPost!, '/inscription',
    '/connexion', '/publier', '/compte', '/nulle-part', '/compte-supprime', '/posts/999999', '/pages/comment-ca-marche',
    '/pages/charte', '/pages/mentions-legales', '/pages/donnees-personnelles', '/pages/accessibilite',
    '/charte/accepter', '/alertes', `/alertes/desabonner/${'0'.repeat(64)}`, `/proche/${'0'.repeat(64)}`,
    '/immeuble/rejoindre?code=ZZZZ-ZZZZ'];
  for (const url of urls) await audit(page, url, found, js, browser);
  // A form showing its errors.
  await page.goto('/inscription');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByText(/Indiquez/).first()).toBeVisible();
  await audit(page, '', found, js, browser);
  report(info, 'anonymous', urls.length + 1, found);
});

test('pages of a resident, an author and a moderator have no WCAG 2.1 AA violation', async ({ page, outside, js, browser }, info) => {
  test.setTimeout(300_000);
  watchDocuments(page);
  const found: Found[] = [];
  let pages = 0;
  const check = async (url: string) => {
    await audit(page, url, found, js, browser);
    pages++;
  };
  // A resident who answered a post (groceries: childcare and home visits take a vetted helper).
  await signUp(page, `a11y-${info.project.name}-${Date.now()}@exemple.fr`);
  await page.goto('/?category=groceries');
  const post = (await page.locator('#annonces article a').first().getAttribute('href'))!;
  await page.goto(post);
  await page.getByLabel(/Votre message/).fill('Bonjour, je peux vous aider mardi.');
  await page.locator('form.respond-form').getByRole('button').click();
  await expect(page).toHaveURL(/\/messages\/\d+/);
  const conversation = new URL(page.url()).pathname;
  for (const url of ['/compte', '/publier', '/mes-annonces', '/messages', conversation, '/notifications', post, `${post}/affichette`, '/immeuble']) {
    await check(url);
  }
  // « Mon immeuble » with a group, and its notice for the hall.
  await page.goto('/immeuble');
  await page.getByLabel("Rue de l'immeuble, sans le numéro").fill('rue des Tilleuls');
  await page.getByLabel('Commune ou code postal').fill('Colmar');
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page).toHaveURL(/\/immeuble\?cree=\d+/);
  const building = new URL(page.url()).searchParams.get('cree');
  for (const url of ['/immeuble', `/immeuble/${building}/affiche`, '/publier']) await check(url);
  // Asking to be vetted: the page with the request, then a request waiting on the desk.
  await page.goto('/compte/verification');
  await page.getByRole('button', { name: 'Demander à être vérifié' }).click();
  await check('/compte/verification');
  // « Mes alertes » with an alert, its settings, then a mistake shown next to its field.
  await page.goto('/alertes');
  await page.getByLabel('Commune ou code postal').fill('Colmar');
  await page.getByRole('button', { name: "Créer l'alerte" }).click();
  await expect(page.locator('.alert-item')).toHaveCount(1);
  await check('/alertes');
  await page.getByLabel('Commune ou code postal').fill('Nulle-Part-sur-Mer');
  await page.getByRole('button', { name: "Créer l'alerte" }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await audit(page, '', found, js, browser);
  pages++;
  // Publishing with mistakes shows errors next to the fields.
  await page.goto('/publier');
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await audit(page, '', found, js, browser);
  pages++;
  await page.context().clearCookies();

  // The author of demo posts.
  await logIn(page, 'martine@demo.entraide.invalid', DEMO_PASSWORD);
  await page.goto('/mes-annonces');
  const edit = await page.getByRole('link', { name: /Modifier/ }).first().getAttribute('href');
  for (const url of ['/mes-annonces', ...(edit ? [edit] : []), '/messages', '/notifications']) await check(url);
  await page.context().clearCookies();

  // A moderator.
  await logIn(page, DEMO_MODERATOR, DEMO_PASSWORD);
  await page.goto('/moderation');
  const history = await page.getByRole('link', { name: "Historique complet de l'annonce" }).first().getAttribute('href');
  for (const url of ['/moderation', '/moderation/signalements', '/saisie', '/saisies', '/pilotage', '/pilotage/exports', '/suivi', '/verifications', ...(history ? [history] : [])]) {
    await check(url);
  }
  // Recording a check with mistakes shows errors next to the fields of that person's form.
  await page.goto('/verifications');
  const waiting = page.locator('details.report-box').first();
  if (await waiting.count()) {
    await waiting.locator('summary').click();
    await waiting.getByRole('button').click();
    await audit(page, '', found, js, browser);
    pages++;
  }
  // Phone intake with mistakes shows errors next to the fields, the person's ones included.
  await page.goto('/saisie');
  await page.getByRole('button', { name: 'Publier pour cette personne' }).click();
  await audit(page, '', found, js, browser);
  pages++;
  await page.context().clearCookies();

  // An admin: « Personnes » and one person.
  await logIn(page, 'admin@demo.entraide.invalid', DEMO_PASSWORD);
  await page.goto('/admin/personnes?q=demo');
  const person = await page.locator('.person a').first().getAttribute('href');
  for (const url of ['/admin/personnes?q=demo', '/admin/annonces', '/admin/pages', '/admin/pages/charte', ...(person ? [person] : [])]) await check(url);
  report(info, 'logged in', pages, found);
});
