#!/usr/bin/env bash
# Builds the browser bundle into dist/web/: claimlens.js (the entry), lib/, pkg/ (the engine's
# .wasm and its glue), claimlens.css, claimlens.d.ts, and the demo page. Installs the wasm32
# target and the wasm-bindgen CLI when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Must equal the exact wasm-bindgen version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  echo "build-web: installing the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  echo "build-web: installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

cargo build --quiet --lib --target wasm32-unknown-unknown --profile wasm
rm -rf dist/web
mkdir -p dist/web/pkg dist/web/lib dist/web/demo
wasm-bindgen --target web --no-typescript --out-dir dist/web/pkg --out-name claimlens \
  target/wasm32-unknown-unknown/wasm/claimlens.wasm
cp www/claimlens.js www/claimlens.css www/claimlens.d.ts dist/web/
cp www/lib/*.js dist/web/lib/
node scripts/build-demo.mjs tests/golden/flood-relief.txt tests/golden/flood-relief.gold.json dist/web/demo/index.html

raw=$(wc -c < dist/web/pkg/claimlens_bg.wasm)
gz=$(gzip -9 -c dist/web/pkg/claimlens_bg.wasm | wc -c)
echo "build-web: dist/web ready · claimlens_bg.wasm ${raw} bytes, ${gz} gzipped"
