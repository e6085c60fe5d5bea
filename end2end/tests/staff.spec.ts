import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

// Accounts created by .ci/test.sh before the server starts (`server user add`).
const PASSWORD = process.env.E2E_STAFF_PASSWORD || 'e2e staff password 2026';
const ADMIN = 'admin@grensdiensten.test';
const IEPER = 'redactie@ieper.test';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const SLUGS = {
  nl: { staff: '/nl/beheer', signIn: '/nl/beheer/aanmelden', services: '/nl/beheer/diensten', reports: '/nl/beheer/meldingen', publicSearch: '/nl/diensten', report: '/nl/melden' },
  fr: { staff: '/fr/gestion', signIn: '/fr/gestion/connexion', services: '/fr/gestion/services', reports: '/fr/gestion/signalements', publicSearch: '/fr/services', report: '/fr/signaler' },
} as const;

async function signIn(page: Page, lang: 'nl' | 'fr', email: string, password = PASSWORD) {
  await page.goto(SLUGS[lang].signIn);
  await page.locator('#sign-in-email').fill(email);
  await page.locator('#sign-in-password').fill(password);
  await page.locator('form[action^="/api/sign_in"] button[type="submit"]').click();
}

async function newContext(browser: Browser, javaScriptEnabled = true) {
  return browser.newContext({ javaScriptEnabled });
}

