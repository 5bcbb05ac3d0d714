#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to find: formatting, lints,
# then the Rust test suites (unit, corpus, golden articles, CLI, robustness, doc examples).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --quiet -- -D warnings

echo "== cargo test"
cargo test --all-targets --quiet
cargo test --doc --quiet
