// Load over ws://: two app servers on one SurrealDB server, the page mix from many
// connections, and staff edits arriving meanwhile.
//
// Starts the repository's `surreal` binary (SurrealKV store, block cache bounded) and two
// release app servers on it, then for --seconds runs autocannon against both (half of
// --connections each) over the page mix, while an admin signed in on the first server
// publishes a new service every --edit-ms and checks that the second server's search
// finds it, and four clients keep abandoning requests a few milliseconds after sending
// them (visitors who leave). Samples the resident memory of the three processes every second, and reads
// both app servers' /metrics at the end.
//
// Fails (exit 1) on any transport error or timeout, any unexpected status, any failed or
// unseen edit, any panic or request timeout counted by the app servers, or memory above
// --max-db-mb (database server) / --max-app-mb (each app server).
//
//   node bench/load-ws.mjs --server ../target/release/server --surreal ../target/release/surreal \
//     --site ../target/site --seconds 300            (the README's figure; the test command: 20 s)

import autocannon from 'autocannon';
import { parseArgs, rssMb, startServer, startSurreal } from './server.mjs';

const args = parseArgs();
const serverBin = args.server ?? process.env.SERVER_BIN;
const surrealBin = args.surreal ?? process.env.SURREAL_BIN;
const siteRoot = args.site ?? process.env.LEPTOS_SITE_ROOT;
const seconds = Number(args.seconds ?? 300);
const connections = Number(args.connections ?? 64);
const editMs = Number(args['edit-ms'] ?? 500);
const maxDbMb = Number(args['max-db-mb'] ?? 1024);
const maxAppMb = Number(args['max-app-mb'] ?? 300);
const ports = [Number(args.port ?? 3291), Number(args.port ?? 3291) + 1];
const surrealPort = Number(args['surreal-port'] ?? 3898);
if (!serverBin || !surrealBin) {
  console.error('usage: node bench/load-ws.mjs --server PATH --surreal PATH [--site SITE] [--seconds 300] [--connections 64]');
  process.exit(2);
}

