// « Mes alertes »: a volunteer saves an alert (Mulhouse, 5 km, childcare); a post inside it is
// approved → a notification in the app and an e-mail in the test's mailbox, carrying the
// one-click unsubscribe of RFC 8058; a post outside it → nothing; the daily digest gathers
// several (the server's own sweep, `entraide sweep-alerts --hours-ahead N`, with the clock
// moved); the unsubscribe link works without logging in, from its page and as a mail program
// posts it.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// An independent implementation of RFC 8188/8291 (the one the web-push library of Node uses):
// the journey decrypts the pushes the server encrypted in Rust, as the phone would.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ece = require('http_ece');
import { test, expect, Page } from './fixtures';
import { signUp, publish, otherPerson, approveAsModerator } from './journeys';
import { mailsTo } from './mail';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The test's own push service (end2end/pushbox.py, started by serve.sh). */
const PUSH_PORT = PORT + 35;
const PUSH_DIR = process.env.E2E_PUSH_DIR ?? `/tmp/entraide-push-${PORT}`;

type Push = { path: string; headers: Record<string, string>; body_base64: string };

/** Every push the test's push service received at `/push/<name>`, oldest first. */
function pushesTo(name: string): Push[] {
  if (!existsSync(PUSH_DIR)) return [];
  return readdirSync(PUSH_DIR).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort()
    .map((f) => JSON.parse(readFileSync(join(PUSH_DIR, f), 'utf8')) as Push)
    .filter((p) => p.path === `/push/${name}`);
}

/** Checks the VAPID signature of a push (RFC 8292): `vapid t=<JWT>, k=<server key>`, the JWT
 *  signed by that key for the push service's origin, not expired. */
function checkVapid(push: Push, serverKey: string) {
  const m = push.headers['authorization']?.match(/^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/);
  expect(m, push.headers['authorization']).toBeTruthy();
  const [, jwt, k] = m!;
  expect(k).toBe(serverKey);
  const [head, claims, signature] = jwt.split('.');
  const raw = Buffer.from(k, 'base64url');
  const key = crypto.createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  const ok = crypto.verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'));
  expect(ok, 'the VAPID signature').toBe(true);
  const c = JSON.parse(Buffer.from(claims, 'base64url').toString());
  // The push service's origin. (The crate leaves the port out: real push services listen on
  // 443, where the two are the same origin; this test's service listens elsewhere.)
  expect([`http://127.0.0.1:${PUSH_PORT}`, 'http://127.0.0.1']).toContain(c.aud);
  expect(c.sub).toMatch(/^(mailto:|https?:\/\/)/);
  expect(c.exp * 1000).toBeGreaterThan(Date.now());
}

/** Runs the alerts' sweep (digests, pauses) on the test server's database, `hours` from now. */
function sweep(hours: number): string {
  const db = readFileSync(`/tmp/entraide-e2e-db-${PORT}`, 'utf8').trim();
  const bin = resolve('..', process.env.ENTRAIDE_BIN ?? 'target/debug/entraide');
  return execFileSync(bin, ['sweep-alerts', '--hours-ahead', String(hours)], {
    env: { ...process.env, DATABASE_URL: `sqlite://${db}`, ENTRAIDE_PUBLIC_URL: `http://127.0.0.1:${PORT}`, RUST_LOG: 'warn' },
  }).toString();
}

/** The notifications page, reloaded until `title` shows up (the worker announces within seconds). */
async function notified(page: Page, title: string) {
  await expect.poll(async () => {
    await page.goto('/notifications');
    return page.getByRole('listitem').filter({ hasText: title }).count();
  }, { timeout: 20_000, message: `a notification about « ${title} »` }).toBe(1);
}

