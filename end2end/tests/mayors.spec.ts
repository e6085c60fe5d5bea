import { expect, test } from '@playwright/test';
import { LANGS, M, waitForMap } from './helpers';

/** The mayors' journey: open Wervik, find a French partner, compare the two, the observatory. */
const T = {
  nl: {
    profile: `/nl/gemeenten/${M.wervik.code}`,
    findPartners: 'Partners zoeken voor deze gemeente',
    across: 'Alleen over de grens',
    submit: 'Partners zoeken',
    compare: 'Vergelijk beide gemeenten',
    compareUrl: /\/nl\/gemeenten\/vergelijken\?codes=33029%2C59656$/,
    observatory: '/nl/observatorium',
    category: 'Soort dienst',
    townHall: /^Gemeentehuis/,
    station: /^Treinstation/,
    csv: 'Tabel downloaden (CSV)',
    clusters: '/nl/samenwerkingsverbanden',
  },
  fr: {
    profile: `/fr/communes/${M.wervik.code}`,
    findPartners: 'Chercher des partenaires pour cette commune',
    across: 'Uniquement de l’autre côté de la frontière',
    submit: 'Chercher des partenaires',
    compare: 'Comparer les deux communes',
    compareUrl: /\/fr\/communes\/comparer\?codes=33029%2C59656$/,
    observatory: '/fr/observatoire',
    category: 'Type de service',
    townHall: /^Mairie/,
    station: /^Gare/,
    csv: 'Télécharger le tableau (CSV)',
    clusters: '/fr/cooperations',
  },
} as const;

for (const l of LANGS) {
  const t = T[l.lang];
  for (const js of [true, false]) {
    test.describe(`${l.lang}: mayors${js ? '' : ' without JavaScript'}`, () => {
      test.use({ javaScriptEnabled: js });

      test('open Wervik, find a French partner and compare the two', async ({ page }) => {
        await page.goto(t.profile);
        await expect(page.getByTestId('coverage-row').first()).toBeVisible();
        await page.getByRole('link', { name: t.findPartners }).click();
        await expect(page).toHaveURL(/code=33029/);
        await page.getByLabel(t.across).check();
        await page.getByTestId('partner-form').getByRole('button', { name: t.submit }).click();
        await expect(page).toHaveURL(/across=1/);
        const partners = page.getByTestId('partner');
        await expect(partners.first()).toBeVisible();
        const codes = await partners.evaluateAll((items) => items.slice(0, 5).map((i) => i.getAttribute('data-code')));
        expect(codes).toContain(M.wervicqSud.code);
        expect(codes).toContain(M.comines.code);
        expect(codes).not.toContain(M.wervik.code);
        await page.locator(`[data-testid="partner"][data-code="${M.wervicqSud.code}"]`).getByRole('link', { name: t.compare }).click();
        await expect(page).toHaveURL(t.compareUrl);
        const table = page.getByTestId('compare-table');
        await expect(table).toContainText(M.wervik[l.lang]);
        await expect(table).toContainText(M.wervicqSud[l.lang]);
        await expect(page.getByTestId('pair-distance')).toHaveCount(1);
      });

      test('read the observatory for town halls and stations', async ({ page }) => {
        await page.goto(t.observatory);
        await expect(page.getByLabel(t.category)).toHaveValue('town_hall');
        await expect(page.getByTestId('observatory-row')).toHaveCount(258);
        await expect(page.getByTestId('side-missing')).toBeVisible();
        await page.getByLabel(t.category).selectOption({ label: await page.getByLabel(t.category).locator('option', { hasText: t.station }).innerText() });
        await page.getByTestId('observatory-filters').getByRole('button').click();
        await expect(page).toHaveURL(/category=railway_station/);
        const first = page.getByTestId('observatory-row').first();
        await expect(first.getByTestId('gain')).toContainText('km');
        await expect(page.getByRole('link', { name: t.csv })).toHaveAttribute('href', /observatory\.csv\?category=railway_station/);
      });
    });
  }

  test(`${l.lang}: the observatory's map is a choropleth and the CSV downloads`, async ({ page }) => {
    await page.goto(t.observatory);
    const map = await waitForMap(page);
    await expect(map.locator('.map-value').first()).toBeAttached();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: t.csv }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text).toString('utf8');
    expect(csv.split('\n')[0]).toContain('code,country,name');
    expect(csv.trim().split('\n').length).toBe(259);
  });

  // Its members follow its rule (the arrondissements Roeselare and Tielt): five of the border municipalities.
  test(`${l.lang}: the Midwest cluster shows its five members, Roeselare among them, on the map and in the list, with its rule`, async ({ page }) => {
    await page.goto(`${t.clusters}/midwest`);
    await expect(page.getByTestId('member')).toHaveCount(5);
    await expect(page.locator('[data-testid="member"][data-code="36015"]')).toBeVisible();
    await expect(page.getByTestId('membership-rule')).toContainText('Tielt');
    const map = await waitForMap(page);
    await expect(map.locator('.map-marker--highlight')).toHaveCount(5);
  });
}
