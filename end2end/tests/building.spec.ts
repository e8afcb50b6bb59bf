// « Mon immeuble » (#18 §3): a resident creates the group of her building (the number of the
// house is refused), prints the notice for the hall (its QR code drawn by the server; decoded in
// `tests/buildings.rs`); a neighbour opens the page the code leads to, joins, and posts for the
// building only; once validated, the founder reads it in « Mon immeuble », and the public never
// sees it: not its page, the list, the GeoJSON or the CSV. Phone and desktop, with and without
// JavaScript.
import { test, expect } from './fixtures';
import { signUp, otherPerson, approveAsModerator } from './journeys';

test('a building group: created, its notice printed, a neighbour joins and posts for the building only', async ({ page, browser, outside }, info) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const street = `rue des Tilleuls ${info.project.name} ${stamp}`;
  const title = `Arroser les plantes du palier ${info.project.name} ${stamp}`;
  await signUp(page, `${info.project.name}-fondatrice-${stamp}@exemple.fr`, 'Jeanne');
  await page.goto('/mes-annonces');
  await page.getByRole('link', { name: 'Mon immeuble' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon immeuble' })).toBeVisible();
  const create = page.getByRole('region', { name: 'Créer le groupe de mon immeuble' });
  await create.getByLabel("Rue de l'immeuble, sans le numéro").fill(`12 ${street}`);
  await create.getByLabel('Commune ou code postal').fill('Colmar');
  await create.getByRole('button', { name: 'Créer le groupe' }).click();
  const again = page.getByRole('region', { name: 'Créer le groupe de mon immeuble' });
  await expect(again).toContainText('sans le numéro : le numéro reste privé');
  await expect(again.getByLabel("Rue de l'immeuble, sans le numéro")).toHaveValue(`12 ${street}`);
  await again.getByLabel("Rue de l'immeuble, sans le numéro").fill(street);
  await again.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(page).toHaveURL(/\/immeuble\?cree=\d+/);
  const name = `Immeuble, ${street}, Colmar`;
  const group = page.getByRole('region', { name });
  await expect(group).toContainText('1 voisin inscrit');
  const code = (await group.textContent())!.match(/code pour rejoindre : ([A-Z0-9]{4}-[A-Z0-9]{4})/)![1];

  // The notice for the hall: large type, the QR code and the code.
  await group.getByRole('link', { name: "Imprimer l'affiche du hall" }).click();
  const sheet = page.locator('.notice-sheet');
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Entraide entre voisins de l\'immeuble');
  await expect(sheet).toContainText(name);
  await expect(sheet).toContainText(code);
  const qr = sheet.getByRole('img', { name: /Code QR pour rejoindre le groupe/ });
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: info.outputPath('affiche-immeuble.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // A neighbour scans it: the page names the building; she joins and posts for it only.
  const neighbour = await otherPerson(browser, info, page);
  await signUp(neighbour, `${info.project.name}-voisine-${stamp}@exemple.fr`, 'Paulette');
  await neighbour.goto(`/immeuble/rejoindre?code=${code}`);
  await expect(neighbour.getByRole('main')).toContainText(name);
  await neighbour.getByRole('button', { name: 'Rejoindre le groupe' }).click();
  await expect(neighbour).toHaveURL(/\/immeuble\?rejoint=\d+/);
  await expect(neighbour.getByRole('region', { name })).toContainText('2 voisins inscrits');
  await neighbour.getByRole('region', { name }).getByRole('link', { name: 'Publier pour mon immeuble' }).click();
  await neighbour.getByRole('radio', { name: /demandez de l'aide/ }).check();
  await neighbour.getByRole('radio', { name: 'Compagnie, sorties' }).check();
  await neighbour.getByLabel('Titre').fill(title);
  await neighbour.getByLabel('Description').fill('Je pars une semaine : qui peut arroser mes plantes sur le palier ?');
  await neighbour.getByLabel('Commune ou code postal').fill('Colmar');
  const audience = neighbour.getByRole('group', { name: "Qui peut voir l'annonce ?" });
  await expect(audience.getByRole('radio', { name: `Seulement mon immeuble : ${name}` })).toBeChecked();
  await neighbour.getByRole('button', { name: "Publier l'annonce" }).click();
  await expect(neighbour).toHaveURL(/\/mes-annonces\?publiee=\d+$/);
  const id = new URL(neighbour.url()).searchParams.get('publiee');
  await approveAsModerator(browser, info, page, title);

  // The founder reads it in « Mon immeuble ».
  await page.goto('/immeuble');
  await page.getByRole('region', { name }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // The public never sees it.
  const visitor = await otherPerson(browser, info, page);
  await visitor.goto(`/posts/${id}`);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await visitor.goto(`/?q=${encodeURIComponent('arroser plantes palier')}`);
  await expect(visitor.getByRole('main')).not.toContainText(title);
  for (const file of ['/api/v1/posts.geojson', '/api/v1/posts.csv']) {
    const res = await visitor.request.get(file);
    expect(res.ok()).toBe(true);
    expect(await res.text()).not.toContain(title);
  }
  for (const p of [neighbour, visitor]) await p.context().close();
  expect(outside).toEqual([]);
});
