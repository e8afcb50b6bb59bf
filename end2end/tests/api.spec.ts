import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The open-data API does not depend on the browser: run it once.
test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop-js', 'API checks run in one project'));

test('the GeoJSON API is read by a GIS client (GDAL ogrinfo)', async ({ request, baseURL }) => {
  const res = await request.get('/api/v1/posts.geojson?bbox=7.2,47.65,7.45,47.85&category=groceries,transport');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/geo+json');
  const body = await res.json();
  expect(body.type).toBe('FeatureCollection');
  expect(body.features.length).toBeGreaterThan(0);
  for (const f of body.features) {
    expect(['groceries', 'transport']).toContain(f.properties.category);
    const [lon, lat] = f.geometry.coordinates;
    expect(lon).toBeGreaterThan(7.2);
    expect(lat).toBeLessThan(47.85);
  }
  const dir = mkdtempSync(join(tmpdir(), 'entraide-'));
  const file = join(dir, 'posts.geojson');
  writeFileSync(file, await res.body());
  const out = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
  expect(out).toContain(`Feature Count: ${body.features.length}`);
  expect(out).toContain('Geometry: Point');
  for (const field of ['kind', 'category', 'poster_kind', 'title', 'commune', 'created_at']) {
    expect(out).toMatch(new RegExp(`^${field}: `, 'm'));
  }
  // GDAL also reads it straight from the server.
  const live = execFileSync('ogrinfo', ['-ro', '-al', '-so', `${baseURL}/api/v1/posts.geojson`], { encoding: 'utf8' });
  expect(live).toMatch(/Feature Count: \d+/);
});

test('bad parameters get a JSON 400', async ({ request }) => {
  const res = await request.get('/api/v1/posts.geojson?bbox=8,47,7,48');
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error).toBe('bad_request');
  expect(body.message).toContain('ouest');
});

test('health check', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
});
