import { expect, test, type Page } from '@playwright/test';
import { LANGS, langOf } from './helpers';

/** Opens a path that must be a 404 page; returns its language and h1. */
async function open404(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  return { lang: await page.locator('html').getAttribute('lang'), h1: (await page.locator('h1').innerText()).trim() };
}

for (const l of LANGS) {
  test(`${l.lang}: ${l.missing} is a 404 page in ${l.lang}`, async ({ page }) => {
    const { lang, h1 } = await open404(page, l.missing);
    expect(lang).toBe(l.lang);
    expect(h1).not.toBe('');
    expect((await page.title()).trim()).not.toBe('');
  });
}

test('404 text is translated, and a path without a language gets the Dutch page', async ({ page }) => {
  const nl = await open404(page, langOf('nl').missing);
  const fr = await open404(page, langOf('fr').missing);
  const bare = await open404(page, '/bestaat-niet-nexiste-pas');
  expect(fr.h1).not.toBe(nl.h1);
  expect(bare).toEqual(nl);
});
