#!/usr/bin/env bash
# Installs the host's browser libraries from npm and lays them out in wwwroot/lib (git-ignored), served locally:
# no CDN at run time. Used by build/lib.sh (ensure_frontend) and docker/Dockerfile, so both ship the same files.
# Usage: frontend.sh HOST_PROJECT_DIR
set -euo pipefail
web="$(cd "$1" && pwd)"
if [ ! -d "$web/node_modules" ] || [ "$web/package.json" -nt "$web/node_modules/.installed" ]; then
  echo "==> Installing front-end packages (npm)" >&2
  (cd "$web" && npm install --no-audit --no-fund --loglevel=error >/dev/null && touch node_modules/.installed)
fi

nm="$web/node_modules"
lib="$web/wwwroot/lib"
mkdir -p "$lib/fullcalendar/themes/monarch/palettes" "$lib/html5-qrcode" "$lib/quick-add" "$lib/chartjs" "$lib/barcode-detector"

# FullCalendar 7: one global script (Temporal shim included), the skeleton stylesheet, and the Monarch theme
# (Material-like, next to MudBlazor) with its blue palette; the theme script registers itself on the global.
cp "$nm/fullcalendar/all/global.js" "$nm/fullcalendar/skeleton.css" "$lib/fullcalendar/"
cp "$nm/fullcalendar/themes/monarch/global.js" "$nm/fullcalendar/themes/monarch/theme.css" "$lib/fullcalendar/themes/monarch/"
cp "$nm/fullcalendar/themes/monarch/palettes/blue.css" "$lib/fullcalendar/themes/monarch/palettes/"

cp "$nm/html5-qrcode/html5-qrcode.min.js" "$lib/html5-qrcode/"

# The camera scanners' second decoder (ADR 0041): a BarcodeDetector backed by ZXing-C++ in WebAssembly where the browser
# has none, as one classic script (loaded before html5-qrcode, which looks for the global) and its .wasm beside it.
"$nm/.bin/esbuild" "$web/frontend/barcode-detector.js" --bundle --format=iife --minify --target=es2020 \
  --log-level=warning --outfile="$lib/barcode-detector/barcode-detector.js"
cp "$nm/zxing-wasm/dist/reader/zxing_reader.wasm" "$lib/barcode-detector/"

# Chart.js 4 (attendance trends, ADR 0031): its one UMD file, a global `Chart`, no dependencies to fetch.
cp "$nm/chart.js/dist/chart.umd.min.js" "$lib/chartjs/"

# Quick add: our parser and chrono-node's English locale as one ES module. The browser would otherwise fetch
# chrono's ~50 small modules one by one; esbuild (an npm package with its own binary) makes it one file.
"$nm/.bin/esbuild" "$web/frontend/quick-add.js" --bundle --format=esm --minify --target=es2020 \
  --log-level=warning --outfile="$lib/quick-add/quick-add.js"
