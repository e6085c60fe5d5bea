// Lighthouse (mobile preset, simulated throttling) on every page type in both languages:
// performance and SEO scores, LCP, TBT and CLS, against the release server on mem://.
//
//   node bench/lighthouse.mjs --server ../target/release/server --site ../target/site [--only 'page type']
//
// Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium), never a downloaded one.

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { parseArgs, startServer } from './server.mjs';

const args = parseArgs();
const serverBin = args.server ?? process.env.SERVER_BIN;
const siteRoot = args.site ?? process.env.LEPTOS_SITE_ROOT;
const port = Number(args.port ?? 3199);
const base = `http://127.0.0.1:${port}`;
if (!serverBin || !siteRoot) {
  console.error('usage: node bench/lighthouse.mjs --server PATH --site SITE_ROOT');
  process.exit(2);
}

let chrome;
let server;
const stop = () => {
  server?.stop();
  chrome?.kill();
};
process.on('exit', stop);

let failed = false;
try {
  server = await startServer({ bin: serverBin, port, siteRoot });
  const api = await (await fetch(`${base}/api/v1/services?q=mairie+halluin&per_page=1`)).json();
  const id = api.data[0].id;
  const pages = [
    ['home', '/nl', '/fr'],
    ['municipalities', '/nl/gemeenten', '/fr/communes'],
    ['profile', '/nl/gemeenten/33029', '/fr/communes/59350'],
    ['services', '/nl/diensten?q=gemeentehuis', '/fr/services?q=gare'],
    ['service detail', `/nl/diensten/${id}`, `/fr/services/${id}`],
    ['report form', '/nl/melden', '/fr/signaler'],
    ['about', '/nl/over-de-gegevens', '/fr/a-propos-des-donnees'],
    ['projects', '/nl/projecten', '/fr/projets/partons-2-0'],
    ['compare', '/nl/gemeenten/vergelijken?codes=33029,59656', '/fr/communes/comparer?codes=33029,59656,59152'],
    ['partners', '/nl/partners?code=33029&across=1', '/fr/partenaires?code=59350'],
    ['clusters', '/nl/samenwerkingsverbanden', '/fr/cooperations/epci-200093201'],
    ['observatory', '/nl/observatorium', '/fr/observatoire?category=railway_station'],
    ['agenda', '/nl/agenda', '/fr/agenda/kennisplatform-intergemeentelijk-samenwerken-2015-12-03'],
    ['practices', '/nl/goede-praktijken', '/fr/bonnes-pratiques/ecolife-klimaatclusters'],
    ['grouping', '/nl/samenwerkingsverbanden/westhoek', '/fr/cooperations/eurometropool'],
  ];
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  console.log(`${'page type'.padEnd(16)}${'path'.padEnd(44)}${'perf'.padStart(5)}${'seo'.padStart(5)}${'LCP s'.padStart(7)}${'TBT ms'.padStart(8)}${'CLS'.padStart(7)}`);
  for (const [name, ...paths] of pages.filter(([name]) => !args.only || args.only.split(',').includes(name))) {
    for (const path of paths) {
      const { lhr } = await lighthouse(base + path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'seo'],
      });
      const a = lhr.audits;
      const score = (c) => Math.round((lhr.categories[c].score ?? 0) * 100);
      console.log(
        `${name.padEnd(16)}${path.slice(0, 42).padEnd(44)}${String(score('performance')).padStart(5)}${String(score('seo')).padStart(5)}` +
          `${(a['largest-contentful-paint'].numericValue / 1000).toFixed(1).padStart(7)}${a['total-blocking-time'].numericValue.toFixed(0).padStart(8)}${a['cumulative-layout-shift'].numericValue.toFixed(3).padStart(7)}`,
      );
      for (const [id, audit] of Object.entries(a)) {
        if (lhr.categories.seo.auditRefs.some((r) => r.id === id && r.weight > 0) && audit.score !== null && audit.score < 1) {
          console.log(`    seo: ${id}: ${audit.title}`);
        }
      }
    }
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
