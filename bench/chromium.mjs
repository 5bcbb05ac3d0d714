// claimlens's WebAssembly build in headless Chromium (Debian's, never downloaded), loaded the way
// a page loads the widget (dist/web/claimlens.js): the engine's glue imported while the .wasm is
// fetched and compiled as it streams in, then `extract`, whose JSON text is parsed.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, serve } from "../tests/e2e/helpers.mjs";
import { OUT, WEB } from "./paths.mjs";
import { median, plan } from "./plan.mjs";
import { REFERENCE_DATE } from "./texts.mjs";

/**
 * Resolves to { version, first, results: { TEXT: {runs, medianMs, values} }, memory, demo }: `demo`
 * is the whole widget's first result on the demo page (see demoFirstResult).
 */
export async function runChromium(quick) {
  const { runs } = plan(quick);
  const texts = Object.fromEntries(Object.keys(runs).map((n) => [n, readFileSync(`${OUT}/${n}.txt`, "utf8")]));
  const server = await serve(WEB);
  // Without this flag performance.memory is rounded to coarse steps.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"] });
  try {
    // An empty page on the server's origin, written into this run's copy of dist/web: the engine
    // then loads as the widget's does, with no request interception in the way (Playwright's
    // routing would add a round trip to every request). The server sends no-store, so nothing
    // comes from a cache.
    writeFileSync(`${WEB}/bench.html`, "<!doctype html><title>bench</title>");
    const blankPage = async (pageTexts) => {
      const p = await browser.newPage();
      await p.goto(`${server.url}/bench.html`);
      // The texts go in before any clock starts: their transfer is not timed.
      await p.evaluate((t) => (window.benchTexts = t) && null, pageTexts);
      return p;
    };
    // The first result is one cold sample per fresh page: the median of several.
    const firsts = [];
    for (let k = 0; k < (quick ? 2 : 14); k += 1) {
      const p = await blankPage({ article: texts.article });
      firsts.push(await p.evaluate(firstResult, REFERENCE_DATE));
      await p.close();
    }
    const page = await blankPage(texts);
    firsts.push(await page.evaluate(firstResult, REFERENCE_DATE));
    const first = { ms: median(firsts.map((f) => f.ms)), values: firsts[0].values, runs: firsts.length };
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
    const demo = await demoFirstResult(browser, server.url, quick ? 3 : 15);
    return { version: browser.version(), first, results, memory, demo };
  } finally {
    await browser.close();
    server.stop();
  }
}

// In the page: the widget from nothing, as a page loads it: claimlens.js (the widget in one file),
// the engine's glue imported while the .wasm compiles as it streams in, the instance, and the first
// call on the article with its result parsed.
async function firstResult(referenceDate) {
  const heapBefore = performance.memory.usedJSHeapSize;
  const t = performance.now();
  const widget = await import("/claimlens.js");
  const found = await widget.extract(window.benchTexts.article, { referenceDate });
  const ms = performance.now() - t;
  // The glue the widget loaded (the same address, so the same module), whose init hands back the
  // instance's exports once it has one.
  const glue = await import("/pkg/claimlens.js");
  const wasm = await glue.default();
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

// In the page: warm runs on one text. A page that is not cross-origin isolated reads
// performance.now() in steps of 0.1 ms, so a short text is timed in batches of calls that take
// 5 ms or more, and each run's time is its batch's divided by the calls in it.
function timeText({ name, runs, referenceDate }) {
  const { bench, benchTexts } = window;
  const once = () => JSON.parse(bench.glue.extract(benchTexts[name], { referenceDate }));
  // The batch: doubled until one lasts 5 ms.
  let batch = 1;
  let t;
  for (;;) {
    t = performance.now();
    for (let k = 0; k < batch; k += 1) once();
    if (performance.now() - t >= 5) break;
    batch *= 2;
  }
  const times = [];
  let values = 0;
  for (let i = 0; i < runs; i += 1) {
    t = performance.now();
    let found;
    for (let k = 0; k < batch; k += 1) found = once();
    times.push((performance.now() - t) / batch);
    // Read while the result is still alive: the JS heap at its fullest for this call.
    bench.heapPeak = Math.max(bench.heapPeak, performance.memory.usedJSHeapSize);
    values = found.claims.reduce((n, c) => n + c.values.length, 0);
  }
  return { times, values };
}

/**
 * The widget's first result on the demo page, as a reader gets it: from the request for
 * claimlens.js (the page's own HTML and its parsing before that are not counted) to the
 * `claimlens:ready` mark, when the claims are listed and highlighted. Each run is a fresh page;
 * the result is the median of `runs`, with the part from `claimlens:scan` to `claimlens:ready`.
 */
async function demoFirstResult(browser, url, runs) {
  const rows = [];
  for (let k = 0; k < runs; k += 1) {
    const page = await browser.newPage();
    await page.goto(`${url}/demo/`);
    await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "ready", null, { timeout: 30_000 });
    rows.push(
      await page.evaluate(() => {
        const start = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === "/claimlens.js").startTime;
        const at = (name) => performance.getEntriesByName(name)[0].startTime;
        return { ms: at("claimlens:ready") - start, scanToReadyMs: at("claimlens:ready") - at("claimlens:scan") };
      }),
    );
    await page.close();
  }
  return { runs, ms: median(rows.map((r) => r.ms)), scanToReadyMs: median(rows.map((r) => r.scanToReadyMs)) };
}
