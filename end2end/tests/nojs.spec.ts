import { expect, test } from '@playwright/test';
import { COUNTS, LANGS, M, digits, mapLocator, pathOf, profilePath, resultCount, rowCodes } from './helpers';

test.use({ javaScriptEnabled: false });

const word = (n: number) => new RegExp(`(^|\\D)${n}(\\D|$)`);

for (const l of LANGS) {
  test.describe(`${l.lang} without JavaScript`, () => {
    test('home renders the counts', async ({ page }) => {
      const res = await page.goto(l.home);
      expect(res?.status()).toBe(200);
      await expect(page.getByTestId('count-municipalities')).toContainText(word(COUNTS.total));
      await expect(page.getByTestId('count-be')).toContainText(word(COUNTS.BE));
      await expect(page.getByTestId('count-fr')).toContainText(word(COUNTS.FR));
      await expect(page.getByTestId('count-services')).toContainText(word(COUNTS.services));
      await expect(mapLocator(page)).toHaveCount(1);
    });

    test('home search box leads to the list', async ({ page }) => {
      await page.goto(l.home);
      await page.locator('form[role="search"] input[name="q"]').fill('rijsel');
      await page.locator('form[role="search"] input[name="q"]').press('Enter');
      await expect.poll(() => pathOf(page.url(), page.url())).toBe(l.list);
      expect(new URL(page.url()).searchParams.get('q')).toBe('rijsel');
      expect(await rowCodes(page)).toContain(M.lille.code);
    });

    test('list form submits by GET', async ({ page }) => {
      await page.goto(l.list);
      const form = page.locator('form#municipality-search');
      await expect(form).toHaveAttribute('method', /^get$/i);
      await form.locator('#q').fill('comines');
      await form.locator('#country').selectOption('FR');
      await form.locator('button:not([type]), button[type="submit"], input[type="submit"]').first().click();

      await expect(page).toHaveURL(/[?&]q=comines(&|$)/);
      const url = new URL(page.url());
      expect(pathOf(url.href, url.href)).toBe(l.list);
      expect(url.searchParams.get('country')).toBe('FR');
      await expect(page.locator('#q')).toHaveValue('comines');
      expect(await rowCodes(page)).toEqual([M.comines.code]);
      expect(await resultCount(page)).toBe(1);
    });

    test('profile renders its facts', async ({ page }) => {
      const res = await page.goto(profilePath(l, M.lille.code));
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveText(M.lille[l.lang]);
      await expect(page.getByTestId('name-nl')).toContainText(M.lille.nl);
      await expect(page.getByTestId('name-fr')).toContainText(M.lille.fr);
      await expect(page.getByTestId('code')).toContainText(M.lille.code);
      expect(digits(await page.getByTestId('population').innerText())).toContain(M.lille.population);
      await expect(page.getByTestId('distance-to-border')).toContainText(/\d/);
      expect(await page.getByTestId('services').locator('li').count()).toBeGreaterThan(0);
      await expect(mapLocator(page)).toHaveAttribute('data-focus', M.lille.code);
    });
  });
}
