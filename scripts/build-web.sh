#!/usr/bin/env bash
# Builds the browser bundle into dist/web/: claimlens.js (the entry), lib/, pkg/ (the engine's
# .wasm and its glue), claimlens.css, claimlens.d.ts, and the demo page. scripts/setup.sh
# installs the wasm32 target and the wasm-bindgen CLI when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh

# The browser's allocator (rlsf's TLSF): see the feature in Cargo.toml.
cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm --features browser-allocator
rm -rf dist/web
mkdir -p dist/web/pkg dist/web/lib dist/web/demo
wasm-bindgen --target web --no-typescript --out-dir dist/web/pkg --out-name claimlens \
  target/wasm32-unknown-unknown/wasm/claimlens.wasm
# Binaryen's optimiser for size (npm package binaryen): about a quarter off the raw file and 14 %
# off the gzipped one. The producers, debug and target-features sections are for tools, not
# browsers. The feature flags are those rustc's wasm32 target emits. A function called
# from one place stays a function (-ocimfs 0): inlined, the page's whole pipeline became one 85 KB
# function, 2.9 KB larger gzipped (134.0 KB against 131.2 KB) and no faster in Chromium.
npx --no-install wasm-opt -Oz --one-caller-inline-max-function-size 0 --converge --strip-producers --strip-debug --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/web/pkg/claimlens_bg.wasm -o dist/web/pkg/claimlens_bg.wasm
# The widget's modules in one file (one request instead of a level of imports at a time), and
# lib/ minified file by file for what loads apart: the worker for long pages (lib/worker.js and
# what it imports) and anyone importing a module of lib/ on its own. Source maps beside them for
# the browser's developer tools.
npx --no-install esbuild www/lib/*.js --minify --sourcemap --log-level=warning --outbase=www --outdir=dist/web
npx --no-install esbuild www/claimlens.js --bundle --format=esm --minify --sourcemap --log-level=warning \
  --outfile=dist/web/claimlens.js
npx --no-install esbuild www/claimlens.css --minify --log-level=warning --outfile=dist/web/claimlens.css
npx --no-install esbuild dist/web/pkg/claimlens.js --minify --log-level=warning --allow-overwrite \
  --outfile=dist/web/pkg/claimlens.js
cp www/claimlens.d.ts dist/web/
node scripts/build-demo.mjs tests/golden/flood-relief.txt tests/golden/flood-relief.gold.json dist/web/demo/index.html

# What a page downloads for the widget, gzipped (lib/ comes only for long pages, read in a worker).
total=0
for f in pkg/claimlens_bg.wasm pkg/claimlens.js claimlens.js claimlens.css; do
  gz=$(gzip -9 -c "dist/web/$f" | wc -c)
  total=$((total + gz))
  printf '  %-22s %7d bytes, %6d gzipped\n' "$f" "$(wc -c < "dist/web/$f")" "$gz"
done
echo "build-web: dist/web ready · ${total} bytes gzipped in all"
