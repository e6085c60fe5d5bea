// Prints the size of every wasm bundle of the site (raw, gzip -9, brotli) and exits 1
// when one is over the limit (KB of gzip), so that a change cannot quietly grow it.
//   node .ci/wasm-size.mjs target/site/pkg 660
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [dir = 'target/site/pkg', limitArg] = process.argv.slice(2);
const limitKb = Number(limitArg ?? Infinity);
const kb = (n) => (n / 1024).toFixed(0).padStart(6);
let over = false;
const files = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
if (files.length === 0) {
  console.error(`no .wasm in ${dir}`);
  process.exit(1);
}
console.log('bundle                                        raw KB gzip KB brotli KB');
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${file.padEnd(44)}${kb(bytes.length)}${kb(gzip)}${kb(brotli)}`);
  if (gzip / 1024 > limitKb) {
    console.error(`${file}: ${(gzip / 1024).toFixed(0)} KB gzip is over the limit of ${limitKb} KB`);
    over = true;
  }
}
process.exit(over ? 1 : 0);
