// One engine in a fresh Node process, so that its modules load cold: the time to its first result
// (import + first call on the article), then warm medians per text, then its peak memory.
// Reports to bench/compare.mjs as one JSON object per line on stdout:
//   {first: {ms, values}} · {start: TEXT} · {text, run: ms} · {text, result: {runs, medianMs, values}}
//   · {text, skipped: REASON} · {memory: {peakRssBytes, wasmMemoryBytes?}}
// By hand: node bench/engine-run.mjs ENGINE [--quick]   (after compare.mjs filled target/bench/)
import { readFileSync } from "node:fs";
import { ENGINES } from "./engines.mjs";
import { OUT } from "./paths.mjs";
import { median, plan } from "./plan.mjs";

const [id, ...flags] = process.argv.slice(2);
if (!ENGINES[id]) {
  console.error(`usage: node bench/engine-run.mjs ${Object.keys(ENGINES).join("|")} [--quick]`);
  process.exit(2);
}
const { runs, minRuns, budgetMs, singleRunLimitMs } = plan(flags.includes("--quick"));
const texts = Object.keys(runs).map((name) => ({ name, text: readFileSync(`${OUT}/${name}.txt`, "utf8") }));
const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

// Peak memory is the growth of the resident set from here (texts read, engine not yet imported)
// to the highest it reached: the library's code and data plus its working memory.
const rssBefore = process.memoryUsage().rss;

const started = performance.now();
const engine = await ENGINES[id].load();
const firstValues = engine.run(texts[0].text);
say({ first: { ms: performance.now() - started, values: firstValues } });

// Warm-up, untimed: the article again until the JIT (and WebAssembly's tier-up) has settled,
// for up to a second or 10 runs; the larger texts then meet warm code.
for (let k = 0, until = performance.now() + 1000; k < 10 && performance.now() < until; k += 1) engine.run(texts[0].text);

let previous = null;
for (const { name, text } of texts) {
  const bytes = Buffer.byteLength(text);
  // Linear cost is a lower bound here: no engine gets cheaper per byte on longer text.
  const estimate = previous && (previous.medianMs * bytes) / previous.bytes;
  if (estimate > singleRunLimitMs) {
    const why = `at the ${previous.name} text's speed one run would take ${seconds(estimate)} or more`;
    say({ text: name, skipped: `${why}, over the ${seconds(singleRunLimitMs)} limit` });
    continue;
  }
  say({ start: name });
  const times = [];
  let values = 0;
  while (times.length < runs[name] && (times.length < minRuns || times.reduce((a, b) => a + b, 0) < budgetMs)) {
    const t = performance.now();
    values = engine.run(text);
    times.push(performance.now() - t);
    say({ text: name, run: times.at(-1) });
  }
  say({ text: name, result: { runs: times.length, medianMs: median(times), values } });
  say({
    memory: {
      peakRssBytes: process.resourceUsage().maxRSS * 1024 - rssBefore,
      ...(engine.wasmMemoryBytes && { wasmMemoryBytes: engine.wasmMemoryBytes() }),
    },
  });
  previous = { name, bytes, medianMs: median(times) };
}
process.exit(0);
