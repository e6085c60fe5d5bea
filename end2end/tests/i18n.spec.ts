import { expect, test } from '@playwright/test';
import { LANGS, PAGE_KEYS, langOf, pagePath, pathOf, rowCodes, M } from './helpers';

const ACCEPT = { nl: 'nl-BE,nl;q=0.9', fr: 'fr-BE,fr;q=0.9' };

test.describe('language negotiation on /', () => {
  const cases = [
    { name: 'defaults to nl', acceptLanguage: undefined, cookie: undefined, expected: '/nl' },
    { name: 'Accept-Language fr-BE gives fr', acceptLanguage: ACCEPT.fr, cookie: undefined, expected: '/fr' },
    { name: 'Accept-Language nl-BE gives nl', acceptLanguage: ACCEPT.nl, cookie: undefined, expected: '/nl' },
    { name: 'cookie lang=fr wins over Accept-Language nl', acceptLanguage: ACCEPT.nl, cookie: 'fr', expected: '/fr' },
    { name: 'cookie lang=nl wins over Accept-Language fr', acceptLanguage: ACCEPT.fr, cookie: 'nl', expected: '/nl' },
  ];
  for (const c of cases) {
    test(`302 redirect: ${c.name}`, async ({ context, baseURL }) => {
      if (c.cookie) await context.addCookies([{ name: 'lang', value: c.cookie, url: baseURL! }]);
      const headers: Record<string, string> = c.acceptLanguage ? { 'Accept-Language': c.acceptLanguage } : {};
      const res = await context.request.get('/', { headers, maxRedirects: 0 });
      expect(res.status()).toBe(302);
      expect(pathOf(res.headers()['location'], baseURL!)).toBe(c.expected);
    });
  }

  for (const { lang } of LANGS) {
    test.describe(`browser with locale ${lang}-BE`, () => {
      test.use({ locale: `${lang}-BE` });
      test(`follows the redirect to /${lang}`, async ({ page }) => {
        await page.goto('/');
        expect(pathOf(page.url(), page.url())).toBe(`/${lang}`);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
      });
    });
  }
});

for (const l of LANGS) {
  test.describe(`${l.lang}: page metadata`, () => {
    for (const key of PAGE_KEYS) {
      test(`${key} has html lang, title, description and hreflang alternates`, async ({ page }) => {
        const res = await page.goto(pagePath(l, key));
        expect(res?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
        expect((await page.title()).trim()).not.toBe('');
        await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
        for (const alt of LANGS) {
          const link = page.locator(`link[rel="alternate"][hreflang="${alt.lang}"]`);
          await expect(link).toHaveCount(1);
          expect(pathOf(await link.getAttribute('href'), page.url())).toBe(pagePath(alt, key));
        }
        await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
      });
    }
  });
}

test.describe('translations differ between nl and fr', () => {
  for (const key of PAGE_KEYS) {
    test(`${key}: h1 and title`, async ({ page }) => {
      const seen: { h1: string; title: string }[] = [];
      for (const l of LANGS) {
        await page.goto(pagePath(l, key));
        const h1 = (await page.locator('h1').innerText()).trim();
        const title = (await page.title()).trim();
        expect(h1, `${l.lang} h1`).not.toBe('');
        seen.push({ h1, title });
      }
      const [nl, fr] = seen;
      expect(fr.title).not.toBe(nl.title);
      // The profile h1 is the municipality name, which differs here (Ieper / Ypres).
      expect(fr.h1).not.toBe(nl.h1);
    });
  }
});

for (const l of LANGS) {
  const o = langOf(l.other);
  test.describe(`${l.lang}: language switch to ${o.lang}`, () => {
    const cases = [
      ...PAGE_KEYS.map((key) => ({ name: key, from: pagePath(l, key), to: pagePath(o, key), q: undefined })),
      { name: 'list with a query', from: `${l.list}?q=ypres`, to: o.list, q: 'ypres' },
    ];
    for (const c of cases) {
      test(`keeps the page: ${c.name}`, async ({ page }) => {
        await page.goto(c.from);
        const sw = page.getByTestId('lang-switch').first();
        await expect(sw).toHaveAttribute('hreflang', o.lang);
        await expect(sw).toHaveAttribute('lang', o.lang);
        const href = new URL((await sw.getAttribute('href')) ?? '', page.url());
        expect(pathOf(href.href, page.url())).toBe(c.to);
        if (c.q) expect(href.searchParams.get('q')).toBe(c.q);

        await sw.click();
        await expect(page.locator('html')).toHaveAttribute('lang', o.lang);
        await expect.poll(() => pathOf(page.url(), page.url())).toBe(c.to);
        if (c.q) {
          expect(new URL(page.url()).searchParams.get('q')).toBe(c.q);
          await expect(page.locator('#q')).toHaveValue(c.q);
          // After a client-side navigation the results arrive asynchronously.
          await expect.poll(() => rowCodes(page)).toContain(M.ieper.code);
        }
      });
    }
  });
}
