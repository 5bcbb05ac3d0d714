// `npm run bench`: the same texts through claimlens (native, WebAssembly in Node, WebAssembly in
// headless Chromium) and through the JavaScript libraries a user would pick instead, in one run.
// Prints the tables, and writes docs/bench/results.md, results.json and time-vs-size.svg.
//
//   node bench/compare.mjs [--quick] [--no-native]
//   --quick      article and 100 KB only, few runs: a smoke check (writes to target/bench/ instead,
//                so the committed results stay those of a full run)
//   --no-native  leave out the Rust release build (no cargo)
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { chart } from "./chart.mjs";
import { runChromium } from "./chromium.mjs";
import { ENGINES } from "./engines.mjs";
import { runNative } from "./native.mjs";
import { runNodeEngine } from "./node-engines.mjs";
import { OUT, WEB } from "./paths.mjs";
import { plan } from "./plan.mjs";
import { tables, textLabel, toMarkdown, toText } from "./report.mjs";
import { alternativeSizes, claimlensSizes } from "./sizes.mjs";
import { REFERENCE_DATE, writeTexts } from "./texts.mjs";

const args = process.argv.slice(2);
const unknown = args.filter((a) => !["--quick", "--no-native"].includes(a));
if (unknown.length) {
  console.error(`unknown option ${unknown[0]}; usage: node bench/compare.mjs [--quick] [--no-native]`);
  process.exit(2);
}
const quick = args.includes("--quick");
const native = !args.includes("--no-native");
const outDir = quick ? OUT : "docs/bench";
const started = Date.now();
const log = (message) => console.error(`bench: ${message}`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const minutes = (msValue) => `${Math.floor(msValue / 60_000)} min ${Math.round((msValue % 60_000) / 1000)} s`;

// The browser bundle is someone else's build: use the one there is, build it only if missing.
if (!existsSync("dist/web/pkg/claimlens_bg.wasm")) {
  log("dist/web/pkg is missing: building it (scripts/build-web.sh)");
  execFileSync("bash", ["scripts/build-web.sh"], { stdio: ["ignore", 2, 2] });
}
rmSync(WEB, { recursive: true, force: true });
cpSync("dist/web", WEB, { recursive: true });
// The machine may be shared (builds, tests): its load is part of the conditions of the run.
const loadAverage = os.loadavg()[0];

const written = writeTexts();
const files = Object.fromEntries(Object.keys(plan(quick).runs).map((name) => [name, written[name]]));
const engines = [];

if (native) {
  log("claimlens native: cargo bench (a release build the first time: minutes)");
  const n = await runNative(files);
  engines.push({
    id: "claimlens-native",
    label: "claimlens native (release)",
    short: "native",
    claimlens: true,
    first: n.first,
    results: n.results,
    memory: { bytes: n.peakHeapBytes, what: "peak heap of one extraction (counting allocator), largest text" },
    download: null,
  });
}

log("claimlens wasm in headless Chromium");
const page = await runChromium(quick);
const browserDownload = claimlensSizes();
engines.push({
  id: "claimlens-chromium",
  label: "claimlens wasm (Chromium)",
  short: "wasm Chromium",
  claimlens: true,
  first: page.first,
  demo: page.demo,
  results: page.results,
  memory: {
    bytes: page.memory.wasmMemoryBytes + page.memory.jsHeapPeakBytes,
    what: `wasm memory ${mb(page.memory.wasmMemoryBytes)} + peak JS heap growth ${mb(page.memory.jsHeapPeakBytes)}`,
  },
  download: browserDownload,
});

const bundles = await alternativeSizes();
for (const [id, { label }] of Object.entries(ENGINES)) {
  log(`${label} in Node`);
  const r = await runNodeEngine(id, quick);
  const wasm = r.memory?.wasmMemoryBytes;
  engines.push({
    id,
    label,
    claimlens: id.startsWith("claimlens"),
    first: r.first,
    results: r.results,
    memory: r.memory && {
      bytes: r.memory.peakRssBytes,
      what: `growth of peak RSS over the RSS before the import, texts run${wasm ? ` (wasm memory ${mb(wasm)})` : ""}`,
    },
    download: bundles[id] ?? null,
  });
}

const texts = Object.fromEntries(Object.entries(files).map(([name, f]) => [name, { bytes: f.bytes }]));
for (const e of engines) {
  for (const [name, r] of Object.entries(e.results)) {
    if (r.skipped) continue;
    r.mbPerS = texts[name].bytes / 1e6 / (r.medianMs / 1000);
    r.valuesPerKB = r.values / (texts[name].bytes / 1000);
  }
}
const engineParts = browserDownload.parts.filter((p) => p.file.startsWith("pkg/"));
const run = {
  date: new Date().toISOString(),
  quick,
  machine: {
    cpu: os.cpus()[0].model,
    cores: os.cpus().length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    loadAverage: Number(loadAverage.toFixed(2)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: page.version,
    ...(native && { rustc: execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim() }),
  },
  referenceDate: REFERENCE_DATE,
  texts,
  engines,
  claimlensDownload: {
    ...browserDownload,
    engine: {
      rawBytes: engineParts.reduce((n, p) => n + p.rawBytes, 0),
      gzipBytes: engineParts.reduce((n, p) => n + p.gzipBytes, 0),
    },
  },
  elapsedMs: Date.now() - started,
};

const result = tables(run);
console.log(toText(result));
console.log(`\nwhole run: ${minutes(run.elapsedMs)}`);

mkdirSync(outDir, { recursive: true });
writeFileSync(`${outDir}/results.json`, `${JSON.stringify(run, null, 2)}\n`);
writeFileSync(`${outDir}/time-vs-size.svg`, chart(run));
writeFileSync(`${outDir}/results.md`, markdown(run, result));
log(`wrote ${outDir}/results.md, results.json and time-vs-size.svg`);

function markdown(r, result) {
  const m = r.machine;
  const textList = Object.keys(r.texts).map((n) => textLabel(r, n)).join(", ");
  return `# claimlens side by side

Written by \`npm run bench\` (\`bench/compare.mjs\`) on ${r.date.slice(0, 10)}; the whole run took ${minutes(r.elapsedMs)}.

- Machine: ${m.cpu}, ${m.cores} cores, ${m.memory}, ${m.os}; load average ${m.loadAverage} when the run began
- Node ${m.node}; Chromium ${m.chromium} (headless, Debian's)${m.rustc ? `; ${m.rustc}` : ""}
- Texts (\`bench/texts/\`, our own writing): ${textList}; reference date ${r.referenceDate}.
  The larger texts cycle through the five articles with their figures varied per round (\`bench/texts.mjs\`).

Every engine gets the same texts. claimlens runs natively (\`benches/throughput.rs\`), as WebAssembly in
Node and in headless Chromium (the JSON parse of its answer included, as the widget does); the others
run in Node, each in its own process. Times are medians of warm runs (after up to a second of untimed runs on the
article; the cold first call is the "first result" column); slow libraries get fewer runs
(the count is in brackets), and a text is skipped when one run would take over a minute. In Chromium,
whose clock ticks in 0.1 ms steps on a page that is not cross-origin isolated, a run of a short text is
a batch of calls lasting 5 ms or more, divided by its calls. The first result in Chromium is timed on
a page of the bench's server with no request interception: the widget (\`claimlens.js\`, one file)
imported, the engine's glue imported while the .wasm compiles as it streams in, then the first call
on the article.

Values found are distinct values: claimlens reports every figure, share, amount, measure, ratio,
rank, date and duration; compromise reports numbers (and, with its plugin, dates); chrono only dates;
Recognizers-Text numbers, percentages, currency amounts and dates. A number inside a date, a
percentage or an amount is not counted twice.

${toMarkdown(result)}

![Median time against input size, log-log](time-vs-size.svg)
`;
}