const surreal = await startSurreal({ bin: surrealBin, port: surrealPort });
// A panic's log line carries its backtrace.
const env = { ...surreal.env, REPORT_RATE_LIMIT: '1000000', SIGN_IN_RATE_LIMIT: '1000', RUST_BACKTRACE: '1' };
// The first start seeds the database; the second finds it seeded.
const a = await startServer({ bin: serverBin, port: ports[0], siteRoot, env });
const b = await startServer({ bin: serverBin, port: ports[1], siteRoot, env });
const password = 'load test password 2026';
{
  const { execFileSync } = await import('node:child_process');
  execFileSync(serverBin, ['user', 'add', '--email', 'admin@load.test', '--role', 'admin', '--password-stdin'], {
    input: `${password}\n`,
    env: { ...process.env, ...surreal.env, RUST_LOG: 'warn' },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
}

const api = await (await fetch(`${a.base}/api/v1/services?q=gare&per_page=1`)).json();
const id = api.data?.[0]?.id;
const paths = [
  '/nl', '/fr',
  '/nl/gemeenten', '/fr/communes?q=comines',
  '/nl/gemeenten/33029', '/fr/communes/59350',
  '/nl/diensten?q=gemeentehuis', '/fr/services?q=gare&country=BE',
  '/nl/diensten?near=Wervik&radius=10',
  `/nl/diensten/${id}`, `/fr/services/${id}`,
  '/nl/observatorium', '/fr/observatoire?category=railway_station',
  '/api/v1/services?q=gare', '/api/v1/municipalities/33029',
];
for (const path of paths) {
  const status = (await fetch(a.base + path)).status;
  if (status !== 200) throw new Error(`${path}: ${status}`);
}

// Memory, every second.
const peaks = { db: 0, a: 0, b: 0 };
const sampler = setInterval(async () => {
  peaks.db = Math.max(peaks.db, await rssMb(surreal.child.pid));
  peaks.a = Math.max(peaks.a, await rssMb(a.child.pid));
  peaks.b = Math.max(peaks.b, await rssMb(b.child.pid));
}, 1000);

// Staff edits meanwhile: published on A, looked for on B.
const edits = { published: 0, failed: 0, seenOnB: 0, unseen: 0, worstSeenMs: 0 };
let editing = true;
async function staff() {
  const form = (pairs) => new URLSearchParams(pairs).toString();
  const post = (base, path, body, cookie) =>
    fetch(base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(cookie ? { cookie } : {}) },
      body,
    });
  // The server functions' paths are found on the pages' forms.
  const signInPage = await (await fetch(`${a.base}/nl/beheer/aanmelden`)).text();
  const signInPath = /<form[^>]*action="([^"]+)"/.exec(signInPage)[1];
  const signedIn = await post(a.base, signInPath, form({ lang: 'nl', email: 'admin@load.test', password, next: '' }));
  const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('staff_session=')).split(';')[0];
  const editor = await (await fetch(`${a.base}/nl/beheer/diensten/nieuw`, { headers: { cookie } })).text();
  const csrf = /name="f\[csrf\]" value="([^"]+)"/.exec(editor)?.[1] ?? /name="csrf" value="([^"]+)"/.exec(editor)[1];
  const savePath = [...editor.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].find((m) => m[2].includes('name="f[csrf]"'))?.[1];
  if (!savePath) throw new Error('no editor form found');
  let n = 0;
  while (editing) {
    const started = Date.now();
    n += 1;
    // A word of its own (ten random letters), so the search finds this service first.
    const word = Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
    const name = `Belastingstest ${word}`;
    const response = await post(
      a.base,
      savePath,
      form({
        'f[lang]': 'nl', 'f[csrf]': csrf, 'f[id]': '', 'f[revision]': '', 'f[action]': 'publish', 'f[hours_mode]': 'raw',
        'f[name_nl]': name, 'f[name_fr]': `Test de charge ${process.pid} ${n}`, 'f[category]': 'culture',
        'f[municipality]': '33011', 'f[lat]': '50.85114', 'f[lon]': '2.88569', 'f[speaks_nl]': 'on',
        'f[opening_hours]': 'Mo-Fr 09:00-17:00; PH off',
        'f[description_nl]': 'Boeken lenen aan beide kanten van de grens.',
        'f[description_fr]': 'Emprunter des livres des deux côtés de la frontière.',
      }),
      cookie,
    ).catch(() => null);
    const to = response?.headers.get('location') ?? '';
    const id = to.startsWith('/nl/beheer/diensten/') ? to.split('/').pop() : null;
    if (response?.status !== 302 || !id || id === 'nieuw') {
      if (edits.failed === 0) console.error(`edit refused: ${response?.status} ${to} ${(await response?.text().catch(() => ''))?.slice(0, 300)}`);
      edits.failed += 1;
    } else {
      edits.published += 1;
      const published = Date.now();
      let seen = false;
      while (Date.now() - published < 5000) {
        const found = await (await fetch(`${b.base}/api/v1/services?q=${word}&per_page=10`)).json().catch(() => ({}));
        if (found.data?.some((s) => s.id === id)) {
          seen = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      if (seen) {
        edits.seenOnB += 1;
        edits.worstSeenMs = Math.max(edits.worstSeenMs, Date.now() - published);
      } else edits.unseen += 1;
    }
    await new Promise((r) => setTimeout(r, Math.max(0, editMs - (Date.now() - started))));
  }
}

// Visitors who leave before the page arrives: requests abandoned at a random moment in
// the first 40 ms (a render cut off mid-way must cost nothing and break nothing).
const abandoned = { started: 0, cut: 0 };
async function walkAway(base) {
  while (editing) {
    const controller = new AbortController();
    const path = paths[Math.floor(Math.random() * paths.length)];
    setTimeout(() => controller.abort(), Math.random() * 40);
    abandoned.started += 1;
    try {
      const response = await fetch(base + path, { signal: controller.signal });
      await response.arrayBuffer();
    } catch {
      abandoned.cut += 1;
    }
  }
}
const walkers = Array.from({ length: Number(args.walkers ?? 4) }, (_, i) => walkAway(i % 2 ? b.base : a.base));

const load = (base) =>
  autocannon({
    url: base,
    connections: Math.max(1, connections / 2),
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
    timeout: 30,
  });
const editor = staff().catch((error) => {
  console.error('staff edits stopped:', error);
  edits.failed += 1;
});
const [ra, rb] = await Promise.all([load(a.base), load(b.base)]);
editing = false;
await editor;
await Promise.all(walkers);
clearInterval(sampler);

async function metrics(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const sum = (re) => [...text.matchAll(re)].reduce((total, m) => total + Number(m[1]), 0);
  return {
    panics: sum(/^panics_total (\S+)$/gm),
    timeouts: sum(/^http_request_timeouts_total (\S+)$/gm),
    serverErrors: sum(/^http_requests_total\{[^}]*status="5\d\d"\} (\S+)$/gm),
  };
}
const [ma, mb] = [await metrics(a.base), await metrics(b.base)];
const requests = ra.requests.total + rb.requests.total;
const errors = ra.errors + rb.errors + ra.timeouts + rb.timeouts;
const non2xx = ra.non2xx + rb.non2xx;
console.log(`${seconds} s, ${connections} connections over two app servers on one SurrealDB server (ws://), ${paths.length} paths`);
console.log(`requests ${requests} (${(requests / seconds).toFixed(0)}/s), p50 ${ra.latency.p50}/${rb.latency.p50} ms, p99 ${ra.latency.p99}/${rb.latency.p99} ms (A/B)`);
console.log(`transport errors and timeouts ${errors}, non-2xx ${non2xx}`);
console.log(`staff edits: ${edits.published} published on A, ${edits.failed} failed, ${edits.seenOnB} found on B (slowest after ${edits.worstSeenMs} ms), ${edits.unseen} not found within 5 s`);
console.log(`abandoned requests: ${abandoned.started} started, ${abandoned.cut} cut off before their answer was complete`);
console.log(`app metrics: panics ${ma.panics + mb.panics}, request timeouts ${ma.timeouts + mb.timeouts}, 5xx ${ma.serverErrors + mb.serverErrors}`);
console.log(`peak resident memory: SurrealDB ${peaks.db.toFixed(0)} MB (limit ${maxDbMb}), app A ${peaks.a.toFixed(0)} MB, app B ${peaks.b.toFixed(0)} MB (limit ${maxAppMb})`);
const failures = [
  errors > 0 && 'transport errors or timeouts',
  non2xx > 0 && 'unexpected statuses',
  edits.failed > 0 && 'failed edits',
  edits.unseen > 0 && 'edits not found on the other server',
  edits.published === 0 && 'no edit published',
  ma.panics + mb.panics > 0 && 'panics',
  ma.timeouts + mb.timeouts > 0 && 'request timeouts',
  ma.serverErrors + mb.serverErrors > 0 && '5xx answers',
  peaks.db > maxDbMb && 'database server memory over its limit',
  Math.max(peaks.a, peaks.b) > maxAppMb && 'app memory over its limit',
].filter(Boolean);
a.stop();
b.stop();
await new Promise((r) => setTimeout(r, 500));
await surreal.stop();
if (failures.length) {
  console.error(`FAILED: ${failures.join(', ')}`);
  process.exit(1);
}
process.exit(0);
