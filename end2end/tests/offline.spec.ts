// The installed app: manifest and icons, the service worker's offline copies (the last list,
// the posts opened, the "Pas de réseau" page), the unsent post kept as a draft and sent when
// the network is back, and a log-out that clears the device. JavaScript projects only: a
// service worker and a draft need it (without JavaScript the site is a plain website).
import { test, expect, listItems, settled } from './fixtures';
import { signUp } from './journeys';
import { Page } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });
test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'service workers and drafts need JavaScript');

const CACHE = 'entraide-v1';

/** Waits until the service worker controls the page. */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15_000 });
}

/** Every draft kept on the device (one per account), as one text. */
async function drafts(page: Page): Promise<string> {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('entraide:brouillon-annonce'))
    .map((k) => localStorage.getItem(k)).join('\n'));
}

/** Waits until the publishing form is hydrated (its map picker is drawn in the browser). */
async function formReady(page: Page) {
  await expect(page.getByRole('button', { name: 'Utiliser ma position' })).toBeVisible();
}

/** Waits until the service worker keeps a copy of `path`. */
async function kept(page: Page, path: string) {
  await page.waitForFunction(
    async ([cache, path]) => !!(await (await caches.open(cache)).match(new URL(path, location.origin).href, { ignoreVary: true })),
    [CACHE, path] as const,
    { timeout: 15_000 },
  );
}

test('the manifest and its icons make the app installable', async ({ page, outside }) => {
  await page.goto('/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const response = await page.request.get(href!);
  expect(response.headers()['content-type']).toContain('manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Entraide Haut-Rhin', short_name: 'Entraide', start_url: '/', display: 'standalone', lang: 'fr' });
  expect(await page.locator('meta[name=theme-color]').getAttribute('content')).toBe(manifest.theme_color);
  for (const size of ['192x192', '512x512']) {
    const icon = manifest.icons.find((i: { sizes: string; type: string }) => i.sizes === size && i.type === 'image/png');
    expect(icon, `a ${size} PNG icon`).toBeTruthy();
    const png = await (await page.request.get(icon.src)).body();
    // The PNG's own width and height (IHDR) match what the manifest says.
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(size);
  }
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose?.includes('maskable'))).toBe(true);
  await controlled(page);
});

