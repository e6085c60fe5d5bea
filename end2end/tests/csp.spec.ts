import { expect, test, type Page } from '@playwright/test';
import { LANGS, M, mapLocator, profilePath, waitForIslands, waitForMap, waitForServicesMap } from './helpers';

// Every page type runs under the strict Content-Security-Policy: the header is there,
// and nothing the page loads or runs (hydration, the maps, live search) is refused.

/** Violations reported by the browser, and console errors, from the first script on. */
async function watch(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const seen = { violations: [] as string[], errors: [] as string[] };
  await page.exposeFunction('__cspViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

for (const l of LANGS) {
  const services = l.lang === 'nl' ? '/nl/diensten' : '/fr/services';
  const report = l.lang === 'nl' ? '/nl/melden' : '/fr/signaler';
  const pages = [
    l.home,
    l.list,
    `${l.list}?q=comines`,
    profilePath(l, M.lille.code),
    services,
    `${services}?near=Wervik&radius=10`,
    `${services}/{halluin}`,
    report,
    l.about,
    l.lang === 'nl' ? '/nl/projecten' : '/fr/projets',
    l.lang === 'nl' ? '/nl/projecten/partons-2-0' : '/fr/projets/partons-2-0',
    l.lang === 'nl' ? '/nl/gemeenten/vergelijken?codes=33029,59656' : '/fr/communes/comparer?codes=33029,59656',
    l.lang === 'nl' ? '/nl/partners?code=33029' : '/fr/partenaires?code=33029',
    l.lang === 'nl' ? '/nl/samenwerkingsverbanden/midwest' : '/fr/cooperations/midwest',
    l.lang === 'nl' ? '/nl/observatorium' : '/fr/observatoire',
    `/${l.lang}/agenda`,
    `/${l.lang}/agenda/kennisplatform-intergemeentelijk-samenwerken-2015-12-03`,
    l.missing,
  ];
  test.describe(`${l.lang}: content security policy`, () => {
    for (const path of pages) {
      test(`${path} runs with no violation`, async ({ page }) => {
        const seen = await watch(page);
        let target = path;
        if (target.includes('{halluin}')) {
          const found = await (await page.request.get('/api/v1/services?q=mairie+halluin&per_page=1')).json();
          target = target.replace('{halluin}', found.data[0].id);
        }
        const response = await page.goto(target);
        const policy = response?.headers()['content-security-policy'] ?? '';
        // A page rendered for this response names its inline scripts by its nonce; a page
        // the page cache sends again names them by hash (a nonce is never sent twice).
        expect(policy).toMatch(/script-src 'self'( 'nonce-[^']+'| 'sha256-[^']+')* 'wasm-unsafe-eval';/);
        expect(policy).toContain("object-src 'none'");
        expect(policy).not.toContain('unsafe-inline');
        await waitForIslands(page);
        if ((await mapLocator(page).count()) > 0) await waitForMap(page);
        if ((await page.locator('[data-services-map]').count()) > 0) {
          await waitForServicesMap(page);
        }
        // Interaction too: live search and client navigation fetch and run code.
        const q = page.locator('#service-search input[name="q"], #municipality-search input[name="q"]').first();
        if ((await q.count()) > 0) {
          await q.fill('gare');
          await page.waitForTimeout(600);
        }
        // A 404 answers with status 404: its console line is not an error of the page.
        const errors = seen.errors.filter((e) => !/status of 404/.test(e));
        expect(seen.violations, 'CSP violations').toEqual([]);
        expect(errors, 'console errors').toEqual([]);
      });
    }
  });
}
