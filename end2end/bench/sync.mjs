// What SurrealKV's sync setting costs: residents' reports (one write transaction each,
// the app's most frequent write) sent by many clients at once to the release server on an
// embedded SurrealKV directory, once per DATABASE_SYNC value.
//
// `every`: each commit waits for its log to reach the disk (grouped with the commits
// arriving meanwhile), so an acknowledged report survives a power cut. `1s`: the log is
// synced once a second, so a power cut loses up to a second of acknowledged writes (a
// process kill loses nothing: the OS still holds them). `never`: the OS decides.
//
//   node bench/sync.mjs --server ../target/release/server [--seconds 15] [--connections 8] [--modes every,1s,never]

import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, startServer } from './server.mjs';

const args = parseArgs();
const bin = args.server ?? process.env.SERVER_BIN;
const seconds = Number(args.seconds ?? 15);
const connections = Number(args.connections ?? 8);
const modes = (args.modes ?? 'every,1s,never').split(',');
const port = Number(args.port ?? 3295);
if (!bin) {
  console.error('usage: node bench/sync.mjs --server PATH [--seconds 15] [--connections 8]');
  process.exit(2);
}

const rows = [];
for (const mode of modes) {
  const dir = mkdtempSync(join(tmpdir(), 'grensdiensten-sync-'));
  const server = await startServer({
    bin,
    port,
    env: { DATABASE_URL: `surrealkv://${join(dir, 'db')}`, DATABASE_SYNC: mode, REPORT_RATE_LIMIT: '100000000', BACKUP_EVERY_HOURS: '0' },
  });
  // The report form's server function, as a browser without JavaScript posts it.
  const page = await (await fetch(`${server.base}/nl/melden`)).text();
  const action = /<form[^>]*action="([^"]*report[^"]*)"/i.exec(page)?.[1] ?? /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(page)?.[1];
  if (!action) throw new Error('no report form found');
  let n = 0;
  const result = await autocannon({
    url: server.base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: action,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        setupRequest: (request) => {
          n += 1;
          request.body = new URLSearchParams({
            lang: 'nl', 'form[service]': '', 'form[kind]': 'missing', 'form[email]': '', 'form[website]': '',
            'form[message]': `Synctest ${mode} ${n}: het postkantoor van Menen ontbreekt.`,
          }).toString();
          return request;
        },
      },
    ],
  });
  server.stop();
  await new Promise((r) => server.child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  const acknowledged = result['3xx'];
  rows.push({ mode, perSecond: acknowledged / seconds, p50: result.latency.p50, p99: result.latency.p99, other: result.non2xx - acknowledged + result.errors });
}

console.log(`reports from ${connections} clients for ${seconds} s per setting, release server, SurrealKV on this disk`);
console.log('| DATABASE_SYNC | reports acknowledged/s | p50 ms | p99 ms | other answers |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| \`${r.mode}\` | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.other} |`);
if (rows.some((r) => r.other > 0 || r.perSecond === 0)) process.exit(1);
