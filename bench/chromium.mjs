// claimlens's WebAssembly build in headless Chromium (Debian's, never downloaded), loaded the way
// the widget loads it (www/lib/engine.js): the glue module, then the .wasm fetched and compiled
// as it streams in, then `extract`, whose JSON text is parsed.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, serve } from "../tests/e2e/helpers.mjs";
import { OUT, WEB } from "./paths.mjs";
import { median, plan } from "./plan.mjs";
import { REFERENCE_DATE } from "./texts.mjs";

/** Resolves to { version, first, results: { TEXT: {runs, medianMs, values} }, memory }. */
export async function runChromium(quick) {
  const { runs } = plan(quick);
  const texts = Object.fromEntries(Object.keys(runs).map((n) => [n, readFileSync(`${OUT}/${n}.txt`, "utf8")]));
  const server = await serve(WEB);
  // Without this flag performance.memory is rounded to coarse steps.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"] });
  try {
    const page = await browser.newPage();
    // An empty page on the server's origin: the glue and the .wasm then load as the widget's do.
    // The server sends no-store, so nothing comes from a cache.
    const blank = `${server.url}/bench.html`;
    await page.route(blank, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>bench</title>" }));
    await page.goto(blank);
    // The texts go in before any clock starts: their transfer is not timed.
    await page.evaluate((t) => (window.benchTexts = t) && null, texts);
    const first = await page.evaluate(firstResult, REFERENCE_DATE);
    await page.evaluate(warmUp, REFERENCE_DATE);
    const results = {};
    for (const [name, n] of Object.entries(runs)) {
      const { times, values } = await page.evaluate(timeText, { name, runs: n, referenceDate: REFERENCE_DATE });
      results[name] = { runs: times.length, medianMs: median(times), values };
    }
    const memory = await page.evaluate(() => ({
      wasmMemoryBytes: window.bench.wasm.memory.buffer.byteLength,
      jsHeapPeakBytes: window.bench.heapPeak - window.bench.heapBefore,
    }));
    return { version: browser.version(), first, results, memory };
  } finally {
    await browser.close();
    server.stop();
  }
}

// In the page: import the glue, compile and instantiate the engine, and read the article once.
async function firstResult(referenceDate) {
  const heapBefore = performance.memory.usedJSHeapSize;
  const t = performance.now();
  const glue = await import("/pkg/claimlens.js");
  const wasm = await glue.default({ module_or_path: "/pkg/claimlens_bg.wasm" });
  const found = JSON.parse(glue.extract(window.benchTexts.article, { referenceDate }));
  const ms = performance.now() - t;
  window.bench = { glue, wasm, heapBefore, heapPeak: performance.memory.usedJSHeapSize };
  return { ms, values: found.claims.reduce((n, c) => n + c.values.length, 0) };
}

// In the page, untimed: the article again for a second (tier-up compiles in the background, so
// a fixed number of runs can end before it does), so the medians below are of warm code; the
// first result above is cold.
function warmUp(referenceDate) {
  for (let k = 0, until = performance.now() + 1000; k < 2000 && performance.now() < until; k += 1) {
    JSON.parse(window.bench.glue.extract(window.benchTexts.article, { referenceDate }));
  }
}

// In the page: warm runs on one text.
function timeText({ name, runs, referenceDate }) {
  const { bench, benchTexts } = window;
  const times = [];
  let values = 0;
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    const found = JSON.parse(bench.glue.extract(benchTexts[name], { referenceDate }));
    times.push(performance.now() - t);
    // Read while the result is still alive: the JS heap at its fullest for this call.
    bench.heapPeak = Math.max(bench.heapPeak, performance.memory.usedJSHeapSize);
    values = found.claims.reduce((n, c) => n + c.values.length, 0);
  }
  return { times, values };
}
