import { expect, test, type Page } from '@playwright/test';
import { COUNTS, LANGS, M, profilePath, waitForMap } from './helpers';

/** Records the URL and status of everything the page loads. */
function recordTraffic(page: Page) {
  const requested: string[] = [];
  const status = new Map<string, number>();
  page.on('request', (r) => requested.push(r.url()));
  page.on('response', (r) => status.set(new URL(r.url()).pathname, r.status()));
  return { requested, status };
}

/** Name shown for a marker: its title attribute, an SVG <title> child or its aria-label. */
const markerNames = (page: Page) =>
  page.locator('.map-marker').evaluateAll((els) =>
    els.map((el) => el.getAttribute('title') ?? el.querySelector('title')?.textContent ?? el.getAttribute('aria-label') ?? ''),
  );

test.describe('map assets and data', () => {
  for (const [path, type] of [
    ['/vendor/leaflet/leaflet.js', /javascript/],
    ['/vendor/leaflet/leaflet.css', /css/],
    ['/js/map.js', /javascript/],
  ] as const) {
    test(`${path} is served by the app`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(type);
    });
  }

  test('GeoJSON endpoints return the layers, boundaries and points', async ({ request }) => {
    const get = async (path: string) => {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const body = await res.json();
      expect(body.type, path).toBe('FeatureCollection');
      return body.features as { geometry: { type: string }; properties: Record<string, unknown> }[];
    };
    const kinds = new Set((await get('/api/v1/map/layers')).map((f) => f.properties.kind));
    for (const kind of ['border', 'country', 'fr_departement', 'be_province']) expect(kinds).toContain(kind);

    const boundaries = await get('/api/v1/map/boundaries');
    expect(boundaries).toHaveLength(COUNTS.FR);
    expect(boundaries.every((f) => /Polygon$/.test(f.geometry.type))).toBe(true);

    const points = await get('/api/v1/municipalities.geojson');
    expect(points).toHaveLength(COUNTS.total);
    const ieper = points.find((f) => f.properties.code === M.ieper.code);
    expect(ieper?.properties).toMatchObject({ country: 'BE', name_nl: M.ieper.nl, name_fr: M.ieper.fr });
  });
});

for (const l of LANGS) {
  test.describe(`${l.lang}: map`, () => {
    test('home map draws every layer, from the app origin only', async ({ page, baseURL }) => {
      const { requested, status } = recordTraffic(page);
      await page.goto(l.home);
      const map = await waitForMap(page);
      await expect(map).toHaveAttribute('data-lang', l.lang);

      const minimum = { '.map-border': 1, '.map-country': 1, '.map-admin': 1, '.map-boundary': 100 };
      for (const [selector, min] of Object.entries(minimum)) {
        expect(await page.locator(selector).count(), selector).toBeGreaterThanOrEqual(min);
      }
      await expect(page.locator('.map-marker')).toHaveCount(COUNTS.total);
      expect(await markerNames(page)).toContain(M.ieper[l.lang]);

      await page.waitForLoadState('networkidle');
      const origin = new URL(baseURL!).origin;
      const foreign = requested.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
      expect(foreign, `requests outside ${origin}`).toEqual([]);
      expect(status.get('/vendor/leaflet/leaflet.js'), 'Leaflet loaded from /vendor/leaflet/leaflet.js').toBe(200);
      expect(status.get('/js/map.js'), 'map glue loaded from /js/map.js').toBe(200);
    });

    test('markers are keyboard focusable', async ({ page }) => {
      await page.goto(l.home);
      await waitForMap(page);
      const marker = page.locator('.map-marker').first();
      expect(await marker.evaluate((el) => (el as HTMLElement).tabIndex)).toBeGreaterThanOrEqual(0);
      await marker.focus();
      await expect(marker).toBeFocused();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('map-marker'))).toBe(true);
    });

    test('pages without a map load no Leaflet; a map loads it when scrolled to', async ({ page }) => {
      const { requested } = recordTraffic(page);
      const leaflet = () => requested.filter((u) => u.includes('/vendor/leaflet/'));
      for (const path of [l.list, l.about]) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        expect(leaflet(), `${path} loaded Leaflet`).toEqual([]);
      }
      await page.goto(l.home);
      await waitForMap(page);
      const loaded = leaflet().map((u) => new URL(u).pathname);
      for (const asset of ['leaflet.js', 'leaflet.markercluster.js', 'leaflet.css', 'MarkerCluster.css']) {
        expect(loaded, asset).toContain(`/vendor/leaflet/${asset}`);
      }
    });

    for (const m of [M.lille, M.ieper]) {
      test(`profile of ${m[l.lang]} focuses its marker`, async ({ page }) => {
        await page.goto(profilePath(l, m.code));
        const map = await waitForMap(page);
        await expect(map).toHaveAttribute('data-focus', m.code);
        const focus = page.locator('.map-marker--focus');
        await expect(focus).toHaveCount(1);
        expect(await markerNames(page)).toContain(m[l.lang]);
      });
    }
  });
}
