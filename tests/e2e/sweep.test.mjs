// A sweep over page layouts (tests/e2e/layouts/): every page goes through the embed widget and
// through the extension in Chromium. Each run must end "ready" (never "error", never stuck in
// "reading"), with no uncaught error or console error, and with the page's text exactly as it was
// before the scan. The time and the claims of every run go to target/sweep/report.md and .json.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { launch, launchExtension, noAutoscan, serve } from "./helpers.mjs";
import { GENERATED } from "./layouts/generate.mjs";

const LAYOUTS = "tests/e2e/layouts";
const REPORT = "target/sweep";

/**
 * Every page of the sweep. `claims: 0` where the page has no English claim to find; `minClaims`
 * where it plainly has figures (a scan that finds none did not read the article); `grows` where
 * the page's own script keeps adding text; `timeout` (ms) for the large ones. `notRead`: text the
 * collector is meant to leave out (page furniture, hidden text, SVG) that no claim's sentence may
 * hold; `figures`: values the panel must list as read (as it words them: "number 413,385").
 */
const PAGES = [
  { file: "wire-story.html", layout: "wire story", minClaims: 5 },
  { file: "live-blog.html", layout: "live blog, newest first", minClaims: 5, figures: ["212,000,000,000 crowns"] },
  { file: "paywall-overlay.html", layout: "paywall overlay, body overflow hidden", minClaims: 3, notRead: ["1 month free"] },
  { file: "infinite-scroll.html", layout: "infinite scroll (timer appends)", minClaims: 1, grows: true },
  { file: "table-figures.html", layout: "table of figures with caption", minClaims: 2, figures: ["413,385"] },
  { file: "longform-pullquotes.html", layout: "long-form with pull quotes", minClaims: 3 },
  { file: "photo-captions.html", layout: "photo captions (figure/figcaption)", minClaims: 3 },
  { file: "comments-section.html", layout: "article + comments section", minClaims: 2, notRead: ["104 a month", "30%"] },
  { file: "rtl-arabic.html", layout: "right-to-left (Arabic)", claims: 0 },
  { file: "print-view.html", layout: "print view (@media print)", minClaims: 2 },
  { file: "amp-like.html", layout: "AMP-like custom elements", minClaims: 2 },
  { file: "huge-2mb.html", layout: "2 MB page (generated)", minClaims: 1000, timeout: 120_000 },
  { file: "listicle.html", layout: "listicle (numbered list)", minClaims: 3 },
  { file: "interview-qa.html", layout: "Q&A interview", minClaims: 3 },
  { file: "svg-chart.html", layout: "data journalism with SVG chart", minClaims: 2, notRead: ["Rent and wage index, 2014", "Rents rise to 162", "Peak gap", "Rent 162"] },
  { file: "shadow-dom.html", layout: "open shadow roots (imperative and declarative)", minClaims: 1 },
  { file: "iframe-embed.html", layout: "same-origin iframe + srcdoc", minClaims: 2 },
  { file: "footnotes.html", layout: "footnotes and superscripts", minClaims: 3 },
  { file: "details-summary.html", layout: "details/summary sections", minClaims: 2, figures: ["11,000,000,000"] },
  { file: "multi-column.html", layout: "multi-column CSS", minClaims: 3 },
  { file: "sticky-nav.html", layout: "sticky header, nav-heavy", minClaims: 2, notRead: ["7,412.3", "Top 10 funds", "House prices up", "04519930"] },
  { file: "cookie-banner.html", layout: "cookie-consent banner", minClaims: 2, notRead: ["847 partners", "13 months"] },
  { file: "pre-code.html", layout: "pre/code blocks with numbers", minClaims: 2 },
  { file: "split-spans.html", layout: "numbers split by inline spans and links", minClaims: 3, figures: ["214,000 people", "40,000 families"] },
  { file: "br-lines.html", layout: "<br>-separated lines, no <p>", minClaims: 2 },
  { file: "mostly-images.html", layout: "mostly images, little text", minClaims: 1 },
  { file: "empty.html", layout: "empty page", claims: 0 },
  { file: "headline-only.html", layout: "headline only", claims: 0 },
  { file: "huge-paragraph.html", layout: "one 60 KB paragraph (generated)", minClaims: 100, timeout: 60_000 },
  { file: "mixed-chinese.html", layout: "English + Chinese", minClaims: 2 },
  { file: "emoji-combining.html", layout: "emoji and combining marks", minClaims: 2 },
  { file: "legacy-quirks.html", layout: "quirks mode, table layout, <font>", minClaims: 2 },
  { file: "hidden-tabs.html", layout: "tabs, hidden and visually-hidden text", minClaims: 2, notRead: ["131 km/h", "41,000 homes", "999 readers", "8 of 10", "7 schools", "3 interactive charts"] },
  { file: "legacy-globals.html", layout: "Array.prototype extended, performance.mark throws", minClaims: 2 },
];

