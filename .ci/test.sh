#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, clippy for both feature
# sets, unit and integration tests (SurrealDB mem://), and the Playwright suite in
# Debian Chromium against the release build with a fresh in-memory database.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$(npm prefix -g)/bin:$PATH"
# One target dir outside the clone is reused between runs when it exists (fast on a
# developer machine and on CI's machine); a clean machine simply starts it empty.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/grensdiensten/target}"
mkdir -p "$CARGO_TARGET_DIR"
step() { printf '\n==> %s\n' "$*"; }

# Debug info of the SurrealDB test binaries is huge; incremental caches of it filled
# 48 GB here. CI gains nothing from incremental builds.
export CARGO_INCREMENTAL=0

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "unit and integration tests (SurrealDB mem://, HTTP router)"
cargo test --workspace --features app/ssr

# Not yet in the gate (see the open note on issue 2): clippy -D warnings for both
# feature sets, the release build (cargo leptos build --release) and the Playwright
# suite in end2end/ against it. Run them by hand with:  bash .ci/e2e.sh
step "all gated tests passed"
