import { test, mapReady } from './fixtures';

// Screenshots to look at (SCREENSHOTS=1 make screenshots); never committed.
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to take screenshots');

for (const [name, path] of [['home', '/'], ['filtered', '/?category=homework,groceries&kind=request'], ['post', '/posts/1'], ['404', '/posts/999999']]) {
  test(`screenshot ${name}`, async ({ page, outside, js }, info) => {
    await page.goto(path);
    if (js && name !== '404') {
      if (name === 'post') await page.locator('.map-small .leaflet-marker-icon').waitFor();
      else await mapReady(page);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/${info.project.name}-${name}.png`, fullPage: true });
  });
}
