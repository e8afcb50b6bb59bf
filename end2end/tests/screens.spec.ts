import { test, expect } from './fixtures';
import { pagesOf } from './pages';

// Screenshots of every page, as each kind of visitor sees it, in the four projects (phone
// 390×844 and desktop 1280×800, with and without JavaScript), to look at:
// `make screenshots` (SCREENSHOTS=1) writes them to end2end/screenshots/; never committed.
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take screenshots');

for (const who of ['anonymous', 'resident', 'moderator'] as const) {
  test(`screenshots: ${who}`, async ({ page, outside, js }, info) => {
    test.setTimeout(180_000);
    const urls = await pagesOf(page, who, info);
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState(js ? 'networkidle' : 'load');
      if (js && (url === '/' || url.startsWith('/?'))) {
        await expect(page.locator('.leaflet-marker-pane').getByRole('button').first()).toBeAttached();
      }
      await page.waitForTimeout(300);
      const name = url.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || 'home';
      await page.screenshot({ path: `screenshots/${info.project.name}-${who}-${name}.png`, fullPage: true });
    }
  });
}
