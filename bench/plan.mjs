// How much to measure: runs per text, and the limits that keep slow libraries from taking hours.

/**
 * `runs`: the runs wanted per text (after the first, cold call); `budgetMs`: stop repeating a text
 * once this much time went into it and at least `minRuns` are done; `singleRunLimitMs`: a text is
 * skipped when one run would take longer — estimated from the previous text at linear cost (a
 * lower bound for every engine here), or seen when a run overruns and its process is stopped.
 */
export function plan(quick) {
  return quick
    ? { runs: { article: 5, "100k": 3 }, minRuns: 1, budgetMs: 10_000, singleRunLimitMs: 20_000 }
    : { runs: { article: 21, "100k": 9, "1m": 5 }, minRuns: 3, budgetMs: 30_000, singleRunLimitMs: 60_000 };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
