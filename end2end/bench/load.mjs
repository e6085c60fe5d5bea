// Load benchmark: how close do server-rendered pages come to sending a static file?
//
// Starts the release server on a fresh in-memory database (with a copy of the site
// directory), and for every page type in both languages saves the page's own HTML as a
// static file of the same bytes in that copy. wrk (Debian's package) then loads the page
// and, right after, the static file from the same server, on loopback, each for a fixed
// time at the same connection count. Prints req/s, p50 and p99 of both, and the ratio.
//
//   node bench/load.mjs --server ../target/release/server --site ../target/site
//   options: --seconds 5 --connections 64 --threads 2 --only home,profile --gzip
//
// --surreal ../target/release/surreal runs the app on a SurrealDB server (ws://) instead.
// --gzip sends `Accept-Encoding: gzip` (as browsers do) to pages and static files alike.
// Exit code 1 when a page answers with an unexpected status.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, startServer, startSurreal } from './server.mjs';

const args = parseArgs();
const serverBin = args.server ?? process.env.SERVER_BIN;
const siteRoot = args.site ?? process.env.LEPTOS_SITE_ROOT;
const seconds = Number(args.seconds ?? 5);
const connections = Number(args.connections ?? 64);
const threads = Number(args.threads ?? 2);
const only = args.only ? args.only.split(',') : null;
const gzip = args.gzip === 'true';
const port = Number(args.port ?? 3198);
// --surreal BIN: the app on a SurrealDB server over ws:// instead of mem://.
const surrealBin = args.surreal;
const surrealPort = Number(args['surreal-port'] ?? 3897);
const base = `http://127.0.0.1:${port}`;
if (!serverBin || !siteRoot) {
  console.error('usage: node bench/load.mjs --server PATH --site SITE_ROOT [--seconds 5] [--connections 64]');
  process.exit(2);
}

/** Page types with one path per language. */
async function pageTypes() {
  const api = await (await fetch(`${base}/api/v1/services?q=gare&per_page=1`)).json();
  const id = api.data?.[0]?.id;
  if (!id) throw new Error('no service id from the API');
  return [
    { name: 'home', paths: ['/nl', '/fr'] },
    { name: 'municipalities', paths: ['/nl/gemeenten', '/fr/communes'] },
    { name: 'municipality search', paths: ['/nl/gemeenten?q=wervik', '/fr/communes?q=comines'] },
    { name: 'profile', paths: ['/nl/gemeenten/33029', '/fr/communes/59350'] },
    { name: 'services', paths: ['/nl/diensten', '/fr/services'] },
    { name: 'services search', paths: ['/nl/diensten?q=gemeentehuis', '/fr/services?q=gare&country=BE'] },
    { name: 'services near', paths: ['/nl/diensten?near=Wervik&radius=10', '/fr/services?near=Lille&radius=25'] },
    { name: 'service detail', paths: [`/nl/diensten/${id}`, `/fr/services/${id}`] },
    { name: 'report form', paths: ['/nl/melden', '/fr/signaler'] },
    { name: 'about', paths: ['/nl/over-de-gegevens', '/fr/a-propos-des-donnees'] },
    { name: 'not found', paths: ['/nl/bestaat-niet', '/fr/nexiste-pas'], status: 404 },
    { name: 'compare', paths: ['/nl/gemeenten/vergelijken?codes=33029,59656', '/fr/communes/comparer?codes=33029,59656,59152'] },
    { name: 'partners', paths: ['/nl/partners?code=33029&across=1', '/fr/partenaires?code=59350'] },
    { name: 'clusters', paths: ['/nl/samenwerkingsverbanden', '/fr/cooperations/epci-200093201'] },
    { name: 'observatory', paths: ['/nl/observatorium', '/fr/observatoire?category=railway_station'] },
    { name: 'agenda', paths: ['/nl/agenda', '/fr/agenda/kennisplatform-intergemeentelijk-samenwerken-2015-12-03'] },
    { name: 'staff sign-in', paths: ['/nl/beheer/aanmelden', '/fr/gestion/connexion'] },
    { name: 'API services', paths: ['/api/v1/services?q=gare', '/api/v1/services?q=gare&lang=fr'] },
  ].filter((t) => !only || only.some((o) => t.name.startsWith(o)));
}

const toMs = (value) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!m) return NaN;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60000 }[m[2]];
};

function wrk(url) {
  const headers = gzip ? ['-H', 'Accept-Encoding: gzip'] : [];
  const out = execFileSync('wrk', [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', ...headers, url], {
    encoding: 'utf8',
  });
  const percentile = (p) => toMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '');
  const bad = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = /Socket errors: (.*)/.exec(out)?.[1] ?? '';
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]), p50: percentile(50), p99: percentile(99), bad, errors };
}

const site = mkdtempSync(join(tmpdir(), 'grensdiensten-load-'));
cpSync(siteRoot, site, { recursive: true });
mkdirSync(join(site, 'bench'), { recursive: true });
let server;
let surreal;
const stop = () => {
  server?.stop();
  surreal?.stop();
  rmSync(site, { recursive: true, force: true });
};
process.on('exit', stop);

let failed = false;
try {
  surreal = surrealBin ? await startSurreal({ bin: surrealBin, port: surrealPort }) : null;
  server = await startServer({ bin: serverBin, port, siteRoot: site, env: surreal?.env ?? {} });
  const types = await pageTypes();
  console.log(`wrk -t${threads} -c${connections} -d${seconds}s${gzip ? ' (gzip)' : ''}, server on ${surreal ? 'a SurrealDB server (ws://)' : 'mem://'}, loopback\n`);
  const rows = [];
  for (const type of types) {
    for (const path of type.paths) {
      const response = await fetch(base + path);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== (type.status ?? 200)) {
        console.error(`${path}: status ${response.status}`);
        failed = true;
        continue;
      }
      const file = `${type.name.replace(/\W+/g, '-')}-${rows.length}.html`;
      writeFileSync(join(site, 'bench', file), body);
      const page = wrk(base + path);
      const still = wrk(`${base}/bench/${file}`);
      if (page.errors || (page.bad && !type.status)) console.error(`${path}: ${page.bad} bad statuses, socket errors ${page.errors}`);
      rows.push({ type: type.name, path, kb: body.length / 1024, page, still });
    }
  }
  const pad = (s, n) => String(s).padEnd(n);
  const num = (v, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : '—').padStart(8);
  console.log(`${pad('page type', 20)}${pad('path', 40)}${'KB'.padStart(7)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}  | static${'req/s'.padStart(8)}${'p99 ms'.padStart(8)} | ratio`);
  for (const r of rows) {
    console.log(
      `${pad(r.type, 20)}${pad(r.path.slice(0, 38), 40)}${num(r.kb, 1).slice(1)}${num(r.page.rps)}${num(r.page.p50, 1)}${num(r.page.p99, 1)}  |       ${num(r.still.rps)}${num(r.still.p99, 1)} | ${(r.page.rps / r.still.rps).toFixed(2)}`,
    );
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
