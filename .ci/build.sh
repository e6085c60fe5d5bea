#!/usr/bin/env bash
# The release build, as `cargo leptos build --release` makes it, without compiling
# cargo-leptos (10 of a fresh clone's minutes here): the browser bundle (wasm-bindgen,
# wasm-opt -Oz), the stylesheet and the public files in target/site, every /pkg file
# named by its content hash (MD5, base64url, as cargo-leptos names them), the hashes in
# hash.txt beside the server binary, then the server's release build. The same
# environment as cargo-leptos gives the compiler, so each reuses what the other built.
# BUILD_TIMINGS=1 writes cargo's timing report of the server build (cargo-timings/).
# Needs CARGO_TARGET_DIR, wasm-bindgen (the version in Cargo.lock) and wasm-opt (setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${CARGO_TARGET_DIR:?set CARGO_TARGET_DIR}"
name=grensdiensten
site="$root/target/site"
export LEPTOS_OUTPUT_NAME=$name LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg \
  LEPTOS_SITE_ADDR=127.0.0.1:3000 LEPTOS_RELOAD_PORT=3001 LEPTOS_LIB_DIR=app LEPTOS_BIN_DIR=server \
  LEPTOS_JS_MINIFY=true LEPTOS_HASH_FILES=true LEPTOS_HASH_FILE_NAME=hash.txt

printf '  browser bundle (app, hydrate, wasm32, profile wasm-release)\n'
cargo build --package=app --lib --target-dir="$CARGO_TARGET_DIR/front" --target=wasm32-unknown-unknown \
  --no-default-features --features=hydrate --profile=wasm-release
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target=web --out-name="$name" --out-dir="$out" --no-typescript \
  "$CARGO_TARGET_DIR/front/wasm32-unknown-unknown/wasm-release/app.wasm"
wasm-opt -Oz --converge --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int "$out/${name}_bg.wasm" -o "$out/$name.wasm"
cp style/main.css "$out/$name.css"

# Content hashes: the names change when the bytes do, so browsers may keep them a year.
hash_of() { node -e "process.stdout.write(require('crypto').createHash('md5').update(require('fs').readFileSync(process.argv[1])).digest('base64url'))" "$1"; }
wasm_hash="$(hash_of "$out/$name.wasm")"
css_hash="$(hash_of "$out/$name.css")"
# The loader names its wasm; the page names both, from hash.txt.
sed -i "s/${name}_bg\.wasm/${name}.${wasm_hash}.wasm/g" "$out/$name.js"
js_hash="$(hash_of "$out/$name.js")"
rm -rf "$site/pkg"
mkdir -p "$site/pkg"
cp -r app/public/. "$site/"
cp "$out/$name.wasm" "$site/pkg/$name.$wasm_hash.wasm"
cp "$out/$name.css" "$site/pkg/$name.$css_hash.css"
cp "$out/$name.js" "$site/pkg/$name.$js_hash.js"
mkdir -p "$CARGO_TARGET_DIR/release"
printf 'js: %s\nwasm: %s\ncss: %s\n' "$js_hash" "$wasm_hash" "$css_hash" >"$CARGO_TARGET_DIR/release/hash.txt"

printf '  server (release)\n'
cargo build --package=server --bin=server --release ${BUILD_TIMINGS:+--timings}
printf '  site: %s, server: %s\n' "$site" "$CARGO_TARGET_DIR/release/server"
