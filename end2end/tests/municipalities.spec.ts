import { expect, test } from '@playwright/test';
import { COUNTS, KM, LANGS, M, ROW, profilePath, resultCount, rowCodes } from './helpers';

type Municipality = (typeof M)[keyof typeof M];

const SEARCHES: { q: string; found: Municipality[]; absent: Municipality[] }[] = [
  { q: 'ypres', found: [M.ieper], absent: [M.lille] },
  { q: 'Ieper', found: [M.ieper], absent: [M.lille] },
  { q: 'IEPER', found: [M.ieper], absent: [M.lille] },
  { q: 'comines', found: [M.comines, M.cominesWarneton], absent: [M.ieper] },
  { q: 'armentieres', found: [M.armentieres], absent: [M.ieper] },
  { q: 'rijsel', found: [M.lille], absent: [M.ieper] },
];

// Each pair shares the border; `notListed` is a same-country neighbour that is not cross-border.
const NEIGHBOURS: { from: Municipality; to: Municipality; notListed: Municipality }[] = [
  { from: M.cominesWarneton, to: M.comines, notListed: M.wervik },
  { from: M.wervik, to: M.wervicqSud, notListed: M.menen },
  { from: M.menen, to: M.halluin, notListed: M.wervik },
];

for (const l of LANGS) {
  test.describe(`${l.lang}: municipalities`, () => {
    for (const s of SEARCHES) {
      test(`search "${s.q}" finds ${s.found.map((m) => m[l.lang]).join(' and ')}`, async ({ page }) => {
        const res = await page.goto(`${l.list}?q=${encodeURIComponent(s.q)}`);
        expect(res?.status()).toBe(200);
        await expect(page.locator('#q')).toHaveValue(s.q);
        const codes = await rowCodes(page);
        for (const m of s.found) expect(codes, `"${s.q}" should find ${m.code}`).toContain(m.code);
        for (const m of s.absent) expect(codes, `"${s.q}" should not find ${m.code}`).not.toContain(m.code);
        expect(await resultCount(page)).toBe(codes.length);
        for (const m of s.found) {
          const link = page.locator(`${ROW} a[href$="${profilePath(l, m.code)}"]`).first();
          await expect(link).toContainText(m[l.lang]);
        }
      });
    }

    test(`unfiltered list has all ${COUNTS.total} municipalities`, async ({ page }) => {
      await page.goto(l.list);
      await expect(page.locator(ROW)).toHaveCount(COUNTS.total);
      expect(await resultCount(page)).toBe(COUNTS.total);
    });

    for (const [country, inside, outside] of [['BE', M.ieper, M.lille], ['FR', M.lille, M.ieper]] as const) {
      test(`country=${country} lists ${COUNTS[country]} municipalities`, async ({ page }) => {
        await page.goto(`${l.list}?country=${country}`);
        await expect(page.locator('#country')).toHaveValue(country);
        await expect(page.locator(ROW)).toHaveCount(COUNTS[country]);
        expect(await resultCount(page)).toBe(COUNTS[country]);
        const codes = await rowCodes(page);
        expect(codes).toContain(inside.code);
        expect(codes).not.toContain(outside.code);
      });
    }

    test('sort by population puts Lille first among French municipalities', async ({ page }) => {
      await page.goto(`${l.list}?country=FR&sort=population`);
      await expect(page.locator('#sort')).toHaveValue('population');
      const codes = await rowCodes(page);
      expect(codes).toHaveLength(COUNTS.FR);
      expect(codes[0]).toBe(M.lille.code);
    });

    for (const n of NEIGHBOURS) {
      test(`profile of ${n.from[l.lang]} lists ${n.to[l.lang]} across the border`, async ({ page }) => {
        const res = await page.goto(profilePath(l, n.from.code));
        expect(res?.status()).toBe(200);
        await expect(page.locator('h1')).toHaveText(n.from[l.lang]);
        await expect(page.getByTestId('code')).toContainText(n.from.code);
        await expect(page.getByTestId('name-nl')).toContainText(n.from.nl);
        await expect(page.getByTestId('name-fr')).toContainText(n.from.fr);

        const neighbours = page.getByTestId('cross-border-neighbours').getByTestId('neighbour');
        const item = neighbours.filter({ has: page.locator(`a[href$="${profilePath(l, n.to.code)}"]`) });
        await expect(item).toHaveCount(1);
        await expect(item).toContainText(n.to[l.lang]);
        await expect(item).toContainText(KM);
        await expect(neighbours.filter({ has: page.locator(`a[href$="/${n.notListed.code}"]`) })).toHaveCount(0);
      });
    }

    test('unknown code gives 404', async ({ page }) => {
      const res = await page.goto(profilePath(l, '00000'));
      expect(res?.status()).toBe(404);
      await expect(page.getByTestId('not-found')).toBeVisible();
    });
  });
}
