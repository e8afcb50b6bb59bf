// Languages: English for a browser that prefers it (Accept-Language), the switch in the header
// changes the language of the same page and is remembered; dates, categories and the map's
// words follow. Both modes: the switch is a plain link.
import { test, expect, isolate, listItems } from './fixtures';

test('English for a browser that asks for it; the switch changes and remembers the language', async ({ browser, outside, js }, info) => {
  const { javaScriptEnabled, viewport, isMobile, hasTouch, baseURL, timezoneId } = info.project.use;
  const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled, viewport, isMobile, hasTouch, baseURL, timezoneId });
  const page = await context.newPage();
  await isolate(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const catalogues: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/i18n/')) catalogues.push(path.replace(/\.[0-9a-f]{16}\.ftl$/, '.ftl'));
  });

  await page.goto('/?category=homework');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: /^\d+ posts? in this area$/ })).toBeVisible();
  const filterBar = page.getByRole('navigation', { name: 'Post filters' });
  await expect(filterBar.getByRole('link', { name: /Homework help \(active filter, remove\)/ })).toBeVisible();
  await expect(listItems(page).first()).toContainText('Homework help');
  await expect(listItems(page).first().locator('time')).toHaveText(/ago$|^yesterday$|^just now$/);
  await expect(page.getByRole('link', { name: 'Skip to the list of posts' })).toBeAttached();
  if (js) {
    // The map speaks English too (after hydration, from the same catalogue).
    await expect(page.getByRole('button', { name: 'Around me' })).toBeVisible();
    await expect(page.locator('.leaflet-marker-pane').getByRole('button').first()).toHaveAttribute('title', /^Homework help — /);
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
    // The bundle carries no words: the page fetched its own language's catalogue, once.
    expect(catalogues).toEqual(['/i18n/en.ftl']);
  }
  // A post's page.
  await listItems(page).first().getByRole('link').first().click();
  await expect(page.getByText('Posted by')).toBeVisible();
  await expect(page.getByText(/\(approximate position\)$/)).toBeVisible();

  // To French, on the same page; remembered on the next ones.
  const here = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(new RegExp(`${here}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByText('Publiée par')).toBeVisible();
  await page.goto('/nulle-part');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  // And back to English, keeping the filters of the list.
  await page.goto('/?category=homework&kind=request');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/\?category=homework&kind=request$/);
  await expect(page.getByRole('heading', { level: 2, name: /in this area$/ })).toBeVisible();
  await expect(page.locator('a.seg[aria-current=true]').first()).toHaveText('Requests');
  expect(errors, 'page errors (hydration in the other language)').toEqual([]);
  await context.close();
});

test('a French browser gets French, and the switch offers English', async ({ page, outside }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const english = page.getByRole('link', { name: 'English' });
  await expect(english).toHaveAttribute('lang', 'en');
  await expect(english).toHaveAttribute('href', '/langue/en?retour=/');
});

test('an English reader is told what is wrong in English, by the browser and by the server', async ({ browser, outside, js }, info) => {
  const { javaScriptEnabled, viewport, isMobile, hasTouch, baseURL, timezoneId } = info.project.use;
  const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled, viewport, isMobile, hasTouch, baseURL, timezoneId });
  const page = await context.newPage();
  await isolate(page);
  await page.goto('/inscription');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const email = page.getByRole('textbox', { name: /e-mail/i });
  if (js) {
    // The domain's check runs in the browser when the field is left, in the page's language
    // (tried again until the page is hydrated).
    await expect(async () => {
      // Two changes each time (a field left with the value it had when entered is no change).
      await email.fill('');
      await email.press('Tab');
      await email.fill('claire@exemple');
      await email.press('Tab');
      await expect(email).toHaveAccessibleDescription(/This e-mail address is not valid/, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  }
  await email.fill('claire@exemple');
  // Sent anyway: the server says the same, next to the field, and keeps what was typed.
  await page.locator('form').filter({ has: email }).evaluate((f: HTMLFormElement) => f.submit());
  await expect(page.getByText('This e-mail address is not valid')).toBeVisible();
  await expect(page.getByText("Cette adresse e-mail n'est pas valable")).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: /e-mail/i })).toHaveValue('claire@exemple');
  await context.close();
});
