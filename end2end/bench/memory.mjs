// Memory benchmark: does the server give back what a request takes?
//
// Starts the release server on a fresh in-memory database, warms every page type up,
// then sends a fixed number of requests to each page type (both languages) and to the
// API, and prints the server's resident memory (VmRSS) after the warm-up, after each page
// type, and after 10 s idle. With --max-growth-mb it exits 1 when RSS after the run or
// after the idle pause exceeds the warmed-up RSS by more than that bound.
//
//   node bench/memory.mjs --server ../target/release/server --requests 100000
//   node bench/memory.mjs --server … --requests 5000 --max-growth-mb 40   (the test command)
//
// The load comes from autocannon (HTTP/1.1 keep-alive), on loopback only.

import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs, startServer } from './server.mjs';

const args = parseArgs();
const serverBin = args.server ?? process.env.SERVER_BIN;
const requests = Number(args.requests ?? 50000);
const warmup = Number(args.warmup ?? Math.min(requests, 5000));
const connections = Number(args.connections ?? 16);
const maxGrowthMb = args['max-growth-mb'] === undefined ? null : Number(args['max-growth-mb']);
const idleSeconds = Number(args['idle-seconds'] ?? 10);
const timeLimit = Number(args['time-limit-s'] ?? 600); // per page type: bounded in time
const port = Number(args.port ?? 3197);
const base = `http://127.0.0.1:${port}`;
if (!serverBin) {
  console.error('usage: node bench/memory.mjs --server PATH [--requests N] [--max-growth-mb MB]');
  process.exit(2);
}

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.replace(/\D+/g, '')) / 1024;
};

let distinct = 0;
/** Page types, each with its paths in both languages (cycled per connection). */
async function pageTypes() {
  const api = await (await fetch(`${base}/api/v1/services?q=gare&per_page=1`)).json();
  const serviceId = api.results?.[0]?.id ?? api.items?.[0]?.id ?? api.data?.[0]?.id;
  if (!serviceId) throw new Error('no service id from the API');
  return [
    { name: 'home', paths: ['/nl', '/fr'] },
    { name: 'municipality list', paths: ['/nl/gemeenten', '/fr/communes?q=comines'] },
    { name: 'municipality profile', paths: ['/nl/gemeenten/33029', '/fr/communes/59350'] },
    { name: 'services search', paths: ['/nl/diensten?q=gemeentehuis', '/fr/services?q=gare&country=BE'] },
    { name: 'services near a place', paths: ['/nl/diensten?near=Wervik&radius=10', '/fr/services?near=Lille&radius=25'] },
    { name: 'service detail', paths: [`/nl/diensten/${serviceId}`, `/fr/services/${serviceId}`] },
    { name: 'report form', paths: ['/nl/melden', '/fr/signaler?message=hallo'] },
    { name: 'about the data', paths: ['/nl/over-de-gegevens', '/fr/a-propos-des-donnees'] },
    { name: 'not found', paths: ['/nl/bestaat-niet', '/fr/nexiste-pas'], status: 404 },
    { name: 'API services', paths: ['/api/v1/services?q=gare', '/api/v1/services?near=Ieper&radius=20&lang=fr'] },
    { name: 'API municipality', paths: ['/api/v1/municipalities/33029', '/api/v1/municipalities?q=wervik'] },
    // Every request a new search text: the caches keyed by text must stay bounded.
    { name: 'distinct search texts', paths: ['/nl/diensten', '/fr/services'], distinct: true },
  ];
}

function run(type, amount) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        amount,
        duration: timeLimit,
        requests: type.paths.map((path) =>
          type.distinct
            ? {
                method: 'GET',
                setupRequest: (req) => ({ ...req, path: `${path}?q=${(distinct++).toString(36)}x${Math.random().toString(36).slice(2, 7)}` }),
              }
            : { method: 'GET', path },
        ),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}


let server;
try {
  server = await startServer({ bin: serverBin, port });
  const { child } = server;
  const types = await pageTypes();
  const started = rssMb(child.pid);
  console.log(`server pid ${child.pid}, RSS at start ${started.toFixed(1)} MB`);
  console.log(`warm-up: ${warmup} requests per page type, ${connections} connections`);
  for (const type of types) await run(type, warmup);
  await sleep(2000);
  const warm = rssMb(child.pid);
  console.log(`RSS after warm-up ${warm.toFixed(1)} MB\n`);
  console.log(`${requests} requests per page type:`);
  console.log('page type                  | req/s  | p99 ms | errors | RSS after (MB) | growth (MB)');
  console.log('---------------------------|--------|--------|--------|----------------|------------');
  let failed = false;
  for (const type of types) {
    const result = await run(type, requests);
    const rss = rssMb(child.pid);
    const expected = type.status ?? 200;
    const wrongStatus = result.requests.sent - (expected === 404 ? result['4xx'] : result['2xx']);
    const errors = result.errors + result.timeouts + Math.max(0, wrongStatus);
    if (errors > 0) failed = true;
    console.log(
      `${type.name.padEnd(27)}| ${String(Math.round(result.requests.average)).padStart(6)} | ${String(result.latency.p99).padStart(6)} | ${String(errors).padStart(6)} | ${rss.toFixed(1).padStart(14)} | ${(rss - warm).toFixed(1).padStart(10)}`,
    );
  }
  const after = rssMb(child.pid);
  await sleep(idleSeconds * 1000);
  const idle = rssMb(child.pid);
  console.log(`\nRSS: warmed up ${warm.toFixed(1)} MB, after ${after.toFixed(1)} MB (+${(after - warm).toFixed(1)}), after ${idleSeconds} s idle ${idle.toFixed(1)} MB (+${(idle - warm).toFixed(1)})`);
  if (failed) {
    console.error('some requests failed or answered an unexpected status');
    process.exitCode = 1;
  }
  if (maxGrowthMb !== null) {
    const growth = Math.max(after, idle) - warm;
    if (growth > maxGrowthMb) {
      console.error(`FAIL: RSS grew by ${growth.toFixed(1)} MB after warm-up (bound ${maxGrowthMb} MB)`);
      process.exitCode = 1;
    } else {
      console.log(`ok: RSS growth ${growth.toFixed(1)} MB after warm-up is within the ${maxGrowthMb} MB bound`);
    }
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  server?.stop();
}
