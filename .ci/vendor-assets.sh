#!/usr/bin/env bash
# Vendor browser libraries (Leaflet) into app/public/vendor/ so the app serves them
# itself (SPEC §4: never from a CDN). cargo-leptos copies app/public into the site
# root, so the files end up at /vendor/leaflet/... . Idempotent; safe to run repeatedly.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$root/app"
pkg="$app/node_modules/leaflet"
dest="$app/public/vendor/leaflet"
cluster="$app/node_modules/leaflet.markercluster"

# npm keeps its own copy of the lock in node_modules/.package-lock.json; if the
# committed lock is newer, the installed tree may be stale.
stamp="$app/node_modules/.package-lock.json"
if [[ ! -d "$pkg" || ! -d "$cluster" || ! -f "$stamp" || "$app/package-lock.json" -nt "$stamp" ]]; then
  echo "vendor-assets: npm ci --prefix app"
  npm ci --prefix "$app" --no-audit --no-fund
else
  echo "vendor-assets: app/node_modules/leaflet is up to date, skipping npm ci"
fi

version="$(node -p "require('$pkg/package.json').version" 2>/dev/null || echo '?')"
echo "vendor-assets: copying leaflet $version -> ${dest#"$root/"}/"
mkdir -p "$dest/images"
cp "$pkg/dist/leaflet.js" "$pkg/dist/leaflet.css" "$pkg/LICENSE" "$dest/"
cp "$pkg/dist/images/"* "$dest/images/"
cluster_version="$(node -p "require('$cluster/package.json').version" 2>/dev/null || echo '?')"
echo "vendor-assets: copying leaflet.markercluster $cluster_version -> ${dest#"$root/"}/"
cp "$cluster/dist/leaflet.markercluster.js" "$cluster/dist/MarkerCluster.css" "$dest/"
cp "$cluster/MIT-LICENCE.txt" "$dest/LICENSE.markercluster" 2>/dev/null || cp "$cluster/LICENSE"* "$dest/LICENSE.markercluster"
ls -1 "$dest" "$dest/images" | sed 's/^/  /'
echo "vendor-assets: done"
