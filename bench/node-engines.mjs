// Runs each Node engine in its own process (bench/engine-run.mjs) and gathers what it reports.
// A run that overruns the single-run limit is stopped here: a synchronous library call cannot be
// interrupted from inside its own process.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { plan } from "./plan.mjs";

/** Resolves to { first, results: { TEXT: {runs, medianMs, values} | {skipped} }, memory }. */
export function runNodeEngine(id, quick) {
  const { runs, singleRunLimitMs } = plan(quick);
  const args = ["bench/engine-run.mjs", id, ...(quick ? ["--quick"] : [])];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const out = { first: null, results: {}, memory: null };
  let current = "the first call";
  let stopped = false;
  let watchdog;
  const arm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stopped = true;
      child.kill("SIGKILL");
    }, singleRunLimitMs);
  };
  arm();
  createInterface({ input: child.stdout }).on("line", (line) => {
    arm();
    const m = JSON.parse(line);
    if (m.first) out.first = m.first;
    if (m.start) current = m.start;
    if (m.result || m.skipped) out.results[m.text] = m.result ?? { skipped: m.skipped };
    if (m.memory) out.memory = m.memory;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(watchdog);
      const limit = `${singleRunLimitMs / 1000} s`;
      if (stopped) {
        out.first ??= { skipped: `the first call took over ${limit}: stopped` };
        for (const name of Object.keys(runs).filter((n) => !out.results[n])) {
          out.results[name] = {
            skipped: name === current ? `one run took over ${limit}: stopped` : `not run: a smaller text took over ${limit}`,
          };
        }
      } else if (code !== 0) {
        reject(new Error(`engine ${id} exited with ${code}`));
        return;
      }
      resolve(out);
    });
  });
}
