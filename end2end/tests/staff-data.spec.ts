import { expect, test, type Page } from '@playwright/test';

// The admin account made by .ci/test.sh (`server user add`); see staff.spec.ts.
const PASSWORD = process.env.E2E_STAFF_PASSWORD || 'e2e staff password 2026';
const ADMIN = 'admin@grensdiensten.test';
const SLUGS = {
  nl: { signIn: '/nl/beheer/aanmelden', data: '/nl/beheer/gegevens', services: '/nl/beheer/diensten', publicSearch: '/nl/diensten' },
  fr: { signIn: '/fr/gestion/connexion', data: '/fr/gestion/donnees', services: '/fr/gestion/services', publicSearch: '/fr/services' },
} as const;
const HEADER = 'country,category,name_fr,name_nl,municipality_code,address,lat,lon,phone,email,website,opening_hours,source';

async function signIn(page: Page, lang: 'nl' | 'fr') {
  await page.goto(SLUGS[lang].signIn);
  await page.locator('#sign-in-email').fill(ADMIN);
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.locator('form[action^="/api/sign_in"] button[type="submit"]').click();
  await expect(page.getByTestId('staff-account')).toHaveText(ADMIN);
}

async function upload(page: Page, name: string, text: string) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 20_000 });
}

for (const lang of ['nl', 'fr'] as const) {
  const s = SLUGS[lang];

  test(`${lang}: an admin imports a CSV file: a bad line is named and nothing is written, the corrected file commits as drafts`, async ({ page }) => {
    const stamp = `${lang} ${Date.now()}`;
    const good = `BE,culture,Bibliothèque test ${stamp},Testbibliotheek ${stamp},33011,"Markt 1, 8900 Ieper",50.85114,2.88569,057 23 94 00; 057 23 94 01,bib@ieper.test,https://www.ieper.be,Mo-Fr 09:00-17:00,e2e test`;
    const bad = `BE,culture,Bibliothèque sans commune ${stamp},Bibliotheek zonder gemeente ${stamp},99999,,,,call us,,,,e2e test`;
    await signIn(page, lang);
    await page.goto(s.data);

    await upload(page, 'bad.csv', [HEADER, good, bad].join('\n'));
    const errors = page.getByTestId('import-error');
    await expect(errors).toHaveCount(1);
    // Line 3 of the file: its municipality and its phone are named, in the page's language.
    await expect(errors.first().locator('td').first()).toHaveText('3');
    await expect(errors.first()).toContainText(lang === 'nl' ? 'telefoonnummers' : 'numéros de téléphone');
    await expect(page.getByTestId('import-commit')).toHaveCount(0);

    await upload(page, 'good.csv', [HEADER, good].join('\n'));
    await expect(page.getByTestId('import-error')).toHaveCount(0);
    await expect(page.getByTestId('import-summary')).toContainText(lang === 'nl' ? 'Nieuw: 1' : 'Nouveaux : 1');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-summary')).toContainText(lang === 'nl' ? 'De import is opgeslagen' : "L'import est enregistré");

    // A draft in the staff list with both numbers, not in the public search.
    await page.goto(`${s.services}?q=${encodeURIComponent(`Testbibliotheek ${stamp}`)}`);
    await page.getByRole('link', { name: lang === 'nl' ? `Testbibliotheek ${stamp}` : `Bibliothèque test ${stamp}` }).click();
    await expect(page.getByTestId('service-status')).toHaveText(lang === 'nl' ? 'Ontwerp' : 'Brouillon');
    await expect(page.locator('#svc-phone')).toHaveValue('057 23 94 00\n057 23 94 01');
    await page.goto(`${s.publicSearch}?q=${encodeURIComponent(`Testbibliotheek ${stamp}`)}`);
    await expect(page.getByTestId('result-count')).toBeVisible();
    await expect(page.getByTestId('service-hit').filter({ hasText: stamp })).toHaveCount(0);
  });

  test(`${lang}: the export links download the inventory`, async ({ page }) => {
    await signIn(page, lang);
    await page.goto(s.data);
    const response = await page.request.get('/api/v1/staff/export/services.csv');
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text.split('\n')[0]).toContain('name_nl');
    expect(text.split('\n').length).toBeGreaterThan(400);
    const anonymous = await page.context().browser()!.newContext();
    const refused = await anonymous.request.get(`${test.info().project.use.baseURL}/api/v1/staff/export/services.csv`);
    expect([401, 403]).toContain(refused.status());
    await anonymous.close();
  });
}
