// Where a run keeps its working files.

/** The texts, the native run's JSON, and --quick results. */
export const OUT = "target/bench";

/**
 * A copy of dist/web taken when a run starts: every claimlens measurement of the run (Node,
 * Chromium, download sizes) uses it, so a rebuild of dist/web during the run cannot mix two builds.
 */
export const WEB = `${OUT}/web`;
