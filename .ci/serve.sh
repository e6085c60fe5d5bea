#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it on
# http://127.0.0.1:3000 with the embedded SurrealKV database in ./data/db, seeded with
# the bundled data on first start. Stop with Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash .ci/setup.sh run
export PATH="$HOME/.cargo/bin:$(npm prefix -g)/bin:$PATH"
# The same target dir as the test command's: each reuses what the other built.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/grensdiensten/target}"
mkdir -p "$CARGO_TARGET_DIR"
export CARGO_INCREMENTAL=0
printf '\n==> building the release app (.ci/build.sh; first build: see README)\n'
bash .ci/build.sh
printf '\n==> serving on http://%s (database: %s)\n' "${LEPTOS_SITE_ADDR:-127.0.0.1:3000}" "${DATABASE_URL:-surrealkv://data/db}"
export LEPTOS_SITE_ROOT="$root/target/site" LEPTOS_SITE_PKG_DIR=pkg LEPTOS_OUTPUT_NAME=grensdiensten
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
exec "$CARGO_TARGET_DIR/release/server" serve