test('an alert tells of a new post near it, in the app, by e-mail and by push; the digest gathers; one click unsubscribes', async ({ page, browser, request, js }, info) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const volunteerEmail = `${info.project.name}-alerte-${stamp}@exemple.fr`;
  await signUp(page, volunteerEmail, 'Bénédicte');

  // The alert, as a person fills it in.
  await page.goto('/alertes');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes alertes' })).toBeVisible();
  // With JavaScript, saved and refused without a page load.
  if (js) {
    await expect(page.locator('form[data-background]').first()).toBeAttached();
    await page.evaluate(() => { (window as any).sameDocument = true; });
  }
  await page.getByLabel('Commune ou code postal').fill('mulhouse');
  await page.getByLabel('Rayon autour de ce lieu').selectOption('5');
  await page.getByRole('checkbox', { name: "Garde d'enfants" }).check();
  await page.getByRole('button', { name: "Créer l'alerte" }).click();
  await expect(page.getByRole('status').first()).toContainText("L'alerte est enregistrée");
  await expect(page.locator('.alert-item')).toContainText('Mulhouse, dans un rayon de 5 km');
  await expect(page.locator('.alert-item')).toContainText("Garde d'enfants");

  // A mistake keeps what was typed and says what is wrong.
  await page.getByLabel('Commune ou code postal').fill('Strasbourg');
  await page.getByRole('checkbox', { name: 'Courses' }).check();
  await page.getByRole('button', { name: "Créer l'alerte" }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByLabel('Commune ou code postal')).toHaveValue('Strasbourg');
  await expect(page.getByLabel('Commune ou code postal')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('checkbox', { name: 'Courses' })).toBeChecked();
  await expect(page.locator('.alert-item')).toHaveCount(1);
  if (js) expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);

  // On an installed, hydrated app, the phone subscribes to pushes: its browser makes its keys
  // and hands the server its push service's address (here the test's own service), through the
  // same call the page's « Recevoir les alertes sur ce téléphone » makes.
  const phone = crypto.createECDH('prime256v1');
  phone.generateKeys();
  const phoneAuth = crypto.randomBytes(16);
  const pushName = `${info.project.name}-${stamp}`;
  if (js) {
    await expect(page.getByRole('heading', { name: 'Sur ce téléphone' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Recevoir les alertes sur ce téléphone' })).toBeVisible();
    const subscribe = (endpoint: string) => page.evaluate(async ([endpoint, p256dh, auth]) => {
      const r = await fetch('/api/subscribe_push', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ endpoint, p256dh, auth }),
      });
      return r.status;
    }, [endpoint, phone.getPublicKey().toString('base64url'), phoneAuth.toString('base64url')]);
    // An address outside the known push services is refused (no request from the server to
    // any address a browser names).
    expect(await subscribe('http://127.0.0.1:9/push/ailleurs')).toBe(400);
    expect(await subscribe(`http://127.0.0.1:${PUSH_PORT}/push/${pushName}`)).toBe(200);
    await page.reload();
    await expect(page.getByText('Un appareil reçoit vos alertes.')).toBeVisible();
  } else {
    // Without JavaScript, nothing is offered that could not work.
    await expect(page.getByRole('heading', { name: 'Sur ce téléphone' })).toHaveCount(0);
  }

  // Two posts by someone else: one in Colmar (outside), one in Mulhouse (inside).
  const author = await otherPerson(browser, info, page);
  await signUp(author, `${info.project.name}-alerte-auteur-${stamp}@exemple.fr`, 'Odile');
  const outside = `Garde à Colmar ${info.project.name} ${stamp}`;
  const inside = `Garde mercredi à Mulhouse ${info.project.name} ${stamp}`;
  await publish(author, /demandez de l'aide/, "Garde d'enfants", outside, 'Colmar');
  await publish(author, /demandez de l'aide/, "Garde d'enfants", inside, 'Mulhouse');
  const seen = mailsTo(volunteerEmail).length;
  await approveAsModerator(browser, info, page, outside);
  await approveAsModerator(browser, info, page, inside);

  await notified(page, inside);
  const item = page.getByRole('listitem').filter({ hasText: inside });
  await expect(item).toContainText('Nouvelle annonce près de chez vous');
  await expect(page.getByRole('listitem').filter({ hasText: outside })).toHaveCount(0);
  await item.getByRole('link', { name: "Voir l'annonce" }).click();
  await expect(page.getByRole('heading', { level: 1, name: inside })).toBeVisible();

  if (js) {
    // The push: encrypted for the phone's keys only, signed by the server's VAPID key.
    await expect.poll(() => pushesTo(pushName).length, { timeout: 20_000, message: 'the push' }).toBeGreaterThan(0);
    const serverKey = await page.evaluate(async () => {
      const r = await fetch('/api/my_alerts');
      return (await r.json()).push_key as string;
    });
    const pushes = pushesTo(pushName);
    const texts = pushes.map((p) => {
      expect(p.headers['content-encoding']).toBe('aes128gcm');
      expect(Number(p.headers['ttl'])).toBeGreaterThan(0);
      checkVapid(p, serverKey);
      const body = Buffer.from(p.body_base64, 'base64');
      expect(body.includes(Buffer.from(inside)), 'not in clear').toBe(false);
      return JSON.parse(ece.decrypt(body, { version: 'aes128gcm', privateKey: phone, authSecret: phoneAuth }).toString('utf8'));
    });
    const shown = texts.find((t) => t.body.includes(inside));
    expect(shown, JSON.stringify(texts)).toBeTruthy();
    expect(shown.title).toBe('Nouvelle annonce près de chez vous');
    expect(shown.url).toMatch(/^\/posts\/\d+$/);
    expect(texts.some((t) => t.body.includes(outside))).toBe(false);
    // A wrong key cannot read it.
    const stranger = crypto.createECDH('prime256v1');
    stranger.generateKeys();
    expect(() => ece.decrypt(Buffer.from(pushes[0].body_base64, 'base64'),
      { version: 'aes128gcm', privateKey: stranger, authSecret: phoneAuth })).toThrow();
  }

  // The e-mail, with its one-click unsubscribe and the link to the settings.
  await expect.poll(() => mailsTo(volunteerEmail).slice(seen).filter((m) => m.body.includes(inside)).length,
    { timeout: 20_000, message: 'the alert e-mail' }).toBe(1);
  const mails = mailsTo(volunteerEmail).slice(seen);
  expect(mails.filter((m) => m.body.includes(outside))).toHaveLength(0);
  const mail = mails.find((m) => m.body.includes(inside))!;
  expect(mail.subject).toBe('Nouvelle annonce près de chez vous');
  expect(mail.list_unsubscribe_post).toBe('List-Unsubscribe=One-Click');
  const unsubscribe = mail.list_unsubscribe.replace(/^<|>$/g, '');
  expect(unsubscribe).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/alertes\/desabonner\/[0-9a-f]{64}$/);
  expect(mail.body).toContain(unsubscribe);
  expect(mail.body).toMatch(/\/alertes\s/);

  // The digest: chosen at 6 p.m.; two more posts wait for it, then come in one e-mail.
  await page.goto('/alertes');
  await page.getByRole('radio', { name: 'Un résumé par jour' }).check();
  await page.getByLabel('Heure du résumé').selectOption('18');
  await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(page.getByRole('status').first()).toContainText('Vos choix sont enregistrés');
  await expect(page.getByRole('radio', { name: 'Un résumé par jour' })).toBeChecked();
  const first = `Sortie d'école lundi ${info.project.name} ${stamp}`;
  const second = `Garde le soir ${info.project.name} ${stamp}`;
  // (A new account publishes three posts on its first day: a second author.)
  const neighbour = await otherPerson(browser, info, page);
  await signUp(neighbour, `${info.project.name}-alerte-voisin-${stamp}@exemple.fr`, 'Lucien');
  await publish(neighbour, /demandez de l'aide/, "Garde d'enfants", first, '68100');
  await publish(neighbour, /demandez de l'aide/, "Garde d'enfants", second, 'Mulhouse');
  await approveAsModerator(browser, info, page, first);
  await approveAsModerator(browser, info, page, second);
  await notified(page, second);
  await notified(page, first);
  const before = mailsTo(volunteerEmail).length;
  sweep(0);
  sweep(25);
  await expect.poll(() => mailsTo(volunteerEmail).slice(before).length, { timeout: 20_000, message: 'the digest' }).toBe(1);
  const digest = mailsTo(volunteerEmail).slice(before)[0];
  // (Journeys running beside this one may add their own posts to it.)
  expect(digest.subject).toMatch(/^\d+ nouvelles annonces près de chez vous$/);
  expect(digest.body).toContain(first);
  expect(digest.body).toContain(second);
  expect(digest.list_unsubscribe).toBe(`<${unsubscribe}>`);
  sweep(26);
  await page.waitForTimeout(500);
  expect(mailsTo(volunteerEmail).slice(before)).toHaveLength(1);

  // Unsubscribing from the link's page, by someone not logged in.
  const stranger = await otherPerson(browser, info, page);
  await stranger.goto(unsubscribe);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Ne plus recevoir les alertes par e-mail' })).toBeVisible();
  await stranger.getByRole('button', { name: 'Ne plus recevoir ces e-mails' }).click();
  await expect(stranger.getByRole('status').first()).toContainText("vous ne recevrez plus d'e-mails pour vos alertes");
  await page.goto('/alertes');
  await expect(page.getByRole('radio', { name: "Pas d'e-mail" })).toBeChecked();

  // As a mail program does it: a POST with List-Unsubscribe=One-Click, no cookie, no page.
  await page.getByRole('radio', { name: 'Un e-mail à chaque nouvelle annonce' }).check();
  await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(page.getByRole('radio', { name: 'Un e-mail à chaque nouvelle annonce' })).toBeChecked();
  const res = await request.post(unsubscribe, { form: { 'List-Unsubscribe': 'One-Click' }, headers: { Cookie: '' } });
  expect(res.status()).toBe(200);
  expect(await res.text()).toContain("vous ne recevrez plus d'e-mails pour vos alertes");
  await page.reload();
  await expect(page.getByRole('radio', { name: "Pas d'e-mail" })).toBeChecked();
  // A token that is not one: 404, nothing changes.
  const wrong = await request.post(unsubscribe.replace(/.{4}$/, '0000'), { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(wrong.status()).toBe(404);

  // Deleting the alert.
  await page.getByRole('button', { name: 'Supprimer cette alerte' }).click();
  await expect(page.getByRole('status').first()).toContainText("L'alerte est supprimée");
  await expect(page.locator('.alert-item')).toHaveCount(0);
});
