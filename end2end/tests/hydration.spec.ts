import { expect, test, type Page } from '@playwright/test';
import { COUNTS, LANGS, M, ROW, profilePath, resultCount, rowCodes, waitForHydration, waitForServicesMap } from './helpers';

for (const l of LANGS) {
  test(`${l.lang}: typing in the search box filters the list live, without a reload`, async ({ page }) => {
    await page.goto(l.list);
    await waitForHydration(page);
    await expect(page.locator(ROW)).toHaveCount(COUNTS.total);
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 1;
    });

    const q = page.locator('#q');
    await q.click();
    await q.pressSequentially('ypres', { delay: 50 }); // no Enter, no submit

    await expect(page.locator(ROW)).toHaveCount(1);
    expect(await rowCodes(page)).toEqual([M.ieper.code]);
    expect(await resultCount(page)).toBe(1);
    await expect(page).toHaveURL(/[?&]q=ypres(&|$)/);
    await expect(q).toBeFocused();
    await expect(q).toHaveValue('ypres');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  });
}

const SERVICES = { nl: { list: '/nl/diensten', report: '/nl/melden' }, fr: { list: '/fr/services', report: '/fr/signaler' } } as const;
const HIT = '[data-testid="service-hit"]';

async function firstServiceId(page: Page): Promise<string> {
  const found = await (await page.request.get('/api/v1/services?q=mairie+halluin&per_page=1')).json();
  return found.data[0].id;
}

for (const l of LANGS) {
  const s = SERVICES[l.lang];

  test(`${l.lang}: pages without an interactive part load no wasm and no script of the app`, async ({ page }) => {
    const id = await firstServiceId(page);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    for (const path of [l.home, profilePath(l, M.lille.code), `${s.list}/${id}`, s.report, l.about, l.missing]) {
      await page.goto(path);
      await page.waitForLoadState('load');
      await expect(page.locator('leptos-island'), path).toHaveCount(0);
      await expect(page.locator('script[type="module"]'), path).toHaveCount(0);
    }
    // The stylesheet is in /pkg too; scripts and wasm must not be.
    expect(fetched.filter((u) => /\/pkg\/.*\.(js|wasm)(\?|$)/.test(u))).toEqual([]);
  });

  test(`${l.lang}: the search pages load one small wasm and carry no hydration data`, async ({ page }) => {
    for (const path of [l.list, `${s.list}?q=gare`]) {
      const wasm: string[] = [];
      page.on('request', (r) => {
        if (/\.wasm(\?|$)/.test(r.url())) wasm.push(r.url());
      });
      const response = await page.goto(path);
      const html = (await response?.text()) ?? '';
      await waitForHydration(page);
      expect(wasm.length, path).toBe(1);
      // Nothing travels for hydration: no resources, no per-node markers, and no island
      // props (the island reads its options from the page's attributes, so the bundle
      // has no JSON decoder). Leptos always writes its empty `__RESOLVED_RESOURCES=[]`.
      expect(html, path).not.toContain('data-props');
      expect(html, path).toMatch(/<div (?=[^>]*class="live-search")(?=[^>]*data-(history|as-you-type)="")/);
      expect(html.match(/__RESOLVED_RESOURCES/g), path).toHaveLength(1);
      expect(html, path).toContain('__RESOLVED_RESOURCES=[];');
      page.removeAllListeners('request');
    }
  });

  test(`${l.lang}: facet links and Back search in place; the map keeps its state`, async ({ page }) => {
    await page.goto(`${s.list}?q=gare`);
    await waitForHydration(page);
    const map = await waitForServicesMap(page);
    const all = Number(await page.getByTestId('result-count').getAttribute('data-total'));
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 1;
      (document.querySelector('[data-services-map]') as unknown as { __same: number }).__same = 1;
    });
    const pointsUrl = await map.getAttribute('data-points-url');

    await page.locator('[data-facet="country"] a').first().click();
    await expect(page).toHaveURL(/country=(BE|FR)/);
    await expect.poll(async () => Number(await page.getByTestId('result-count').getAttribute('data-total'))).toBeLessThan(all);
    await expect(map).not.toHaveAttribute('data-points-url', pointsUrl ?? '');
    // The form follows the link's query; the language switch keeps it too.
    await expect(page.locator('#country')).not.toHaveValue('');
    await expect(page.getByTestId('lang-switch')).toHaveAttribute('href', /country=/);

    await page.goBack();
    await expect(page).not.toHaveURL(/country=/);
    await expect.poll(async () => Number(await page.getByTestId('result-count').getAttribute('data-total'))).toBe(all);
    await expect(page.locator('#country')).toHaveValue('');
    await expect(page.locator(HIT).first()).toBeVisible();
    const same = await page.evaluate(() => [
      (window as unknown as { __marker?: number }).__marker,
      (document.querySelector('[data-services-map]') as unknown as { __same?: number }).__same,
    ]);
    expect(same, 'the page reloaded or the map was rebuilt').toEqual([1, 1]);
  });
}
