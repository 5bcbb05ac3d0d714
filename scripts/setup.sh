#!/usr/bin/env bash
# Installs what the project needs and a fresh machine may lack. Safe to run again: each step is
# skipped when its tool is already there.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

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
fi
