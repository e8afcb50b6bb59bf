import { test, expect, mapReady, listItems, markers, announcedCount, filters, settled } from './fixtures';

test.describe('home page', () => {
  test('the list of posts is rendered by the server', async ({ page, outside, js }) => {
    // One category of the demo data: few enough posts to pin every one.
    await page.goto('/?category=homework');
    await expect(page.getByRole('heading', { level: 2, name: /\d+ annonces dans cette zone/ })).toBeVisible();
    const n = await listItems(page).count();
    expect(n).toBe(await announcedCount(page));
    expect(n).toBeGreaterThan(5);
    // Every card names its commune and a relative date in French.
    await expect(listItems(page).first()).toContainText(/il y a|hier|à l'instant/);
    await expect(page.getByRole('link', { name: 'Aller à la liste des annonces' })).toBeAttached();
    if (js) {
      await mapReady(page);
      await expect(markers(page)).toHaveCount(n);
    } else {
      await expect(page.getByRole('button', { name: 'Autour de moi' })).toHaveCount(0);
    }
  });

  test('a crowded area lists its 50 newest posts, counts the rest, and the map shows counts', async ({ page, outside, js }) => {
    await page.goto('/');
    const total = await announcedCount(page);
    expect(total).toBeGreaterThan(200);
    await expect(listItems(page)).toHaveCount(50);
    await expect(page.getByText(`${total - 50} autres annonces dans cette zone`)).toBeVisible();
    if (!js) return;
    await mapReady(page);
    // One bubble per cell of the grid; their counts add up to the announced total.
    const titles = await markers(page).evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThan(3);
    let sum = 0;
    for (const t of titles) {
      const m = t.match(/^(\d+) annonces? ici : zoomer sur cette zone$/);
      expect(m, t).not.toBeNull();
      sum += Number(m![1]);
    }
    expect(sum).toBe(total);
    // A bubble, from the keyboard, zooms on its cell: fewer posts, in a smaller area.
    const biggest = titles.indexOf(titles.reduce((a, b) => (parseInt(b) > parseInt(a) ? b : a)));
    await markers(page).nth(biggest).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/bbox=/);
    await expect.poll(() => announcedCount(page)).toBeLessThan(total);
  });

  test('a category chip filters the list and the map', async ({ page, outside, js }) => {
    await page.goto('/');
    if (js) await mapReady(page);
    const before = await announcedCount(page);
    await filters(page).getByRole('link', { name: /Aide aux devoirs/ }).click();
    await expect(page).toHaveURL(/[?&]category=homework/);
    await expect(filters(page).getByRole('link', { name: /Aide aux devoirs.*filtre actif/ })).toBeVisible();
    await expect.poll(() => announcedCount(page)).toBeLessThan(before);
    await settled(page);
    const after = await announcedCount(page);
    expect(after).toBeGreaterThan(0);
    const items = listItems(page);
    await expect(items).toHaveCount(after);
    for (const text of await items.allInnerTexts()) expect(text).toContain('Aide aux devoirs');
    if (js) await expect(markers(page)).toHaveCount(after);

    // A second category adds to the first; the back button undoes it.
    await filters(page).getByRole('link', { name: /^Courses/ }).click();
    await expect(page).toHaveURL(/category=groceries,homework/);
    await expect.poll(() => announcedCount(page)).toBeGreaterThan(after);
    await page.goBack();
    await expect(page).toHaveURL(/category=homework$/);
    await expect(listItems(page)).toHaveCount(after);
  });

  test('requests only, then offers only', async ({ page, outside }) => {
    await page.goto('/');
    await filters(page).getByRole('link', { name: 'Demandes', exact: true }).click();
    await expect(page).toHaveURL(/kind=request/);
    await expect(listItems(page).first()).toContainText("Demande d'aide");
    await settled(page);
    for (const text of await listItems(page).allInnerTexts()) expect(text).toContain("Demande d'aide");
    await filters(page).getByRole('link', { name: 'Offres', exact: true }).click();
    await expect(page).toHaveURL(/kind=offer/);
    await expect(listItems(page).first()).toContainText("Offre d'aide");
    await settled(page);
    for (const text of await listItems(page).allInnerTexts()) expect(text).toContain("Offre d'aide");
  });

  test('a shared filtered address shows the same posts', async ({ page, outside }) => {
    await page.goto('/?category=transport&kind=offer&sort=nearest');
    const items = await listItems(page).allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    for (const text of items) {
      expect(text).toContain('Déplacements');
      expect(text).toContain("Offre d'aide");
    }
    await expect(page.getByRole('link', { name: 'Plus proches' })).toHaveAttribute('aria-current', 'true');
  });

  test('the first Tab reaches the skip link, which leads to the list', async ({ page, outside }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller à la liste des annonces' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#annonces$/);
    await expect(page.getByRole('heading', { level: 2, name: /annonces dans cette zone/ })).toBeInViewport();
  });

  test('a wrong filter is explained, not a crash', async ({ page, outside }) => {
    const res = await page.goto('/?category=cuisine');
    expect(res?.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('La catégorie « cuisine » n\'existe pas');
    await page.getByRole('link', { name: 'Voir toutes les annonces' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /annonces dans cette zone/ })).toBeVisible();
  });
});