const WIDGET_TAG = '<script type="module" src="/claimlens.js"></script><claim-lens></claim-lens>';
const DEFAULT_TIMEOUT = 20_000;

let root;
let server;
const sizes = new Map();
const results = new Map(PAGES.map((p) => [p.file, { ...p, embed: null, extension: null }]));

/** The page's HTML: a committed file, or a generated one. */
function source(file) {
  return GENERATED[file] ? GENERATED[file]() : readFileSync(join(LAYOUTS, file), "utf8");
}

/** The same page with the widget added at the end of its body, as a site would embed it. */
function withWidget(html) {
  const at = html.search(/<\/body>(?![\s\S]*<\/body>)/i);
  return at < 0 ? html + WIDGET_TAG : html.slice(0, at) + WIDGET_TAG + html.slice(at);
}

/**
 * One directory for both modes, on the project's server: the widget at its root (a copy of
 * dist/web, so a rebuild mid-run cannot pull files away), the pages as they are under plain/
 * (for the extension) and with the widget under embed/. Pages named _*.html are fragments other
 * pages load (an iframe's document): copied to both, never given the widget.
 */
function prepare() {
  const dir = mkdtempSync(join(tmpdir(), "claimlens-sweep-"));
  for (const part of ["claimlens.js", "claimlens.css", "lib", "pkg"]) cpSync(join("dist/web", part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, "plain"));
  mkdirSync(join(dir, "embed"));
  const fragments = readdirSync(LAYOUTS).filter((f) => f.startsWith("_") && f.endsWith(".html"));
  for (const file of fragments) {
    cpSync(join(LAYOUTS, file), join(dir, "plain", file));
    cpSync(join(LAYOUTS, file), join(dir, "embed", file));
  }
  for (const { file } of PAGES) {
    const html = source(file);
    sizes.set(file, Buffer.byteLength(html));
    writeFileSync(join(dir, "plain", file), html);
    writeFileSync(join(dir, "embed", file), withWidget(html));
  }
  return dir;
}

before(async () => {
  root = prepare();
  server = await serve(root);
});

after(() => {
  server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
  writeReport();
});

/**
 * What the reader sees and what the DOM holds: `document.body.innerText`, and every text node of
 * the document in order — inside open shadow roots and same-origin frames too — leaving out the
 * widget's own host element (its panel is not the page's text). innerText leaves the host out by
 * itself: the panel lives in the host's shadow root, which innerText does not read.
 */
function snapshot(page) {
  return page.evaluate(() => {
    const OWN = new Set(["claim-lens", "claimlens-host"]);
    const nodes = [];
    // The same text without superscripts: the collector leaves footnote marks out ("2023¹").
    const outsideSup = [];
    const visit = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          nodes.push(child.data);
          if (!child.parentElement?.closest("sup")) outsideSup.push(child.data);
        }
        if (child.nodeType !== Node.ELEMENT_NODE || OWN.has(child.localName)) continue;
        if (child.shadowRoot) visit(child.shadowRoot);
        if (child.localName === "iframe") {
          try {
            if (child.contentDocument?.documentElement) visit(child.contentDocument.documentElement);
          } catch {
            // A cross-origin frame: not the page's to compare.
          }
        }
        visit(child);
      }
    };
    visit(document.documentElement);
    return { innerText: document.body?.innerText ?? "", nodes, outsideSup };
  });
}

/** Whether `small` appears in `big` in order, other items allowed in between. */
function subsequence(small, big) {
  let j = 0;
  for (const item of small) {
    while (j < big.length && big[j] !== item) j++;
    if (j === big.length) return false;
    j++;
  }
  return true;
}

