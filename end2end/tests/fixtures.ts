import { test as base, expect, Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';

/** A 256×256 plain PNG, made here, that stands in for every map tile. */
function tilePng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const w = 256;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(w, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.alloc(1 + w * 3);
  for (let x = 0; x < w; x++) row.set([0xe8, 0xeb, 0xe2], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: w }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const TILE = tilePng();

/** Serves tiles locally and refuses every request that would leave the machine. */
export async function isolate(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'tiles.invalid') {
      return route.fulfill({ status: 200, contentType: 'image/png', body: TILE });
    }
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    refused.push(url.href);
    return route.abort();
  });
  return refused;
}

export const test = base.extend<{ outside: string[]; js: boolean }>({
  outside: async ({ page }, use) => {
    const refused = await isolate(page);
    // Anything the Content-Security-Policy blocked fails the test, as does an uncaught error.
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) blocked.push(m.text());
    });
    page.on('pageerror', (e) => blocked.push(`page error: ${e.message}`));
    await use(refused);
    expect(refused, 'requests that tried to leave the machine').toEqual([]);
    expect(blocked, 'CSP violations and page errors').toEqual([]);
  },
  js: async ({ javaScriptEnabled }, use) => {
    await use(javaScriptEnabled !== false);
  },
});
export { expect };

/** Waits until the hydrated map has drawn its pins (JavaScript projects only). */
export async function mapReady(page: Page) {
  // Hydration is the slow part of a first visit on a loaded machine: more time than a click.
  await expect(page.getByRole('button', { name: 'Autour de moi' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.leaflet-marker-pane').getByRole('button').first()).toBeAttached();
}

export const listItems = (page: Page) => page.locator('#annonces').getByRole('article');
export const markers = (page: Page) => page.locator('.leaflet-marker-pane').getByRole('button');

/** The number in "N annonces dans cette zone". */
export async function announcedCount(page: Page): Promise<number> {
  const text = await page.getByRole('heading', { level: 2, name: /dans cette zone/ }).innerText();
  const m = text.match(/^(\d+|Aucune)/);
  if (!m) throw new Error(`unexpected heading: ${text}`);
  return m[1] === 'Aucune' ? 0 : Number(m[1]);
}

/** The filter bar (kind and category links). */
export const filters = (page: Page) => page.getByRole('navigation', { name: 'Filtres des annonces' });

/** Waits until the list has finished loading (it is marked busy while a new area loads). */
export async function settled(page: Page) {
  await expect(page.locator('#annonces')).not.toHaveAttribute('aria-busy', 'true');
}
