// Import benchmark: how long `server import` takes to check and to commit a large CSV.
//
// Makes a file of N new services from the bundled data (each row of services_seed.csv
// repeated with a numbered name, so every row is valid and new), then, on a fresh
// embedded database (SurrealKV in a temporary directory, seeded by `server seed`), times
// `server import FILE --dry-run` and `server import FILE` (one transaction).
//
//   node bench/import.mjs --server ../target/release/server [--rows 10000]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from './server.mjs';

const args = parseArgs();
const serverBin = args.server ?? process.env.SERVER_BIN;
const rows = Number(args.rows ?? 10000);
if (!serverBin) {
  console.error('usage: node bench/import.mjs --server PATH [--rows 10000]');
  process.exit(2);
}

/** The records of a CSV text (quoted fields with commas, quotes and line breaks). */
function parseCsv(text) {
  const records = [];
  let record = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n') { record.push(field.replace(/\r$/, '')); records.push(record); record = []; field = ''; }
    else field += c;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

const cell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const seed = parseCsv(readFileSync(new URL('../../app/data/services_seed.csv', import.meta.url), 'utf8'));
const [header, ...data] = seed;
const nameFr = header.indexOf('name_fr'), nameNl = header.indexOf('name_nl');
const lines = [header.join(',')];
for (let i = 0; i < rows; i++) {
  const row = [...data[i % data.length]];
  row[nameFr] = `${row[nameFr]} (import ${i + 1})`;
  row[nameNl] = `${row[nameNl]} (import ${i + 1})`;
  lines.push(row.map(cell).join(','));
}

const dir = mkdtempSync(join(tmpdir(), 'grensdiensten-import-'));
const file = join(dir, 'services.csv');
writeFileSync(file, lines.join('\n') + '\n');
const env = { ...process.env, DATABASE_URL: `surrealkv://${join(dir, 'db')}`, RUST_LOG: 'warn' };
const run = (...a) => {
  const start = process.hrtime.bigint();
  const out = execFileSync(serverBin, a, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, out };
};
try {
  run('seed');
  const size = (readFileSync(file).length / 1024 / 1024).toFixed(1);
  const dry = run('import', file, '--dry-run');
  const commit = run('import', file);
  console.log(`${rows} new services (${size} MB CSV), SurrealKV, one transaction`);
  console.log(`dry run (check every row):   ${dry.seconds.toFixed(1)} s`);
  console.log(`import (check, then commit): ${commit.seconds.toFixed(1)} s`);
  console.log(commit.out.trim().split('\n').slice(-3).join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
