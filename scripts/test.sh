#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to find: formatting and lints,
# the Rust suites (unit, corpus, golden articles, CLI, robustness, properties, doc examples), the
# fuzz targets for a bounded time, then the browser
# build and its tests in real browsers — the corpus and the JS boundary under wasm-pack in
# headless Chromium and Firefox, the demo end to end (Playwright in Chromium, WebDriver in
# Firefox) — and the extension: built for both browsers, linted, loaded in Chromium (Playwright)
# and installed in Firefox (WebDriver).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh --tests

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (native and wasm32) -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --lib --tests --target wasm32-unknown-unknown --quiet -- -D warnings

echo "== cargo test"
cargo test --all-targets --quiet
cargo test --doc --quiet

echo "== fuzz (cargo fuzz on nightly, ${FUZZ_SECONDS:-60} s per target)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"

echo "== browser bundle"
bash scripts/build-web.sh

echo "== wasm-pack test --headless --chrome --firefox"
wasm-pack test --headless --chrome --firefox

echo "== browser extension (Chromium, Firefox) and web-ext lint"
node scripts/build-extension.mjs
node scripts/build-extension.mjs --test
npx --no-install web-ext lint --source-dir dist/firefox --warnings-as-errors --output text

echo "== JavaScript unit tests (exports, claim memory)"
node --test tests/js/

echo "== end to end (the embed and the extension, in Chromium and Firefox)"
node --test --test-concurrency=1 tests/e2e/
