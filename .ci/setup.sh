#!/usr/bin/env bash
# Installs whatever is missing to build and test the app on Debian, from the package
# registries only (apt, the Rust package registry, npm; rustup for the wasm target). Idempotent: each
# step is skipped when its tool is already there at the right version. `setup.sh run`
# installs only what building and running the app needs (the run command): no browser,
# SMTP server, load generator or Playwright packages.
set -euo pipefail
scope="${1:-all}"
case "$scope" in all | run) ;; *) echo "usage: setup.sh [all|run]" >&2; exit 2 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { printf '\n==> %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

BINARYEN_VERSION=132.0.0
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

apt_install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; fi
}

say "system packages"
missing=()
command -v node >/dev/null || missing+=(nodejs npm)
command -v cc >/dev/null || missing+=(build-essential)
command -v curl >/dev/null || missing+=(curl)
if [ "$scope" = all ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v wrk >/dev/null || missing+=(wrk)  # the load benchmark (end2end/bench/load.mjs)
  # A real SMTP server for the tests (the app's letters are read back from its Maildir).
  # Debian's package is for Debian's python3 (/usr/bin/python3), which the tests use even
  # where another python3 comes first on PATH (pyenv).
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
fi
if [ ${#missing[@]} -gt 0 ]; then echo "installing: ${missing[*]}"; apt_install "${missing[@]}"
elif [ "$scope" = all ]; then echo "chromium, node, cc, curl, wrk, aiosmtpd: present"
else echo "node, cc, curl: present"; fi

say "Rust toolchain and wasm target"
if ! command -v rustup >/dev/null; then
  echo "installing rustup"
  apt_install rustup 2>/dev/null || { echo "rustup is required (https://rustup.rs is not reachable here)"; exit 1; }
fi
toolchain=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
rustup toolchain list | grep -q "^$toolchain" || rustup toolchain install "$toolchain" --profile minimal -c rustfmt,clippy
rustup component add --toolchain "$toolchain" rustfmt clippy >/dev/null 2>&1 || true
rustup target list --installed --toolchain "$toolchain" | grep -q wasm32-unknown-unknown \
  || rustup target add --toolchain "$toolchain" wasm32-unknown-unknown
echo "rust $toolchain with wasm32-unknown-unknown: ready"

# cargo-leptos is not needed: .ci/build.sh makes the same release build (compiling
# cargo-leptos took 10 of a fresh clone's minutes). Developers who use it install it
# with: cargo install --locked cargo-leptos@=0.3.10 --features no_downloads
say "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then echo "present"
else cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"; fi

say "wasm-opt (binaryen $BINARYEN_VERSION from npm; Debian's 108 breaks hydration)"
npm_bin="$(npm prefix -g)/bin"
export PATH="$npm_bin:$PATH"
if "$npm_bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then echo "present"
else npm install -g --no-audit --no-fund "binaryen@$BINARYEN_VERSION"; fi

say "browser libraries (Leaflet from npm, served by the app)"
bash .ci/vendor-assets.sh

[ "$scope" = run ] && { echo "setup complete (what the run command needs)"; exit 0; }

say "end-to-end test packages"
if [ -d end2end/node_modules/@playwright/test ] && [ end2end/node_modules/.package-lock.json -nt end2end/package-lock.json ]; then echo "present"
else (cd end2end && npm ci --no-audit --no-fund); fi
echo "setup complete"
