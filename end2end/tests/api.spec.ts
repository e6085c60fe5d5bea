import { expect, test } from '@playwright/test';
import { Validator } from '@seriousme/openapi-schema-validator';

test.describe('open data API', () => {
  test('the OpenAPI document validates against the OpenAPI 3.1 schema', async ({ request }) => {
    const res = await request.get('/api/openapi.json');
    expect(res.status()).toBe(200);
    const doc = await res.json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/services', '/api/v1/services/{id}', '/api/v1/municipalities', '/api/v1/municipalities/{code}']),
    );
  });

  test('the page export links return the same results as the page', async ({ page, request }) => {
    await page.goto('/fr/services?q=gare&country=BE');
    const total = Number(await page.getByTestId('result-count').getAttribute('data-total'));
    const csvHref = await page.getByTestId('export-csv').getAttribute('href');
    const geoHref = await page.getByTestId('export-geojson').getAttribute('href');
    const csv = await request.get(csvHref!);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines.length - 1).toBe(total);
    const geo = await (await request.get(geoHref!)).json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBe(total);
  });

  test('a bad parameter is a 400 with a JSON error', async ({ request }) => {
    const res = await request.get('/api/v1/services?radius=-3&near=Wervik');
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.message).toContain('radius');
  });
});