/** Where two lists of strings first differ, for a readable failure. */
function firstDifference(a, b) {
  const i = a.findIndex((x, k) => x !== b[k]);
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return `at #${at}: before ${JSON.stringify(a[at]?.slice(0, 80))}, after ${JSON.stringify(b[at]?.slice(0, 80))} (${a.length} → ${b.length} items)`;
}

/** The text checks: unchanged, or for a page that keeps adding text, only added to. */
function textChanges(before, after, grows) {
  const out = [];
  const lines = (s) => s.split("\n");
  if (grows) {
    if (!subsequence(lines(before.innerText), lines(after.innerText))) out.push(`body.innerText lost or changed lines: ${firstDifference(lines(before.innerText), lines(after.innerText))}`);
    if (!subsequence(before.nodes, after.nodes)) out.push(`text nodes lost or changed: ${firstDifference(before.nodes, after.nodes)}`);
  } else {
    if (before.innerText !== after.innerText) out.push(`body.innerText changed: ${firstDifference(lines(before.innerText), lines(after.innerText))}`);
    if (before.nodes.join("\u0000") !== after.nodes.join("\u0000")) out.push(`text nodes changed: ${firstDifference(before.nodes, after.nodes)}`);
  }
  return out;
}

/**
 * What the panel says it read: each claim's sentence (as the panel shows it) and each value's
 * wording. Small pages show every claim; large ones the first 50 of each group.
 */
function panelReading(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    const texts = (q) => [...(root?.querySelectorAll(q) ?? [])].map((el) => el.textContent);
    return { sentences: texts("li.claim p.sentence"), values: texts("li.claim ul.values li") };
  }, selector);
}

/**
 * The reading checks: every sentence the panel shows is the page's own text (whitespace aside;
 * words glued together or text joined across elements are not), none holds text the collector
 * is meant to skip, and the page's key figures are listed.
 */
function readingProblems(p, reading, after) {
  const squeeze = (s) => s.replace(/\s+/g, " ").trim();
  const text = squeeze(after.nodes.join(""));
  const withoutSup = squeeze(after.outsideSup.join(""));
  const out = [];
  for (const sentence of reading.sentences) {
    if (!text.includes(squeeze(sentence)) && !withoutSup.includes(squeeze(sentence))) out.push(`the panel shows a sentence the page does not hold: ${JSON.stringify(squeeze(sentence))}`);
  }
  for (const skip of p.notRead ?? []) {
    const hit = reading.sentences.find((sentence) => sentence.includes(skip));
    if (hit) out.push(`read text it should skip (${JSON.stringify(skip)}): ${JSON.stringify(squeeze(hit))}`);
  }
  for (const figure of p.figures ?? []) {
    if (!reading.values.some((v) => v.includes(figure))) {
      out.push(`the panel lists no value ${JSON.stringify(figure)}; it lists ${JSON.stringify(reading.values.map(squeeze))}`);
    }
  }
  return out;
}

/** Records the page's uncaught errors and console errors into `problems`. */
function watch(page, problems) {
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("crash", () => problems.push("the page crashed"));
}

/**
 * Waits for the widget on `selector` to settle: resolves to its final state ("ready", "error"),
 * or `stuck in "<state>"` when it has not settled after `timeout` ms.
 */
async function settled(page, selector, timeout) {
  try {
    const handle = await page.waitForFunction(
      (sel) => {
        const s = document.querySelector(sel)?.dataset.state;
        return s === "ready" || s === "error" ? s : false;
      },
      selector,
      { timeout },
    );
    return await handle.jsonValue();
  } catch (err) {
    if (!/Timeout/i.test(err.message)) throw err;
    const state = await page.evaluate((sel) => document.querySelector(sel)?.dataset.state ?? "(no state)", selector).catch(() => "(page gone)");
    return `stuck in "${state}"`;
  }
}

/** The host's figures after a scan: the time it measured and its status line. */
function hostFigures(page, selector) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    return {
      ms: host?.dataset.ms ? Number(host.dataset.ms) : null,
      status: host?.shadowRoot?.querySelector(".status")?.textContent ?? null,
    };
  }, selector);
}

/** A promise that gives up after `ms`, resolving to `fallback`. */
function within(promise, ms, fallback) {
  let timer;
  return Promise.race([promise, new Promise((r) => (timer = setTimeout(() => r(fallback), ms)))]).finally(() => clearTimeout(timer));
}

/** Waits for a growing page's own script to finish adding text. */
async function feedEnds(page) {
  await page.waitForFunction(() => window.feedDone === true, null, { timeout: 20_000 });
}