for (const lang of ['nl', 'fr'] as const) {
  const s = SLUGS[lang];

  test(`${lang}: a wrong password gets one message that reveals nothing, then the right one signs in`, async ({ page }) => {
    await signIn(page, lang, IEPER, 'not the password at all');
    await expect(page.getByTestId('sign-in-error')).toBeVisible();
    await signIn(page, lang, 'nobody@nowhere.test', 'not the password at all');
    const unknown = await page.getByTestId('sign-in-error').textContent();
    await signIn(page, lang, IEPER, 'not the password at all');
    expect(await page.getByTestId('sign-in-error').textContent()).toBe(unknown);
    await signIn(page, lang, IEPER);
    await expect(page).toHaveURL(new RegExp(`${s.staff}$`));
    await expect(page.getByTestId('staff-account')).toHaveText(IEPER);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'staff_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
  });

  test(`${lang}: an editor writes a service in both languages, places it on the map, publishes it and finds it in the public search and the history`, async ({ page, browser }) => {
    const name = { nl: `Grensloket ${lang} ${Date.now()}`, fr: `Guichet frontalier ${lang} ${Date.now()}` };
    await signIn(page, lang, IEPER);
    await page.goto(`${s.services}/${lang === 'nl' ? 'nieuw' : 'nouveau'}`);
    await page.locator('#svc-name_nl').fill(name.nl);
    await page.locator('#svc-name_fr').fill(name.fr);
    await page.locator('#svc-description_nl').fill('Advies voor grensarbeiders, in het Nederlands en het Frans.');
    await page.locator('#svc-description_fr').fill('Conseils aux travailleurs frontaliers, en néerlandais et en français.');
    await page.locator('#svc-category').selectOption('administration');
    await page.locator('#hours-mo').fill('09:00-12:00');
    // The map picker: a click on the map fills both coordinates.
    const map = page.locator('.location-picker');
    await map.scrollIntoViewIfNeeded();
    await expect(map).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.location-picker .leaflet-container, .location-picker.leaflet-container')).toBeVisible({ timeout: 15_000 });
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6);
    await expect(page.locator('#location-lat')).not.toHaveValue('');
    const lat = Number(await page.locator('#location-lat').inputValue());
    const lon = Number(await page.locator('#location-lon').inputValue());
    expect(lat).toBeGreaterThan(49);
    expect(lat).toBeLessThan(51.6);
    expect(lon).toBeGreaterThan(1.5);
    expect(lon).toBeLessThan(6.5);
    await page.getByTestId('action-save').click();
    await expect(page.getByTestId('staff-notice')).toBeVisible();
    await expect(page.getByTestId('service-status')).toHaveText(lang === 'nl' ? 'Ontwerp' : 'Brouillon');
    const editUrl = page.url();
    await page.getByTestId('action-publish').click();
    await expect(page.getByTestId('service-status')).toHaveText(lang === 'nl' ? 'Gepubliceerd' : 'Publié');
    await expect(page.locator('#location-lat')).toHaveValue(lat.toFixed(5));

    // At once in the public search, in the other language too.
    // (The hits only: the active-filter chip repeats the words searched for.)
    await page.goto(`${s.publicSearch}?q=${encodeURIComponent(lang === 'nl' ? name.fr : name.nl)}`);
    await expect(page.getByTestId('service-hit').filter({ hasText: lang === 'nl' ? name.nl : name.fr })).toHaveCount(1);

    await page.goto(editUrl);
    await page.getByTestId('history-link').click();
    await expect(page.getByTestId('history-entry')).toHaveCount(2);
    await expect(page.getByTestId('history')).toContainText(IEPER);
    await expect(page.getByTestId('history')).toContainText(name.fr);

    // Archived: out of the public search again (and the suite's counts stay those of the data).
    await page.goto(editUrl);
    await page.getByTestId('action-archive').click();
    await expect(page.getByTestId('service-status')).toHaveText(lang === 'nl' ? 'Gearchiveerd' : 'Archivé');
    await page.goto(`${s.publicSearch}?q=${encodeURIComponent(name.nl)}`);
    await expect(page.getByTestId('result-count')).toBeVisible();
    await expect(page.getByTestId('service-hit').filter({ hasText: name.nl })).toHaveCount(0);
    await expect(page.getByTestId('service-hit').filter({ hasText: name.fr })).toHaveCount(0);

    // Out of the archive only through an admin's "restore", to a draft: the editor's form
    // offers no action on it and says why; an admin's offers "save" and "restore".
    await page.goto(editUrl);
    await expect(page.getByTestId('no-actions')).toBeVisible();
    await expect(page.locator('button[name="f[action]"]')).toHaveCount(0);
    const admin = await (await newContext(browser)).newPage();
    await signIn(admin, lang, ADMIN);
    await admin.goto(editUrl);
    await expect(admin.locator('button[name="f[action]"]')).toHaveCount(2);
    await expect(admin.getByTestId('action-save')).toBeVisible();
    await expect(admin.getByTestId('action-restore')).toBeVisible();
  });

  test(`${lang}: a resident reports a problem and follows it; staff accept it`, async ({ browser, request }) => {
    const api = await (await request.get('/api/v1/services?municipality=33011')).json();
    const service = api.data[0].id as string;
    const message = `De openingsuren kloppen niet (${lang} ${Date.now()}).`;
    const resident = await (await newContext(browser)).newPage();
    await resident.goto(`${s.report}?service=${service}`);
    await resident.locator('input[name="form[kind]"][value="wrong"]').check();
    await resident.locator('#report-message').fill(message);
    await resident.locator('#report-email').fill('inwoner@example.be');
    await resident.locator('#report-form button[type="submit"]').click();
    const follow = resident.getByTestId('report-follow-link');
    await expect(follow).toBeVisible();
    await follow.click();
    await expect(resident.getByTestId('followed-status')).toHaveText(lang === 'nl' ? 'Nieuw' : 'Nouveau');
    const followUrl = resident.url();

    const staff = await (await newContext(browser)).newPage();
    await signIn(staff, lang, IEPER);
    await staff.goto(s.reports);
    const card = staff.getByTestId('report-card').filter({ hasText: message });
    await expect(card.getByTestId('report-email')).toHaveText('inwoner@example.be');
    await card.getByTestId('report-accept').click();
    await expect(staff).toHaveURL(new RegExp(`${s.services}/${service}$`));
    await expect(staff.getByTestId('staff-notice')).toBeVisible();

    await resident.goto(followUrl);
    await expect(resident.getByTestId('followed-status')).toHaveText(lang === 'nl' ? 'Aanvaard' : 'Accepté');
    await expect(resident.locator('body')).not.toContainText('inwoner@example.be');
  });

  test(`${lang}: staff pages have no axe violations`, async ({ page }) => {
    for (const path of [s.signIn]) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => v.id), path).toEqual([]);
    }
    await signIn(page, lang, ADMIN);
    for (const path of [s.staff, s.services, `${s.services}/${lang === 'nl' ? 'nieuw' : 'nouveau'}`, s.reports, lang === 'nl' ? '/nl/beheer/gebruikers' : '/fr/gestion/utilisateurs']) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
    }
  });
}

test('without JavaScript: an admin signs in, verifies a service and signs out', async ({ browser }) => {
  const page = await (await newContext(browser, false)).newPage();
  await signIn(page, 'fr', ADMIN);
  await expect(page).toHaveURL(/\/fr\/gestion$/);
  await page.goto('/fr/gestion/services?municipality=59350');
  await page.getByTestId('staff-row').first().locator('a').first().click();
  await page.getByTestId('action-verify').click();
  await expect(page.getByTestId('staff-notice')).toBeVisible();
  await page.locator('.staff-nav__account button').first().click();
  await expect(page.getByTestId('signed-out')).toBeVisible();
  await page.goto('/fr/gestion');
  await expect(page).toHaveURL(/\/fr\/gestion\/connexion\?next=/);
});
