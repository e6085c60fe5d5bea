import { expect, test } from '@playwright/test';
import { LANGS } from './helpers';

/** What each language shows of PARTONS 2.0 (facts of its seed page). */
const PARTONS = {
  nl: {
    list: '/nl/projecten',
    lead: 'Provincie West-Vlaanderen',
    partners: ['Erfgoedcel CO7', 'Regionaal Landschap Westhoek', 'Westhoekoverleg'],
    period: 'Van 1 oktober 2016 tot 30 september 2021',
    phase: 'Afgelopen',
    phaseFilter: 'Afgelopen',
    count: /^1 project gevonden/,
  },
  fr: {
    list: '/fr/projets',
    lead: 'Province de Flandre occidentale',
    partners: ['Erfgoedcel CO7', 'Regionaal Landschap Westhoek', 'Westhoekoverleg'],
    period: 'Du 1er octobre 2016 au 30 septembre 2021',
    phase: 'Terminé',
    phaseFilter: 'Terminé',
    count: /^1 projet trouvé/,
  },
} as const;

for (const l of LANGS) {
  const p = PARTONS[l.lang];
  for (const js of [true, false]) {
    test.describe(`${l.lang}: projects${js ? '' : ' without JavaScript'}`, () => {
      test.use({ javaScriptEnabled: js });

      test('filter the list, open PARTONS 2.0 and read its partners', async ({ page }) => {
        await page.goto(p.list);
        await expect(page.getByTestId('project')).toHaveCount(5);
        await page.getByLabel(l.lang === 'nl' ? 'Stand van zaken' : 'État d’avancement').selectOption({ label: p.phaseFilter });
        await page.getByTestId('project-filters').getByRole('button').click();
        await expect(page).toHaveURL(/phase=ended/);
        await expect(page.getByTestId('result-count')).toHaveText(p.count);
        await page.getByRole('link', { name: 'PARTONS 2.0' }).click();
        await expect(page).toHaveURL(new RegExp(`${p.list}/partons-2-0$`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('PARTONS 2.0');
        await expect(page.getByTestId('phase')).toHaveText(p.phase);
        await expect(page.getByTestId('period')).toContainText(p.period);
        const partners = page.getByTestId('partners');
        await expect(partners).toContainText(p.lead);
        for (const name of p.partners) await expect(partners).toContainText(name);
        // The language switch keeps the project.
        await page.getByTestId('lang-switch').click();
        await expect(page).toHaveURL(new RegExp(`/${l.other}/(projecten|projets)/partons-2-0$`));
      });
    });
  }

  test(`${l.lang}: a bad filter is explained and a missing project is 404`, async ({ page }) => {
    const bad = await page.goto(`${p.list}?year=20x6`);
    expect(bad?.status()).toBe(400);
    await expect(page.getByTestId('error-notice')).toBeVisible();
    const missing = await page.goto(`${p.list}/bestaat-niet`);
    expect(missing?.status()).toBe(404);
  });
}