async function embedRun(browser, p) {
  const timeout = p.timeout ?? DEFAULT_TIMEOUT;
  const page = await browser.newPage();
  const problems = [];
  watch(page, problems);
  try {
    await page.goto(`${server.url}/embed/${p.file}`, { waitUntil: "load" });
    await page.waitForFunction(() => !!customElements.get("claim-lens"), null, { timeout: 10_000 });
    const before = await snapshot(page);
    const started = Date.now();
    // The scan's promise is kept in the page: a rejection is read below, never left unhandled.
    await page.evaluate(() => {
      window.__sweepScan = document
        .querySelector("claim-lens")
        .scan()
        .then((e) => ({ claims: e.claims.length }), (err) => ({ error: `${err.name}: ${err.message}` }));
    });
    const state = await settled(page, "claim-lens", timeout);
    const wallMs = Date.now() - started;
    const outcome = state === "ready" || state === "error" ? await page.evaluate(() => window.__sweepScan) : { error: "no answer" };
    const figures = await hostFigures(page, "claim-lens");
    if (p.grows) await feedEnds(page);
    const after = await snapshot(page);
    const reading = state === "ready" ? readingProblems(p, await panelReading(page, "claim-lens"), after) : [];
    return { state, claims: outcome.claims ?? null, error: outcome.error ?? null, ms: figures.ms, wallMs, status: figures.status, problems, text: textChanges(before, after, p.grows), reading };
  } finally {
    await page.close();
  }
}

async function extensionRun(ext, p) {
  const timeout = p.timeout ?? DEFAULT_TIMEOUT;
  const tab = await ext.context.newPage();
  const problems = [];
  watch(tab, problems);
  // The background's errors during this page's scan count against the page.
  const onWorkerConsole = (m) => m.type() === "error" && problems.push(`background console: ${m.text()}`);
  ext.worker.on("console", onWorkerConsole);
  try {
    await tab.goto(`${server.url}/plain/${p.file}`, { waitUntil: "load" });
    await tab.bringToFront();
    const before = await snapshot(tab);
    const started = Date.now();
    const reply = ext.worker.evaluate(() => globalThis.claimlensTest.scanActiveTab()).catch((err) => ({ kind: "error", message: `scanActiveTab threw: ${err.message}` }));
    const state = await settled(tab, "claimlens-host", timeout);
    const wallMs = Date.now() - started;
    const answer = await within(reply, 10_000, { kind: "error", message: "no answer from the background within 10 s of the panel being ready" });
    const figures = await hostFigures(tab, "claimlens-host");
    let later = null;
    if (p.grows) {
      // The extension reads added paragraphs again (debounced 800 ms): that scan must settle too.
      await feedEnds(tab);
      await tab.waitForTimeout(1_200);
      later = await settled(tab, "claimlens-host", timeout);
    }
    const after = await snapshot(tab);
    if (later && later !== "ready") problems.push(`after the page stopped growing, the rescan ended ${later}`);
    const reading = state === "ready" ? readingProblems(p, await panelReading(tab, "claimlens-host"), after) : [];
    return {
      state,
      claims: answer.kind === "status" ? answer.claims : null,
      error: answer.kind === "error" ? answer.message : null,
      ms: figures.ms,
      wallMs,
      status: figures.status,
      problems,
      text: textChanges(before, after, p.grows),
      reading,
    };
  } finally {
    ext.worker.off("console", onWorkerConsole);
    await tab.close();
  }
}

/** A run the harness itself could not finish (navigation failed, the widget never loaded, …). */
function harnessFailure(err) {
  return { state: "not finished", claims: null, error: null, ms: null, wallMs: null, status: null, problems: [`the run stopped: ${err.message.split("\n")[0]}`], text: [], reading: [] };
}

/** Everything wrong with one run, as readable lines (empty when it passed). */
function failures(p, run) {
  const out = [];
  if (run.state !== "ready") out.push(`state ${run.state}${run.status ? ` (panel: ${JSON.stringify(run.status)})` : ""}`);
  if (run.error) out.push(`scan failed: ${run.error}`);
  out.push(...run.problems, ...run.text, ...run.reading);
  if (run.state === "ready" && p.claims !== undefined && run.claims !== p.claims) out.push(`${run.claims} claims, expected ${p.claims}`);
  if (run.state === "ready" && p.minClaims !== undefined && !(run.claims >= p.minClaims)) out.push(`${run.claims} claims, expected at least ${p.minClaims}`);
  return out;
}