test.describe('map (JavaScript)', () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'the map needs JavaScript');

  test('zooming in refetches the area; list and pins stay the same set', async ({ page, outside }) => {
    await page.goto('/');
    await mapReady(page);
    const before = await announcedCount(page);
    await page.getByRole('button', { name: 'Zoom avant' }).click();
    await page.getByRole('button', { name: 'Zoom avant' }).click();
    await expect(page).toHaveURL(/bbox=/);
    await expect.poll(() => announcedCount(page)).toBeLessThan(before);
    await settled(page);
    const n = await listItems(page).count();
    if ((await announcedCount(page)) <= 200) {
      // Every post is listed and pinned.
      await expect(markers(page)).toHaveCount(n);
    } else {
      // Still crowded: the 50 newest, and count bubbles.
      expect(n).toBe(50);
      await expect(markers(page).first()).toHaveAttribute('title', /zoomer sur cette zone/);
    }
  });

  test('an open popup stays open while the map loads the area it moved to', async ({ page, outside }) => {
    await page.goto('/?category=homework');
    await mapReady(page);
    await settled(page);
    const pin = markers(page).first();
    const name = await pin.getAttribute('title');
    await pin.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    const before = page.url();
    // Panning by keyboard: the map asks for its new area, and the same pins come back.
    await page.locator('.leaflet-container').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).not.toBe(before);
    await settled(page);
    await expect(popup).toBeVisible();
    await expect(popup).toContainText(name!.split(' — ')[1]);
  });

  test('a pin opens a popup with a link to the post', async ({ page, outside }) => {
    // The post's page code comes slowly (a phone's network): a move of the map still waiting
    // (the popup's own panning) must not bring the page back to the map meanwhile.
    await page.route(/\/pkg\/(split_post_pages|chunk_)[^/]*\.wasm$/, async (route) => {
      await new Promise((done) => setTimeout(done, 800));
      await route.continue();
    });
    await page.goto('/?category=homework');
    await mapReady(page);
    const pin = markers(page).first();
    await pin.focus();
    await page.keyboard.press('Enter');
    const link = page.locator('.leaflet-popup').getByRole('link', { name: "Voir l'annonce" });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/posts\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('"Autour de moi" lists and maps the area around the position, nearest first', async ({ page, context, outside }) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 48.0794, longitude: 7.3585 }); // Colmar
    await page.goto('/');
    await mapReady(page);
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(page).toHaveURL(/[?&]at=48\.079,7\.35[89].*sort=nearest/);
    await mapReady(page);
    await expect(page.locator('#annonces .distance').first()).toBeVisible();
    await expect(listItems(page).first()).toContainText('Colmar');
  });

  test('"Autour de moi" explains a refusal', async ({ page, context, outside }) => {
    await context.clearPermissions();
    await page.goto('/');
    await mapReady(page);
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect(page.getByRole('status')).toContainText(/autorisé la localisation|position n'a pas pu/);
  });
});

test.describe('pages loaded when first needed (JavaScript)', () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled === false, 'no bundle without JavaScript');

  /** The WebAssembly files the page fetches, as they are asked for. */
  const wasmFiles = (page: import('@playwright/test').Page) => {
    const files: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/pkg/') && path.endsWith('.wasm')) files.push(path);
    });
    return files;
  };

  /** The WebAssembly files a page as sent asks the browser to preload. */
  const preloadedWasm = (html: string) =>
    (html.match(/<link\b[^>]*>/g) ?? [])
      .filter((tag) => /\brel="preload"/.test(tag))
      .map((tag) => /\bhref="([^"]+\.wasm)"/.exec(tag)?.[1])
      .filter((href): href is string => !!href);

  test('the map page loads the bundle alone; a post then loads its section, without a page load', async ({ page, outside }) => {
    const files = wasmFiles(page);
    await page.goto('/');
    await mapReady(page);
    expect(files).toEqual([expect.stringMatching(/^\/pkg\/entraide\.[\w-]+\.wasm$/)]);
    await page.evaluate(() => { (window as any).sameDocument = true; });
    const card = listItems(page).first();
    const title = (await card.getByRole('heading').first().innerText()).trim();
    await card.locator('a[href^="/posts/"]').first().click();
    await page.waitForURL(/\/posts\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
    // The post page's section: a few files, not one per component.
    const section = files.slice(1);
    expect(section.length).toBeGreaterThan(0);
    expect(section.length).toBeLessThanOrEqual(8);
  });

  test('a page of a section opened directly names its files in the page and hydrates', async ({ page, outside }) => {
    const files = wasmFiles(page);
    const preloaded = preloadedWasm(await (await page.goto('/connexion'))!.text());
    expect(preloaded.length).toBeGreaterThan(1);
    // Hydrated: a link then moves within the same document.
    await expect.poll(() => files.length).toBeGreaterThanOrEqual(preloaded.length);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => { (window as any).sameDocument = true; });
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  });

  // Leptos looked the split bundle up in whatever owner the server's thread held last: none
  // (the main bundle alone, 233 of 400 pages in a row) or another request's (its links too).
  test('pages asked for at once each name their own section\'s files, once', async ({ request }) => {
    const paths = ['/connexion', '/inscription', '/mot-de-passe-oublie', '/adresse-confirmee'];
    const pages = await Promise.all(
      Array.from({ length: 48 }, (_, i) => paths[i % paths.length]).map(async (path) => {
        const res = await request.get(path);
        expect(res.status(), path).toBe(200);
        return { path, files: preloadedWasm(await res.text()) };
      }),
    );
    for (const path of paths) {
      const sets = pages.filter((p) => p.path === path).map((p) => p.files);
      const first = sets[0];
      expect(first.length, path).toBeGreaterThan(1);
      expect(new Set(first).size, `${path}: a file named twice`).toBe(first.length);
      for (const files of sets) expect([...files].sort(), path).toEqual([...first].sort());
    }
  });
});
