// Exports: staff download the posts of a period from /pilotage/exports (with and without
// JavaScript); Python's csv module opens the file with the expected columns and none of the
// people's details; a mistake in the period comes back on the form with what was typed.
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { logIn, DEMO_MODERATOR, DEMO_PASSWORD } from './journeys';

const COLUMNS = ['Numéro', 'Type', 'Catégorie', 'Publiée par', 'Statut', 'Titre', 'Description', 'Commune', 'Code INSEE',
  'Latitude (point public)', 'Longitude (point public)', 'Déposée par téléphone', 'Déposée le', 'Modifiée le', 'Expire le',
  'Masquée après signalements', 'Réponses', 'Première réponse le', 'Aide acceptée le', 'Quand',
  'Publiée pour un proche'];

test('staff export the posts of a period as a CSV a spreadsheet opens, without anyone\'s details', async ({ page, outside }, info) => {
  const stamp = Date.now();
  const title = `Export ${info.project.name} ${stamp}`;
  await logIn(page, DEMO_MODERATOR, DEMO_PASSWORD);
  // A request filed by phone today: it must be in the file, its person must not.
  await page.goto('/saisie');
  await page.getByLabel('Nom de la personne').fill('Germaine Exportée');
  await page.getByLabel('Téléphone de la personne').fill('03 89 99 88 77');
  await page.getByLabel('Numéro et rue').fill('7 impasse des Tilleuls');
  await page.getByLabel('La personne accepte que sa demande soit publiée').check();
  await page.getByRole('radio', { name: "demande de l'aide" }).check();
  await page.getByRole('radio', { name: 'Aide alimentaire' }).check();
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Description').fill('Un colis alimentaire par semaine.');
  await page.getByLabel('Commune ou code postal').fill('Mulhouse');
  await page.getByRole('button', { name: 'Publier pour cette personne' }).click();
  await expect(page).toHaveURL(/\/saisies\?deposee=\d+$/);

  await page.goto('/moderation');
  await page.getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
  // A period backwards: the form says so and keeps the dates.
  await page.getByLabel('Du').fill('2026-05-02');
  await page.getByLabel('Au (inclus)').fill('2026-05-01');
  await page.getByRole('button', { name: 'Télécharger' }).click();
  await expect(page.getByText('La fin de la période doit venir après son début.').first()).toBeVisible();
  await expect(page.getByLabel('Du')).toHaveValue('2026-05-02');

  // This month, food aid in Mulhouse, as a spreadsheet.
  await page.getByLabel('Du').fill('');
  await page.getByLabel('Au (inclus)').fill('');
  await page.getByLabel('Commune (facultatif)').fill('Mulhouse');
  await page.getByLabel('Catégorie').selectOption({ label: 'Aide alimentaire' });
  await page.getByLabel(/^Tableur/).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^entraide-annonces-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const file = await download.path();
  const forbidden = ['Germaine', '03 89 99 88 77', 'impasse des Tilleuls', 'demo.entraide.invalid', 'Bâtiment'];
  const summary = JSON.parse(execFileSync('python3', ['check_csv.py', file, JSON.stringify(COLUMNS), JSON.stringify(forbidden)]).toString());
  expect(summary.titles).toContain(title);
});
