import { expect, test, type Page } from '@playwright/test';
import { LANGS, waitForHydration, waitForServicesMap } from './helpers';

/** Localized paths and words of the resident's journey (SPEC §3). */
const S = {
  nl: { list: '/nl/diensten', report: '/nl/melden', crossQuery: 'gemeentehuis halluin', otherQuery: 'gare', sent: /Bedankt/, invalid: /niet verstuurd/, msgError: /10 tot 2000 tekens/ },
  fr: { list: '/fr/services', report: '/fr/signaler', crossQuery: 'rechtbank', otherQuery: 'stadhuis halluin', sent: /Merci/, invalid: /pas été envoyé/, msgError: /10 à 2000 caractères/ },
} as const;

const HIT = '[data-testid="service-hit"]';

async function total(page: Page): Promise<number> {
  return Number(await page.getByTestId('result-count').getAttribute('data-total'));
}

async function distances(page: Page): Promise<number[]> {
  return page.locator(HIT).evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-distance'))));
}

for (const l of LANGS) {
  const s = S[l.lang];
  test.describe(`${l.lang}: services`, () => {
    test('search finds services across languages', async ({ page }) => {
      await page.goto(`${s.list}?q=${encodeURIComponent(s.crossQuery)}`);
      await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
      expect(await total(page)).toBeGreaterThan(0);
      const first = page.locator(HIT).first();
      if (l.lang === 'nl') {
        // A Dutch word finds the French town hall.
        await expect(first).toContainText(/Halluin/);
        await expect(first).toHaveAttribute('data-country', 'FR');
      } else {
        // A Dutch word finds the Walloon tribunals, named in French.
        await expect(page.locator(HIT).filter({ hasText: /Tribunal/ }).first()).toBeVisible();
      }
      await page.goto(`${s.list}?q=${encodeURIComponent(s.otherQuery)}`);
      expect(await total(page)).toBeGreaterThan(0);
    });

    test('filters combine, update the URL and the back button restores them', async ({ page }) => {
      await page.goto(`${s.list}?q=gare`);
      await waitForHydration(page);
      const all = await total(page);
      await page.locator('#country').selectOption('BE');
      await expect(page).toHaveURL(/country=BE/);
      await expect.poll(() => total(page)).toBeLessThan(all);
      const countries = await page.locator(HIT).evaluateAll((items) => items.map((i) => i.getAttribute('data-country')));
      expect(new Set(countries)).toEqual(new Set(['BE']));
      await page.locator('input[name="cross"]').check();
      await expect(page).toHaveURL(/cross=1/);
      await page.goBack();
      await expect(page).not.toHaveURL(/cross=1/);
      await expect(page).toHaveURL(/country=BE/);
      await page.goBack();
      await expect(page).not.toHaveURL(/country=BE/);
      await expect.poll(() => total(page)).toBe(all);
    });

    test('near a place: sorted by distance, across the border', async ({ page }) => {
      await page.goto(s.list);
      await waitForHydration(page);
      await page.locator('#near').fill(l.lang === 'nl' ? 'Wervik' : 'Wervicq');
      await page.locator('#radius').selectOption('10');
      await page.locator('#service-search button[type="submit"]').click();
      await expect(page).toHaveURL(/near=/);
      await expect(page.locator(HIT).first()).toBeVisible();
      const d = await distances(page);
      expect(d.length).toBeGreaterThan(2);
      expect(d.every((x) => x <= 10)).toBe(true);
      expect([...d].sort((a, b) => a - b)).toEqual(d);
      const countries = await page.locator(HIT).evaluateAll((items) => items.map((i) => i.getAttribute('data-country')));
      expect(countries).toContain('FR');
      expect(countries).toContain('BE');
      await expect(page.getByTestId('distance').first()).toContainText(/km/);
    });

    test('an empty result explains and offers a wider radius', async ({ page }) => {
      await page.goto(`${s.list}?near=Wervik&radius=2&category=prison`);
      await expect(page.getByTestId('no-results')).toBeVisible();
      await page.getByTestId('widen-radius').click();
      await expect(page).toHaveURL(/radius=5/);
    });

    test('list and map stay in sync', async ({ page }) => {
      await page.goto(`${s.list}?q=${encodeURIComponent('mairie halluin')}`);
      await waitForHydration(page);
      const map = await waitForServicesMap(page);
      const first = page.locator(HIT).first();
      await first.hover();
      await expect(page.locator('.map-marker--active')).toHaveCount(1);
      // Selecting on the map highlights the list item.
      await page.locator('h1').hover();
      await expect(page.locator(`${HIT}.is-selected`)).toHaveCount(1);
      await page.evaluate(() => document.querySelectorAll('.is-selected').forEach((n) => n.classList.remove('is-selected')));
      await page.locator('.map-marker--service').first().click();
      await expect(page.locator(`${HIT}.is-selected`)).toHaveCount(1);
      // Clustering and "search this area".
      await page.goto(s.list);
      await waitForServicesMap(page);
      await expect(page.locator('.map-cluster').first()).toBeVisible();
      await page.getByTestId('search-area').click();
      await expect(page).toHaveURL(/bbox=/);
    });

    test('the detail page shows hours, contact and a directions link', async ({ page }) => {
      await page.goto(`${s.list}?q=${encodeURIComponent('mairie halluin')}`);
      await page.locator(`${HIT} a`).first().click();
      await expect(page.getByTestId('service-detail')).toBeVisible();
      await expect(page.locator('h1')).toContainText(/Halluin|Halewijn/);
      await expect(page).toHaveTitle(/Halluin|Halewijn/);
      await expect(page.getByTestId('open-state')).toHaveText(/\S/);
      await expect(page.locator('.hours tbody tr')).toHaveCount(7);
      await expect(page.getByTestId('phone')).toHaveAttribute('href', /^tel:\+?\d+$/);
      await expect(page.getByTestId('directions')).toHaveAttribute('href', /openstreetmap\.org\/directions/);
      await expect(page.getByTestId('verified')).toHaveText(/\S/);
      await page.getByTestId('report-link').click();
      await expect(page).toHaveURL(new RegExp(`${s.report}\\?service=`));
      await expect(page.getByTestId('report-about-service')).toBeVisible();
    });

    test('a name without translation is marked with its language', async ({ page }) => {
      // Walloon courts have only a French name, Flemish ones only a Dutch one.
      await page.goto(`${s.list}?category=justice&country=BE&language=${l.other}`);
      const link = page.locator(`${HIT} a[lang="${l.other}"]`).first();
      await expect(link).toBeVisible();
      await link.click();
      await expect(page.locator(`h1[lang="${l.other}"]`)).toBeVisible();
    });

    test('report form: invalid input is explained, valid input is thanked', async ({ page }) => {
      await page.goto(s.report);
      await page.locator('#report-message').fill('kort');
      await page.locator('#report-email').fill('not-an-email');
      await page.locator('.report-form button[type="submit"]').click();
      await expect(page.getByTestId('report-invalid')).toContainText(s.invalid);
      await expect(page.locator('#message-error')).toContainText(s.msgError);
      await expect(page.locator('#report-message')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#kind-error')).toBeVisible();
      await page.locator('input[name="form[kind]"][value="missing"]').check();
      await page.locator('#report-message').fill('Het postkantoor van Menen ontbreekt in de lijst.');
      await page.locator('#report-email').fill('');
      await page.locator('.report-form button[type="submit"]').click();
      await expect(page.getByTestId('report-sent')).toContainText(s.sent);
    });
  });

  test.describe(`${l.lang}: services without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('search by GET form, facet links and pagination', async ({ page }) => {
      await page.goto(s.list);
      await page.locator('#q').fill('gare');
      await page.locator('#country').selectOption('FR');
      await page.locator('#service-search button[type="submit"]').click();
      await expect(page).toHaveURL(/q=gare/);
      await expect(page).toHaveURL(/country=FR/);
      expect(await total(page)).toBeGreaterThan(20);
      await page.locator('.pagination a[rel="next"]').click();
      await expect(page).toHaveURL(/page=2/);
      await expect(page.locator(HIT).first()).toBeVisible();
      await page.locator('[data-facet="country"] a').first().click();
      await expect(page).not.toHaveURL(/page=2/);
    });

    test('detail renders on the server', async ({ page }) => {
      await page.goto(`${s.list}?q=${encodeURIComponent('mairie halluin')}`);
      await page.locator(`${HIT} a`).first().click();
      await expect(page.locator('h1')).toContainText(/Halluin|Halewijn/);
      await expect(page.locator('.hours tbody tr')).toHaveCount(7);
    });

    test('report form posts and shows the outcome', async ({ page }) => {
      await page.goto(s.report);
      await page.locator('#report-message').fill('kort');
      await page.locator('.report-form button[type="submit"]').click();
      await expect(page).toHaveURL(/error=/);
      await expect(page.getByTestId('report-invalid')).toBeVisible();
      await expect(page.locator('#report-message')).toHaveValue('kort');
      await page.locator('input[name="form[kind]"][value="wrong"]').check();
      await page.locator('#report-message').fill('Les horaires du samedi ont changé.');
      await page.locator('.report-form button[type="submit"]').click();
      await expect(page.getByTestId('report-sent')).toBeVisible();
    });
  });
}
