// Inclusion beyond axe-core: every page at 320 px wide and at 200 % zoom without horizontal
// scrolling, touch targets of 44 px at least, reduced motion respected, and the journeys done
// with the keyboard alone (browsing, filtering, publishing, answering) with a visible focus.
import { Browser, TestInfo } from '@playwright/test';
import { test, expect, isolate, Page, listItems, mapReady, settled } from './fixtures';
import { signUp } from './journeys';
import { pagesOf } from './pages';

/** A fresh context with the project's JavaScript setting and `viewport`. */
async function context(browser: Browser, info: TestInfo, viewport: { width: number; height: number }, extra = {}) {
  const { javaScriptEnabled, locale, timezoneId } = info.project.use;
  const ctx = await browser.newContext({ viewport, javaScriptEnabled, locale, timezoneId, baseURL: info.project.use.baseURL, ...extra });
  const page = await ctx.newPage();
  await isolate(page);
  return page;
}

/** Elements sticking out on the right, if the page scrolls sideways. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > root.clientWidth + 1) {
        out.push(`${el.tagName.toLowerCase()}.${(el.className || '').toString().split(' ').join('.')} right=${Math.round(r.right)}`);
      }
    }
    return out.length ? out.slice(0, 5) : [`scrollWidth ${root.scrollWidth} > ${root.clientWidth}`];
  });
}

/** Touch targets smaller than 44 × 44 CSS pixels. Inline links in a sentence are exempt
 *  (WCAG 2.5.5's "inline" exception); a radio button or a checkbox counts with its label. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const selector = 'button, a.btn, a.chip, a.seg, a.nav-link, a.brand, a.clear-filters, select, textarea, summary, '
      + 'input:not([type=hidden]), .leaflet-control-zoom a, .leaflet-marker-icon[role=button], .skip-link';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden], .visually-hidden')) continue;
      if (el.classList.contains('skip-link') && el !== document.activeElement) continue;
      const target = (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.height < 43.5 || r.width < 43.5) {
        const name = (target.getAttribute('aria-label') || target.textContent || (target as HTMLInputElement).name || '').trim().slice(0, 30);
        bad.push(`${target.tagName.toLowerCase()}.${target.className} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return bad;
  });
}

// Sizes are the same on both viewports' projects: run on the phone projects (with and without
// JavaScript), each page at 320 px and at 200 % zoom of a 1280 × 800 screen (640 × 400).
for (const who of ['anonymous', 'resident', 'moderator'] as const) {
  test(`${who}: every page fits 320 px and 200 % zoom, with 44 px touch targets`, async ({ browser, outside, js }, info) => {
    test.skip(info.project.name.startsWith('desktop'), 'sizes are checked once per mode, on the phone projects');
    test.setTimeout(180_000);
    const problems: string[] = [];
    for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
      const page = await context(browser, info, viewport, viewport.width === 320 ? { isMobile: true, hasTouch: true } : {});
      const urls = await pagesOf(page, who, info);
      for (const url of urls) {
        await page.goto(url);
        await page.waitForLoadState(js ? 'networkidle' : 'load');
        for (const o of await overflow(page)) problems.push(`${viewport.width}px ${url}: sideways scroll: ${o}`);
        if (viewport.width === 320) {
          for (const t of await smallTargets(page)) problems.push(`${url}: small target: ${t}`);
        }
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
}

test('easy-read mode: every public page fits 320 px, with 44 px touch targets', async ({ browser, outside, js }, info) => {
  test.skip(info.project.name.startsWith('desktop'), 'sizes are checked once per mode, on the phone projects');
  test.setTimeout(120_000);
  const page = await context(browser, info, { width: 320, height: 640 }, { isMobile: true, hasTouch: true });
  await page.context().addCookies([{ name: 'entraide_lecture', value: 'facile', url: info.project.use.baseURL! }]);
  const problems: string[] = [];
  for (const url of await pagesOf(page, 'anonymous', info)) {
    await page.goto(url);
    await page.waitForLoadState(js ? 'networkidle' : 'load');
    await expect(page.locator('html')).toHaveClass(/falc/);
    for (const o of await overflow(page)) problems.push(`${url}: sideways scroll: ${o}`);
    for (const t of await smallTargets(page)) problems.push(`${url}: small target: ${t}`);
  }
  await page.context().close();
  expect(problems).toEqual([]);
});

test('reduced motion: no transitions, and the map neither fades nor animates its zoom', async ({ browser, outside, js }, info) => {
  test.skip(!js, 'the map and its animations need JavaScript');
  for (const motion of ['reduce', 'no-preference'] as const) {
    const page = await context(browser, info, info.project.use.viewport!, { reducedMotion: motion });
    await page.goto('/?category=homework');
    await expect(page.locator('.leaflet-marker-pane').getByRole('button').first()).toBeAttached();
    // Leaflet marks a map that fades with `leaflet-fade-anim`, and one that animates its zoom
    // has a `leaflet-proxy` element.
    const animated = await page.locator('.leaflet-fade-anim, .leaflet-proxy').count();
    const transition = await page.locator('.btn').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    if (motion === 'reduce') {
      expect(animated, 'animated map parts').toBe(0);
      expect(transition).toMatch(/^0s/);
    } else {
      expect(animated, 'the map animates when motion is welcome').toBeGreaterThan(0);
    }
    await page.context().close();
  }
});

/** Presses Tab until the focused element matches `name` (its accessible text), at most `max` times. */
async function tabTo(page: Page, name: RegExp, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await focusedName(page);
    if (name.test(label)) {
      await expectVisibleFocus(page);
      return;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The focused element's name: its label, its text, or its aria-label. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    // Text as read out: without the parts hidden from assistive technologies (pictograms).
    const text = (node: Element | null) => {
      if (!node) return '';
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden=true]').forEach((n) => n.remove());
      return copy.textContent ?? '';
    };
    const labels = (el as HTMLInputElement).labels;
    const label = labels && labels.length ? text(labels[0]) : '';
    return `${label} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''} ${text(el)}`.replace(/\s+/g, ' ').trim();
  });
}

