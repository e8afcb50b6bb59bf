// Finding needs by words and by the person's position, and reading a long list fifty at a time:
// words without accents find posts written with them, best match first, combined with the
// other filters; "Utiliser ma position" lists from the phone's position with distances; "50 de
// plus" pages a crowded list (plain links: the way without JavaScript). All in the address.
import { test, expect, Page, listItems, announcedCount } from './fixtures';

const box = (page: Page) => page.getByRole('search', { name: 'Chercher des annonces' });

test('words without accents find the posts written with them, best match first, with the other filters', async ({ page, outside }) => {
  await page.goto('/');
  await box(page).getByLabel('Mots à chercher').fill('epicerie');
  await box(page).getByRole('button', { name: 'Chercher' }).click();
  await expect(page).toHaveURL(/[?&]q=epicerie(&|$)/);
  await expect(page.getByText('Annonces contenant « epicerie »')).toBeVisible();
  await expect(box(page).getByLabel('Mots à chercher')).toHaveValue('epicerie');
  await expect(page.getByRole('link', { name: 'Pertinence' })).toHaveAttribute('aria-current', 'true');
  const found = await announcedCount(page);
  expect(found).toBeGreaterThan(0);
  // Each post found holds the word, accented, in its title or its description.
  const first = listItems(page).first().getByRole('link');
  await first.click();
  // The post's page itself (the list holds the word too): going back before it is shown would
  // leave the list's own entry.
  await expect(page).toHaveURL(/\/posts\/\d+$/);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main')).toContainText(/[ée]picerie/i);
  await page.goBack();
  await expect(page).toHaveURL(/q=epicerie/);

  // With a category: the words stay, fewer or as many posts.
  await page.getByRole('link', { name: /^Courses/ }).first().click();
  await expect(page).toHaveURL(/category=groceries/);
  await expect(page).toHaveURL(/q=epicerie/);
  expect(await announcedCount(page)).toBeLessThanOrEqual(found);
  for (const text of await listItems(page).allInnerTexts()) expect(text).toContain('Courses');

  // The newest first, then the words cleared.
  await page.getByRole('link', { name: 'Plus récentes' }).click();
  await expect(page).toHaveURL(/sort=recent/);
  await page.getByRole('link', { name: 'Effacer les mots' }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page.getByText(/Annonces contenant/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Pertinence' })).toHaveCount(0);
});

test('a search of small words only is said, and what was typed stays', async ({ page, outside }) => {
  await page.goto('/');
  await box(page).getByLabel('Mots à chercher').fill('de la');
  await box(page).getByRole('button', { name: 'Chercher' }).click();
  await expect(page.getByRole('alert').first()).toContainText('« de la » ne contient aucun mot à chercher');
  await expect(box(page).getByLabel('Mots à chercher')).toHaveValue('de la');
});

test('a crowded list is read fifty at a time, by plain links in the address', async ({ page, outside }) => {
  await page.goto('/');
  const total = await announcedCount(page);
  expect(total).toBeGreaterThan(200);
  const pager = page.getByRole('navigation', { name: 'Pages de la liste' });
  await expect(pager).toContainText(/Annonces 1 à 50 sur/);
  const firstTitle = await listItems(page).first().getByRole('heading').innerText();
  await pager.getByRole('link', { name: '50 de plus' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pager).toContainText(/Annonces 51 à 100 sur/);
  await expect(listItems(page)).toHaveCount(50);
  expect(await announcedCount(page)).toBe(total);
  await expect(listItems(page).first().getByRole('heading')).not.toHaveText(firstTitle);
  await pager.getByRole('link', { name: '50 précédentes' }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(pager).toContainText(/Annonces 1 à 50 sur/);
  await expect(listItems(page).first().getByRole('heading')).toHaveText(firstTitle);
});

test('"Utiliser ma position" lists from the phone, nearest first, with distances', async ({ page, context, outside, js }) => {
  test.skip(!js, 'asking the phone where it is needs JavaScript; without it, the place box is the way');
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 48.0794, longitude: 7.3585 }); // Colmar
  await page.goto('/');
  await box(page).getByRole('button', { name: 'Utiliser ma position' }).click();
  await expect(page).toHaveURL(/[?&]at=48\.079,7\.35[89]/);
  await expect(page).toHaveURL(/sort=nearest/);
  await expect(box(page)).toContainText('Autour de votre position');
  await expect(page.getByRole('link', { name: 'Plus proches' })).toHaveAttribute('aria-current', 'true');
  await expect(listItems(page).first()).toContainText('Colmar');
  const km = (await page.locator('#annonces .distance').allTextContents()).map((t) =>
    t.includes('moins de 500') ? 0 : Number(t.replace(/^à /, '').replace(/ km$/, '').replace(',', '.')));
  expect(km.length).toBeGreaterThan(3);
  expect(km.every((d, i) => i === 0 || km[i - 1] <= d + 0.1)).toBe(true);
  // The position is not kept once cleared.
  await box(page).getByRole('link', { name: 'Effacer le lieu' }).click();
  await expect(page).not.toHaveURL(/at=/);
});
