#!/usr/bin/env bash
# The main job until the browser widget exists: build the command-line tool and show what it
# finds in the example article (a news story written for this project, published 2023-02-16).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cargo build --release --quiet
./target/release/claimlens --date 2023-02-16 tests/golden/flood-relief.txt
