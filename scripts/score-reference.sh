#!/usr/bin/env bash
# Developer aid, not a test: scores the release CLI on the reference article kept beside the
# checkout (../shared, which a clone of this repository does not have) with its own scorer.
# Usage: scripts/score-reference.sh [GROUPS]   (default: the groups the value engine covers)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -f "$shared/tools/claimscore.py" ]; then
  echo "score-reference: $shared/tools/claimscore.py not found; this aid needs the shared folder" >&2
  exit 2
fi
groups=${1:-contract,offsets,values,dates,hedges,counted,negatives}
cargo build --release --quiet
run=$(mktemp)
trap 'rm -f "$run"' EXIT
./target/release/claimlens --date 2020-01-27 --format json "$shared/fixtures/seed-article.txt" >"$run"
python3 "$shared/tools/claimscore.py" "$shared/fixtures/seed-article.gold.json" "$shared/fixtures/seed-article.txt" "$run" --groups "$groups"
