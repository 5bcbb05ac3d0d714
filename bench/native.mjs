// claimlens's release build, natively: benches/throughput.rs times the same text files and writes
// JSON. Cargo's progress and the bench's own table go to stderr, out of the way of ours.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { OUT } from "./paths.mjs";
import { REFERENCE_DATE } from "./texts.mjs";

/** Resolves to { first, results: { TEXT: {runs, medianMs, values} }, peakHeapBytes }. */
export async function runNative(files) {
  const out = `${OUT}/native.json`;
  const args = ["bench", "--bench", "throughput", "--", "--date", REFERENCE_DATE, "--json", out];
  const names = Object.keys(files);
  await new Promise((resolve, reject) => {
    const child = spawn("cargo", [...args, ...names.map((n) => files[n].path)], { stdio: ["ignore", 2, 2] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`cargo bench exited with ${code}`))));
  });
  const measured = JSON.parse(readFileSync(out, "utf8")).results;
  const results = Object.fromEntries(
    measured.map((m, i) => [names[i], { runs: m.runs, medianMs: m.medianMs, values: m.values }]),
  );
  // The article comes first, so its first run is the first call of a fresh process.
  return {
    first: { ms: measured[0].firstMs, values: measured[0].values },
    results,
    peakHeapBytes: Math.max(...measured.map((m) => m.peakHeapBytes)),
  };
}