test('offline, the last list viewed and the posts opened are still there; other pages say there is no network', async ({ page, context, outside }) => {
  test.setTimeout(60_000);
  await page.goto('/?category=homework');
  await controlled(page);
  const first = listItems(page).first();
  const title = (await first.getByRole('heading').innerText()).trim();
  const post = (await first.getByRole('link').first().getAttribute('href'))!;
  // Leaving the list through the app's own navigation: the worker keeps the list.
  await first.getByRole('link').first().click();
  await expect(page).toHaveURL(post);
  await kept(page, '/?category=homework');
  // The worker notes the list as the last one viewed just after keeping it: wait for that too.
  await kept(page, '/__derniere-liste');
  // A post loaded in full is kept as it is shown.
  await page.reload();
  await kept(page, post);

  await context.setOffline(true);
  // The installed app opens at "/": it shows the last list viewed.
  await page.goto('/');
  await expect(page).toHaveURL(/\/\?category=homework$/);
  await expect(listItems(page).first()).toContainText(title);
  await page.goto(post);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // A page never kept (personal pages never are): the "Pas de réseau" page.
  await page.goto('/messages');
  await expect(page).toHaveURL(/\/hors-ligne$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Pas de réseau pour l'instant");
  await context.setOffline(false);
});

test('a post written without a network is kept on the device and sent when the network is back', async ({ page, context, outside }, info) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  await signUp(page, `${info.project.name}-draft-${stamp}@exemple.fr`);
  const title = `Courses du samedi ${stamp}`;
  await page.goto('/publier');
  await controlled(page);
  await formReady(page);
  await page.getByRole('radio', { name: /demandez de l'aide/ }).check();
  await page.getByRole('radio', { name: 'Courses' }).check();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Le samedi matin, au marché couvert.');

  // Closed or reloaded by mistake: everything typed comes back.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Nous avons retrouvé' })).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveValue(title);
  await expect(page.getByLabel('Description')).toHaveValue('Le samedi matin, au marché couvert.');
  await expect(page.getByRole('radio', { name: 'Courses' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /demandez de l'aide/ })).toBeChecked();
  await page.getByLabel('Commune ou code postal').fill('Colmar');

  // Sent without a network: not sent, kept, and said so.
  await context.setOffline(true);
  await page.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(page.getByRole('status').filter({ hasText: "n'est pas encore partie" })).toBeVisible();
  await expect(page).toHaveURL(/\/publier$/);
  // The network comes back: it leaves by itself.
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  await expect(page.getByRole('main').getByRole('article', { name: title })).toContainText('Colmar');
  // Published: the draft is forgotten on the device (once "Mes annonces" has loaded its script).
  await expect.poll(() => drafts(page), { timeout: 15_000 }).toBe('');
  await page.goto('/publier');
  await expect(page.getByLabel('Titre')).toHaveValue('');
  await expect(page.getByText('Nous avons retrouvé')).toHaveCount(0);
});

test('a form sent while the network fails leads to the "Pas de réseau" page, and the draft waits', async ({ page, context, outside }, info) => {
  await signUp(page, `${info.project.name}-lost-${Date.now()}@exemple.fr`);
  await page.goto('/publier');
  await controlled(page);
  await kept(page, '/hors-ligne');
  await formReady(page);
  await page.getByLabel('Titre').fill('Aide pour un déménagement');
  await context.setOffline(true);
  // Sent by the browser itself (as when the network drops while sending).
  await page.evaluate(() => (document.querySelector('form[action="/publier"]') as HTMLFormElement).submit());
  await expect(page).toHaveURL(/\/hors-ligne$/);
  await expect(page.getByRole('link', { name: 'Reprendre mon annonce' })).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('link', { name: 'Reprendre mon annonce' }).click();
  await expect(page.getByLabel('Titre')).toHaveValue('Aide pour un déménagement');
});

test('logging out clears what the app kept on the device', async ({ page, outside }, info) => {
  await signUp(page, `${info.project.name}-out-${Date.now()}@exemple.fr`);
  await page.goto('/?category=homework');
  await controlled(page);
  const post = (await listItems(page).first().getByRole('link').first().getAttribute('href'))!;
  await page.goto(post);
  await kept(page, post);
  await page.goto('/publier');
  await formReady(page);
  await page.getByLabel('Titre').fill('Un brouillon à ne pas laisser');
  await expect.poll(() => drafts(page)).toContain('ne pas laisser');
  await page.goto('/compte');
  // Once the page has loaded its app: leaving while the browser still fetches it aborts that
  // fetch, an uncaught "Failed to fetch" of the loader that the fixture counts (seen once).
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await settled(page);
  expect(await drafts(page)).toBe('');
  const stillKept = await page.evaluate(async (post) => !!(await caches.match(new URL(post, location.origin).href)), post);
  expect(stillKept, 'the post page kept before logging out').toBe(false);
});

test('on a shared phone, pages are kept as anyone sees them, and a session that ends takes the draft with it', async ({ page, context, outside }, info) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  const email = `${info.project.name}-partage-${stamp}@exemple.fr`;
  await signUp(page, email);
  await page.goto('/?category=homework');
  await controlled(page);
  const post = (await listItems(page).first().getByRole('link').first().getAttribute('href'))!;
  await page.goto(post);
  await page.reload();
  await kept(page, post);
  // What the worker kept holds nothing of the person logged in (their e-mail, their name).
  const copy = await page.evaluate(async ([cache, post]) => {
    const r = await (await caches.open(cache)).match(new URL(post, location.origin).href, { ignoreVary: true });
    return r ? r.text() : '';
  }, [CACHE, post] as const);
  expect(copy).toContain('</html>');
  expect(copy).not.toContain(email);
  expect(copy).not.toContain('Mon compte');

  await page.goto('/publier');
  await formReady(page);
  await page.getByLabel('Titre').fill('Code de la porte 4711');
  await expect.poll(() => drafts(page)).toContain('4711');
  // The session ends without a log-out (it expired, or was ended from another device).
  await context.clearCookies();
  await page.goto('/');
  await settled(page);
  await expect.poll(() => drafts(page)).toBe('');
  await expect.poll(() => page.evaluate(async (post) => !!(await caches.match(new URL(post, location.origin).href)), post)).toBe(false);
  // The next person to log in on this phone finds an empty form.
  await signUp(page, `${info.project.name}-suivant-${stamp}@exemple.fr`);
  await page.goto('/publier');
  await formReady(page);
  await expect(page.getByLabel('Titre')).toHaveValue('');
});