/** The focused element shows a focus ring (an outline of 2 px at least, or a box shadow). */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const target = el.matches('.leaflet-marker-icon') ? (el.firstElementChild as HTMLElement ?? el) : el;
    const s = getComputedStyle(target);
    return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none', tag: el.outerHTML.slice(0, 80) };
  });
  expect(ring.outline || ring.shadow, `visible focus on ${ring.tag}`).toBe(true);
}

test('keyboard only: skip to the list, filter by category, open a post', async ({ page, outside, js }) => {
  await page.goto('/');
  // Once hydrated (the skip link must keep working then, not only before the app starts) and the
  // list has followed the map's area.
  if (js) await mapReady(page);
  await settled(page);
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toBe('Aller à la liste des annonces');
  await expectVisibleFocus(page);
  expect(await page.locator('.skip-link').evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Enter');
  // The next Tabs stay in the list (its order links first), then reach its first post.
  const first = (await listItems(page).first().getByRole('link').first().innerText()).trim();
  for (let i = 0; i < 4 && !(await focusedName(page)).includes(first); i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#annonces'))).toBe(true);
  }
  expect(await focusedName(page)).toContain(first);

  // Filtering, from the top of the page again.
  await page.goto('/');
  await tabTo(page, /^Aide aux devoirs/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/category=homework/);
  await expect(page.locator('a.chip[aria-current=true]')).toContainText('Aide aux devoirs');
  await page.waitForLoadState();
  await expect(listItems(page).first()).toContainText('Aide aux devoirs');
  await tabTo(page, /^Aide aux devoirs.*retirer/);

  // Opening a post.
  await page.goto('/?category=homework');
  const title = (await listItems(page).first().getByRole('heading').innerText()).trim();
  await tabTo(page, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  if (js) {
    // The map's pins are reachable with Tab and open with Enter.
    await page.goto('/?category=homework');
    await expect(page.locator('.leaflet-marker-pane').getByRole('button').first()).toBeAttached();
    await tabTo(page, /^Aide aux devoirs — /, 200);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.leaflet-marker-pane'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('.leaflet-popup')).toBeVisible();
  }
});

test('keyboard only: publish a request, then answer a post', async ({ page, outside }, info) => {
  test.setTimeout(60_000);
  await signUp(page, `kbd-${info.project.name}-${Date.now()}@exemple.fr`);
  await page.goto('/publier');
  const title = `Lecture du courrier ${Date.now()}`;
  await tabTo(page, /demandez de l'aide/);
  await page.keyboard.press('Space');
  // Tab enters the category group on its first choice; arrow keys move and choose within it.
  await tabTo(page, /^Courses$/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Aide aux devoirs' })).toBeChecked();
  await tabTo(page, /^Titre/);
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Une fois par semaine, le mardi.');
  await tabTo(page, /^Commune ou code postal/);
  await page.keyboard.type('Guebwiller');
  await tabTo(page, /^Publier l'annonce$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  await expect(page.getByRole('main').getByRole('article', { name: title })).toContainText('Guebwiller');

  // Answering a post.
  await page.goto('/?category=homework');
  const post = (await listItems(page).first().getByRole('link').first().getAttribute('href'))!;
  await page.goto(post);
  await tabTo(page, /Votre message/);
  await page.keyboard.type('Bonjour, je peux passer jeudi après-midi.');
  await page.keyboard.press('Tab');
  expect(await focusedName(page)).toMatch(/^(Je peux aider|Ça m'intéresse)$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/messages\/\d+/);
  await expect(page.getByText('Bonjour, je peux passer jeudi après-midi.')).toBeVisible();
});
