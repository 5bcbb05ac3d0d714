#!/usr/bin/env bash
# Installs what the project needs and a fresh machine may lack. Safe to run again: each step is
# skipped when its tool is already there. Browsers come from Debian's packages (nothing here
# downloads a browser of its own); Rust tools from crates.io; JS tools from npm (package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PATH"

# Must equal the exact wasm-bindgen version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130

if ! have cargo; then
  echo "setup: cargo is missing; install Rust with rustup (https://rustup.rs) first" >&2
  exit 1
fi
if have rustup; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
      echo "setup: installing the ${component} component"
      rustup component add "${component}"
    fi
  done
  if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    echo "setup: installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\$"; then
  echo "setup: installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (a few minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

# The npm tools the builds use (esbuild, binaryen's wasm-opt) and the tests use (Playwright,
# selenium-webdriver, axe-core, web-ext), pinned by package-lock.json.
if ! have node; then
  echo "setup: node is missing (install Node.js 18 or later)" >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing the npm packages"
  npm ci --no-audit --no-fund --silent
fi

# What only the tests need: browsers, their drivers, wasm-pack.
if [ "${1:-}" = "--tests" ]; then
  if ! have chromium || ! have chromedriver || ! have firefox-esr; then
    if [ "$(id -u)" = "0" ] && have apt-get; then
      echo "setup: installing Chromium, ChromeDriver and Firefox ESR from Debian"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
    else
      echo "setup: the tests need chromium, chromedriver and firefox-esr; install them (apt-get install chromium chromium-driver firefox-esr)" >&2
      exit 1
    fi
  fi
  if ! have wasm-pack; then
    echo "setup: installing wasm-pack (a few minutes, once)"
    cargo install --quiet wasm-pack --locked
  fi
  if ! have geckodriver; then
    echo "setup: installing geckodriver (a few minutes, once)"
    cargo install --quiet geckodriver
  fi
  # The fuzzers: cargo fuzz (libFuzzer) needs a nightly toolchain for its sanitizer flags.
  if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "setup: installing the nightly toolchain for the fuzzers"
    rustup toolchain install nightly --profile minimal
  fi
  if ! have cargo-fuzz; then
    echo "setup: installing cargo-fuzz (a few minutes, once)"
    cargo install --quiet cargo-fuzz --locked
  fi
fi
