import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LANGS, M, mapLocator, profilePath, waitForMap, waitForServicesMap } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MAX_TARGETS = 15;

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** One block per violation: id, impact, help, link, then the offending selectors. */
function report(violations: Violations): string {
  return violations
    .map((v) => {
      const targets = v.nodes.slice(0, MAX_TARGETS).map((n) => `    ${n.target.join(' ')}`);
      if (v.nodes.length > MAX_TARGETS) targets.push(`    … and ${v.nodes.length - MAX_TARGETS} more`);
      return [`${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`, ...targets].join('\n');
    })
    .join('\n');
}

for (const l of LANGS) {
  const pages = [
    { name: 'home', path: l.home },
    { name: 'list', path: l.list },
    { name: 'list with a query', path: `${l.list}?q=comines` },
    { name: `FR profile with polygon (${M.lille.code})`, path: profilePath(l, M.lille.code) },
    { name: `BE profile (${M.ieper.code})`, path: profilePath(l, M.ieper.code) },
    { name: 'about', path: l.about },
    { name: 'services', path: l.lang === 'nl' ? '/nl/diensten' : '/fr/services' },
    { name: 'services with a query', path: l.lang === 'nl' ? '/nl/diensten?q=gemeentehuis' : '/fr/services?q=mairie' },
    { name: 'services near a place', path: `${l.lang === 'nl' ? '/nl/diensten' : '/fr/services'}?near=Wervik&radius=10` },
    { name: 'services without results', path: `${l.lang === 'nl' ? '/nl/diensten' : '/fr/services'}?q=xqzwv` },
    { name: 'service detail', path: `${l.lang === 'nl' ? '/nl/diensten' : '/fr/services'}/{halluin}` },
    { name: 'report form', path: l.lang === 'nl' ? '/nl/melden' : '/fr/signaler' },
    { name: 'report form with errors', path: `${l.lang === 'nl' ? '/nl/melden' : '/fr/signaler'}?error=kind,message&message=kort` },
    { name: 'projects', path: l.lang === 'nl' ? '/nl/projecten' : '/fr/projets' },
    { name: 'projects filtered', path: l.lang === 'nl' ? '/nl/projecten?phase=ended' : '/fr/projets?phase=ended' },
    { name: 'project detail', path: l.lang === 'nl' ? '/nl/projecten/partons-2-0' : '/fr/projets/partons-2-0' },
    { name: 'compare', path: l.lang === 'nl' ? '/nl/gemeenten/vergelijken?codes=33029,59656' : '/fr/communes/comparer?codes=33029,59656' },
    { name: 'partners', path: l.lang === 'nl' ? '/nl/partners?code=33029&across=1' : '/fr/partenaires?code=33029&across=1' },
    { name: 'clusters', path: l.lang === 'nl' ? '/nl/samenwerkingsverbanden' : '/fr/cooperations' },
    { name: 'cluster detail', path: l.lang === 'nl' ? '/nl/samenwerkingsverbanden/midwest' : '/fr/cooperations/midwest' },
    // 258 table rows, 258 markers and 150 polygons: axe needs longer than the default 30 s here.
    { name: 'observatory', path: l.lang === 'nl' ? '/nl/observatorium?category=railway_station' : '/fr/observatoire?category=railway_station', slow: true },
    { name: 'agenda', path: `/${l.lang}/agenda` },
    { name: 'event detail', path: `/${l.lang}/agenda/kennisplatform-intergemeentelijk-samenwerken-2015-12-03` },
    { name: 'recurring event detail', path: `/${l.lang}/agenda/elsene-burgerontmoetingen-per-wijk` },
    { name: '404', path: l.missing },
  ];
  test.describe(`${l.lang}: accessibility (axe, WCAG 2.2 AA)`, () => {
    for (const p of pages) {
      test(`${p.name} has no violations`, async ({ page }) => {
        if ('slow' in p && p.slow) test.slow();
        let path = p.path;
        if (path.includes('{halluin}')) {
          // The town hall of Halluin, looked up through the API (ids are hashes of the seed rows).
          const found = await (await page.request.get('/api/v1/services?q=mairie+halluin&per_page=1')).json();
          path = path.replace('{halluin}', found.data[0].id);
        }
        await page.goto(path);
        if ((await mapLocator(page).count()) > 0) await waitForMap(page);
        if ((await page.locator('[data-services-map]').count()) > 0) {
          await waitForServicesMap(page);
        }
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(violations.length, `axe violations on ${path}:\n${report(violations)}`).toBe(0);
      });
    }
  });
}
