import { expect, test, type Page } from '@playwright/test';

// Links an attacker could send: markup in every prefilled or echoed parameter.
const PAYLOADS = [
  '</textarea><script>alert(1)</script>',
  '"><script>alert(2)</script>',
  "' onmouseover=alert(3) x='",
  '<img src=x onerror=alert(4)>',
  '</title><svg onload=alert(5)>',
];

const PAGES = [
  { lang: 'nl', report: '/nl/melden', services: '/nl/diensten', municipalities: '/nl/gemeenten' },
  { lang: 'fr', report: '/fr/signaler', services: '/fr/services', municipalities: '/fr/communes' },
];

/** Every dialog the page opens (none may: an alert would be script from the URL running). */
function collectDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

const withParams = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;

for (const p of PAGES) {
  test.describe(`hostile links (${p.lang})`, () => {
    test('report form: prefilled markup is shown as text and never runs', async ({ page }) => {
      const dialogs = collectDialogs(page);
      for (const payload of PAYLOADS) {
        await page.goto(withParams(p.report, { message: payload, kind: payload, service: payload, error: 'message' }));
        await expect(page.locator('#report-message')).toHaveValue(payload);
        await page.locator('#report-message').hover();
        expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
      }
      expect(dialogs, 'a dialog opened: script from the URL ran').toEqual([]);
    });

    test('search pages echo markup as text', async ({ page }) => {
      const dialogs = collectDialogs(page);
      for (const payload of PAYLOADS) {
        await page.goto(withParams(p.services, { q: payload }));
        await expect(page.locator('#service-search input[name="q"]')).toHaveValue(payload);
        await page.goto(withParams(p.services, { near: payload }));
        await page.goto(withParams(p.municipalities, { q: payload }));
        expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
      }
      expect(dialogs, 'a dialog opened: script from the URL ran').toEqual([]);
    });
  });
}
