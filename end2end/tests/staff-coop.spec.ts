import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The accounts made by .ci/test.sh (`server user add`); see staff.spec.ts.
const PASSWORD = process.env.E2E_STAFF_PASSWORD || 'e2e staff password 2026';
const ADMIN = 'admin@grensdiensten.test';
const IEPER = 'redactie@ieper.test';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SLUGS = {
  nl: { signIn: '/nl/beheer/aanmelden', projects: '/nl/beheer/projecten', publicProjects: '/nl/projecten', newPath: 'nieuw' },
  fr: { signIn: '/fr/gestion/connexion', projects: '/fr/gestion/projets', publicProjects: '/fr/projets', newPath: 'nouveau' },
} as const;

async function signIn(page: Page, lang: 'nl' | 'fr', email: string) {
  await page.goto(SLUGS[lang].signIn);
  await page.locator('#sign-in-email').fill(email);
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.locator('form[action^="/api/sign_in"] button[type="submit"]').click();
  await expect(page.getByTestId('staff-account')).toHaveText(email);
}

for (const lang of ['nl', 'fr'] as const) {
  const s = SLUGS[lang];

  // Drafts only: a published record would change the public lists other tests count.
  test(`${lang}: an admin writes a project draft in both languages; wrong fields are named; the draft stays off the public pages`, async ({ page }) => {
    const stamp = `${lang} ${Date.now()}`;
    await signIn(page, lang, ADMIN);
    await page.goto(`${s.projects}/${s.newPath}`);
    await page.locator('#coop-name_nl').fill(`Grensfietsroute ${stamp}`);
    await page.locator('#coop-name_fr').fill(`Véloroute frontalière ${stamp}`);
    await page.locator('#coop-summary_nl').fill('Een fietsroute langs de grens, met bewegwijzering in twee talen.');
    await page.locator('#coop-summary_fr').fill('Un itinéraire cyclable le long de la frontière, balisé dans les deux langues.');
    await page.locator('#coop-budget_eur').fill('twaalf');
    await page.locator('#coop-municipalities').fill('33011, 99999');
    await page.getByTestId('action-save').click();

    // Each wrong field is named in the page's language, next to it and in the summary.
    const errors = page.getByTestId('form-errors');
    await expect(errors).toBeVisible();
    await expect(page.locator('#coop-budget_eur')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#coop-municipalities')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#budget_eur-error')).toContainText(lang === 'nl' ? 'bedrag in euro' : 'montant en euros');
    // What was typed is kept.
    await expect(page.locator('#coop-name_fr')).toHaveValue(`Véloroute frontalière ${stamp}`);

    await page.locator('#coop-budget_eur').fill('12 500,50');
    await page.locator('#coop-municipalities').fill('33011, 59350');
    await page.getByTestId('action-save').click();
    await expect(page.getByTestId('record-status')).toHaveText(lang === 'nl' ? 'Ontwerp' : 'Brouillon');
    await expect(page.locator('#coop-budget_eur')).toHaveValue('12500.5');
    const id = page.url().split('/').pop()!;

    // Filters of the staff list: the draft is found by a word of either title.
    await page.goto(`${s.projects}?status=draft&q=${encodeURIComponent(lang === 'nl' ? 'véloroute' : 'grensfietsroute')}`);
    await expect(page.getByTestId('staff-row').filter({ hasText: stamp })).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations).toEqual([]);

    // Not public while a draft.
    const response = await page.goto(`${s.publicProjects}/${id}`);
    expect(response?.status()).toBe(404);

    await page.goto(`${s.projects}/${id}`);
    await page.getByTestId('history-link').click();
    await expect(page.getByTestId('history-entry')).toHaveCount(1);
    await expect(page.getByTestId('history')).toContainText(ADMIN);
  });

  test(`${lang}: an editor cannot open the cooperation records`, async ({ page }) => {
    await signIn(page, lang, IEPER);
    const response = await page.goto(s.projects);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('staff-row')).toHaveCount(0);
  });
}
