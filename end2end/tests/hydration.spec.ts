import { expect, test } from '@playwright/test';
import { COUNTS, LANGS, M, ROW, resultCount, rowCodes, waitForHydration } from './helpers';

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
