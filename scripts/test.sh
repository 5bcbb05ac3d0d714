#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to find: formatting and lints,
# the Rust suites (unit, corpus, golden articles, CLI, robustness, doc examples), then the browser
# build and its tests in real browsers — the corpus and the JS boundary under wasm-pack in
# headless Chromium and Firefox, and the demo end to end (Playwright in Chromium, WebDriver in
# Firefox).
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

echo "== browser bundle"
bash scripts/build-web.sh

echo "== wasm-pack test --headless --chrome --firefox"
wasm-pack test --headless --chrome --firefox

echo "== end to end (Chromium, Firefox)"
node --test --test-concurrency=1 tests/e2e/