describe("embed: every layout through <claim-lens>", () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });
  for (const p of PAGES) {
    test(`${p.file} (${p.layout})`, async () => {
      const run = await embedRun(browser, p).catch(harnessFailure);
      const row = results.get(p.file);
      row.embed = { ...run, failures: failures(p, run) };
      assert.deepEqual(row.embed.failures, [], `${p.file} in the embed`);
    });
  }
});

describe("extension: every layout through the toolbar button's scan", () => {
  let ext;
  before(async () => {
    ext = await launchExtension();
    await noAutoscan(ext.worker);
  });
  after(async () => {
    await ext?.close();
  });
  for (const p of PAGES) {
    test(`${p.file} (${p.layout})`, async () => {
      const run = await extensionRun(ext, p).catch(harnessFailure);
      const row = results.get(p.file);
      row.extension = { ...run, failures: failures(p, run) };
      assert.deepEqual(row.extension.failures, [], `${p.file} in the extension`);
    });
  }
});

test("every page under tests/e2e/layouts is in the sweep, and there are at least 25", () => {
  const files = [...readdirSync(LAYOUTS).filter((f) => f.endsWith(".html") && !f.startsWith("_")), ...Object.keys(GENERATED)].sort();
  assert.deepEqual(files, PAGES.map((p) => p.file).sort());
  assert.ok(PAGES.length >= 25, `${PAGES.length} pages`);
});

function kb(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A cell for one run: claims, or what went wrong. */
function cell(run, key) {
  if (!run) return "not run";
  if (key === "claims") return run.state === "ready" ? String(run.claims) : run.state;
  return run.ms ?? "–";
}

function writeReport() {
  const rows = [...results.values()].map((r) => ({ ...r, bytes: sizes.get(r.file) ?? null }));
  mkdirSync(REPORT, { recursive: true });
  writeFileSync(join(REPORT, "report.json"), `${JSON.stringify({ date: new Date().toISOString(), pages: rows }, null, 2)}\n`);
  const lines = [
    "# claimlens layout sweep",
    "",
    "Every page of `tests/e2e/layouts/` through the embed (`<claim-lens>`) and the extension (Chromium, test build). Times are the widget's own (`data-ms`: scan start to ready).",
    "",
    "| page | layout | size | claims (embed / extension) | embed ms | extension ms |",
    "|---|---|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const claims = `${cell(r.embed, "claims")} / ${cell(r.extension, "claims")}`;
    lines.push(`| ${r.file} | ${r.layout.replace(/\|/g, "\\|").replace(/</g, "&lt;")} | ${r.bytes == null ? "–" : kb(r.bytes)} | ${claims} | ${cell(r.embed, "ms")} | ${cell(r.extension, "ms")} |`);
  }
  const failed = rows.flatMap((r) => ["embed", "extension"].flatMap((mode) => (r[mode]?.failures ?? []).map((f) => `- ${r.file} (${mode}): ${f}`)));
  lines.push("", failed.length ? `## Failures (${failed.length})\n\n${failed.join("\n")}` : "No failures.", "");
  writeFileSync(join(REPORT, "report.md"), lines.join("\n"));

  const ran = (mode) => rows.filter((r) => r[mode]);
  const ready = (mode) => ran(mode).filter((r) => r[mode].state === "ready").length;
  const total = (mode) => ran(mode).reduce((n, r) => n + (r[mode].ms ?? 0), 0);
  const slowest = (mode) => ran(mode).filter((r) => r[mode].ms != null).reduce((a, r) => (r[mode].ms > (a?.[mode].ms ?? -1) ? r : a), null);
  console.log(`layout sweep: ${rows.length} pages; report in ${REPORT}/report.md`);
  for (const mode of ["embed", "extension"]) {
    const s = slowest(mode);
    console.log(`  ${mode}: ${ready(mode)}/${ran(mode).length} ready, ${total(mode)} ms scanning in all${s ? `, slowest ${s.file} ${s[mode].ms} ms` : ""}`);
  }
  console.log(failed.length ? `  ${failed.length} failures:\n${failed.map((f) => `  ${f}`).join("\n")}` : "  no failures");
}
