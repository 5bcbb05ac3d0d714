#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for SECONDS each (default 60) with cargo fuzz on
# nightly, from a seed corpus of the project's own texts and every input the fuzzers failed on
# before. A target that finds an input breaking an invariant fails the run and leaves the input
# in fuzz/artifacts/TARGET/: minimise it (cargo +nightly fuzz tmin TARGET FILE), fix the bug, and
# keep the input in tests/fuzz-regressions/TARGET/ under a name that says what it broke.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-60}
for target in extract extract_nodes; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  cp tests/golden/*.txt bench/texts/*.txt "$corpus"/
  find "tests/fuzz-regressions/$target" -type f ! -name '*.md' ! -name '.*' -exec cp {} "$corpus"/ \;
  echo "== fuzz: $target for ${seconds} s"
  log=fuzz/corpus/$target.log
  # No sanitizer: the engine has no unsafe code, and safe Rust already stops on every bug the
  # invariants and debug assertions (on in fuzz builds) describe; several times more inputs a second.
  status=0
  cargo +nightly fuzz run --sanitizer none "$target" "$corpus" -- \
    -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E '^(Done|stat::peak_rss_mb)|panicked|^thread|Test unit written|SUMMARY' "$log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $target failed (exit $status); the input is in fuzz/artifacts/$target/, the log in $log" >&2
    exit 1
  fi
done
