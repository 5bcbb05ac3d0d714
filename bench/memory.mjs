// The claim memory (www/extension/memory.js) at 100,000 remembered claims, in headless Chromium:
// what a remembered claim costs on disk, how long remembering a page takes, how long the lookups
// take that the background makes for every page read (`conflicts`) and the history page makes for
// every search (`list`), and what eviction past the cap costs. Prints a table and writes
// docs/bench/memory.md. Usage: node bench/memory.mjs [--claims N] (default 100,000).
//
// The claims are synthetic, generated in the page from a fixed seed: news-sized sentences, one to
// three values each, 60% of the values with a topic drawn from three dozen thing/event keys, with
// figures spread over six orders of magnitude, pages read over two years and each figure's period
// ending near the day its page was read — as a reader's history of many stories about many events
// would look. The browser profile is on disk (a persistent
// context), as the extension's is, so the storage measured is what IndexedDB writes to disk.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, serve } from "../tests/e2e/helpers.mjs";
import { median } from "./plan.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const TOTAL = arg("--claims", 100_000);
const PER_PAGE = 50;
/** Where the fill stops to measure: a tenth of the way (storage), and half (the default cap at 100,000). */
const CHECKPOINT = TOTAL / 10;
const HALF = TOTAL / 2;
const OUT = "docs/bench/memory.md";

/** Bytes under a folder (the profile's IndexedDB files). */
function du(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

// ---- In the page: the generator and the timed calls. Self-contained: it is sent as source. ----
function setUp({ perPage, pages }) {
  let seed = 0x5eed1e55;
  const random = () => {
    // mulberry32: fast, and the same claims on every run.
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  // Three dozen topic keys; the first ones (deaths, displacement) come up most, as in news.
  const KEYS = [
    ["people", "death"], ["people", "displacement"], ["people", "injury"], ["people", "arrest"], ["people", "crowd"],
    ["child", "death"], ["child", "displacement"], ["child", "injury"], ["soldier", "death"], ["soldier", "injury"],
    ["civilian", "death"], ["migrant", "death"], ["migrant", "arrest"], ["protester", "arrest"], ["protester", "crowd"],
    ["worker", "lost"], ["job", "lost"], ["home", "destroy"], ["house", "destroy"], ["building", "destroy"],
    ["school", "destroy"], ["hospital", "destroy"], ["village", "destroy"], ["hectare", "destroy"], ["vehicle", "destroy"],
    ["USD", "deficit"], ["USD", "lost"], ["EUR", "deficit"], ["EUR", "lost"], ["GBP", "deficit"],
    ["percent", "unemployment"], ["percent", "deficit"], ["percent", "lost"], ["patient", "death"], ["fisherman", "lost"],
    ["tourist", "injury"],
  ];
  const WORDS = "the a of in on and to for with by from after before since during as officials said reported estimated according agency ministry government local residents city province region valley border coast capital district camp camps families aid food water shelter fighting floods storm fire strike protest election vote count figures toll week month year monday tuesday wednesday thursday friday morning night latest update report census survey data shows rose fell nearly about some more than least".split(" ");
  const SOURCES = ["United Nations", "Red Cross", "World Health Organization", "Reuters", "AFP", "Associated Press", "health ministry", "interior ministry", "police", "army", "civil defence", "Syrian Observatory for Human Rights", "UNHCR", "UNICEF", "World Bank", "IMF", "statistics office", "central bank", "mayor", "governor", "prime minister", "Amnesty International", "Human Rights Watch", "Doctors Without Borders", "state media", "local officials", "witnesses", "rescuers", "the coast guard", "election commission", "organisers", "the union", "the company", "analysts", "the finance ministry", "fire service", "the Observatory", "OCHA", "the IOM", "Save the Children"];
  const HEDGES = ["exact", "exact", "approximate", "approximate", "at_least", "more_than", "at_most", "range"];
  const DAY = 86_400_000;
  // The pages are read over two years, evenly; the lookups' pages come after the last.
  const seen0 = Date.UTC(2023, 0, 1);
  const step = Math.floor((730 * DAY) / pages);
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const words = (chars) => {
    const out = [];
    let n = 0;
    while (n < chars) {
      const w = pick(WORDS);
      out.push(w);
      n += w.length + 1;
    }
    return out.join(" ");
  };
  // Bounds after the hedge, as the engine's `bounds` makes them (src/checks.rs).
  const bounds = (x, hedge) =>
    hedge === "approximate" ? [x - x / 10, x + x / 10] : hedge === "at_least" || hedge === "more_than" ? [x, x * 2] : hedge === "at_most" ? [x / 2, x] : hedge === "range" ? [x * 0.8, x * 1.2] : [x, x];
  // A figure's period ends on the day its page was read (most often) or up to two months
  // before, and lasts a day to a year ("on Monday", "since March", "this year"), mostly short.
  function value(withTopic, seen) {
    const x = Math.round(10 ** (0.5 + random() * 6));
    const hedge = pick(HEDGES);
    const [thing, event] = KEYS[Math.floor(KEYS.length * random() ** 1.6)];
    const [low, high] = bounds(x, hedge);
    const day = Math.floor(seen / DAY) * DAY;
    const to = day - (random() < 0.7 ? 0 : Math.floor(random() * 60) * DAY);
    const from = to - Math.floor(random() ** 4 * 365) * DAY;
    const text = `${hedge === "approximate" ? "some " : hedge === "at_least" ? "at least " : ""}${x.toLocaleString("en")} ${thing}s`;
    return {
      kind: "count",
      text,
      value: x,
      min: hedge === "range" ? low : null,
      max: hedge === "range" ? high : null,
      hedge,
      unit: null,
      counted: `${thing}s`,
      from: null,
      to: null,
      topic: withTopic ? { thing, event, low, high, from: iso(from), to: iso(to) } : null,
    };
  }
  function claim(id, seen, topicShare = 0.6) {
    const n = 1 + Math.floor(random() * 3);
    const values = Array.from({ length: n }, () => value(random() < topicShare, seen));
    const text = `${words(150 + Math.floor(random() * 100))}.`;
    const source = random() < 0.75 ? pick(SOURCES) : null;
    return { id, text, attribution: source ? { canonical: source, type: "organization", quote: false } : null, values, checks: [] };
  }
  let pageNo = 0;
  function page(claims) {
    const i = pageNo++;
    const seen = seen0 + i * step;
    return {
      seenMs: seen,
      page: { url: `https://news${i % 37}.example.org/world/${i}/${words(30).replaceAll(" ", "-")}`, title: words(50 + Math.floor(random() * 30)), seen: new Date(seen).toISOString() },
      extraction: { claims: Array.from({ length: claims }, (_, k) => claim(k, seen)) },
    };
  }
  /** A page of `figures` claims with one topic figure each: the worst case for a lookup. */
  function figuresPage(figures) {
    const p = page(0);
    p.extraction.claims = Array.from({ length: figures }, (_, k) => ({ ...claim(k, p.seenMs), values: [value(true, p.seenMs)] }));
    return p;
  }
  /** A page like a real one: ~60 claims, ~40 figures with a topic. */
  function newsPage() {
    const p = page(60);
    let topics = p.extraction.claims.reduce((n, c) => n + c.values.filter((v) => v.topic).length, 0);
    // Topics are random: trim or add until there are 40, so every run asks the same amount.
    for (const c of p.extraction.claims) {
      for (const v of c.values) {
        if (topics > 40 && v.topic) {
          v.topic = null;
          topics--;
        } else if (topics < 40 && !v.topic) {
          v.topic = value(true, p.seenMs).topic;
          topics++;
        }
      }
    }
    return p;
  }
  const timed = async (f) => {
    const t = performance.now();
    const result = await f();
    return { ms: performance.now() - t, result };
  };
  // The origin's IndexedDB part where Chromium gives it (it does), else all its storage.
  const estimate = async () => {
    const e = await navigator.storage.estimate();
    return { usage: e.usageDetails?.indexedDB ?? e.usage };
  };
  window.bench = { page, newsPage, figuresPage, timed, estimate, perPage };
}

async function openMemory(cap) {
  const { Memory } = await import("/memory.js");
  window.bench.memory?.close();
  window.bench.memory = await Memory.open({ name: "claimlens-memory-bench", cap });
}

/** Remembers `pages` pages of the bench's size; returns each call's time. */
async function fill(pages) {
  const { bench } = window;
  const times = [];
  for (let i = 0; i < pages; i++) {
    const p = bench.page(bench.perPage);
    const t = performance.now();
    await bench.memory.remember(p.page, p.extraction);
    times.push(performance.now() - t);
  }
  return times;
}

/**
 * Times lookups of one page's figures against the memory, the first one apart: `runs` of them, or
 * as many as fit in `budgetMs` (at least two).
 */
async function lookups({ kind, runs, budgetMs }) {
  const { bench } = window;
  const p = kind === "news" ? bench.newsPage() : bench.figuresPage(1000);
  const figures = p.extraction.claims.reduce((n, c) => n + c.values.filter((v) => v.topic).length, 0);
  const times = [];
  let found = 0;
  for (let i = 0, until = performance.now() + budgetMs; i < runs && (i < 2 || performance.now() < until); i++) {
    const { ms, result } = await bench.timed(() => bench.memory.conflicts(p.extraction, p.page));
    times.push(ms);
    found = [...result.values()].reduce((n, xs) => n + xs.length, 0);
  }
  return { claims: p.extraction.claims.length, figures, times, found };
}

async function searches({ query, limit, runs }) {
  const { bench } = window;
  const times = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const { ms, result } = await bench.timed(() => bench.memory.list({ query, limit }));
    times.push(ms);
    found = result.length;
  }
  return { times, found };
}

// ---- The run. ----
const fmtMs = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)} ms`);
const fmtBytes = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(1)} MB` : `${(b / 1e3).toFixed(1)} KB`);
const perClaim = (b, n) => `${Math.round(b / n).toLocaleString("en")} bytes`;
const started = Date.now();
const load = loadavg()[0];

const profile = mkdtempSync(join(tmpdir(), "claimlens-bench-memory-"));
const server = await serve("www/extension");
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const rows = [];
const notes = [];
let version;
try {
  const page = await context.newPage();
  const blank = `${server.url}/bench-memory.html`;
  await page.route(blank, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>claim memory bench</title>" }));
  await page.goto(blank);
  // The user agent string says 156.0.0.0 only; the browser itself says its full version.
  const cdp = await context.newCDPSession(page);
  version = (await cdp.send("Browser.getVersion")).product.replace(/^\D+\//, "");
  await cdp.detach();
  await page.evaluate(setUp, { perPage: PER_PAGE, pages: TOTAL / PER_PAGE });
  await page.evaluate(() => new Promise((resolve, reject) => Object.assign(indexedDB.deleteDatabase("claimlens-memory-bench"), { onsuccess: resolve, onerror: reject })));
  // No eviction while filling: the cap is far above what is kept.
  await page.evaluate(openMemory, TOTAL * 10);
  const idbDir = () => join(profile, "Default", "IndexedDB");
  const disk = () => du(idbDir());
  const empty = { ...(await page.evaluate(() => window.bench.estimate())), disk: disk() };

  // Fill in slices (one evaluate per slice), stopping at a tenth of the way for the storage and
  // half way for a lookup (half of 100,000 is the extension's default cap). The stops are not
  // counted in the fill's time.
  const fillTimes = [];
  const slicePages = 100;
  let at10 = null;
  let atHalf = null;
  let fillMs = 0;
  for (let kept = 0; kept < TOTAL; ) {
    const until = kept < CHECKPOINT ? CHECKPOINT : kept < HALF ? HALF : TOTAL;
    const pages = Math.min(slicePages, (until - kept) / PER_PAGE);
    const t = Date.now();
    fillTimes.push(...(await page.evaluate(fill, pages)));
    fillMs += Date.now() - t;
    kept += pages * PER_PAGE;
    if (kept === CHECKPOINT) at10 = { ...(await page.evaluate(() => window.bench.estimate())), disk: disk() };
    if (kept === HALF) atHalf = await page.evaluate(lookups, { kind: "news", runs: 11, budgetMs: 30_000 });
    process.stdout.write(`\rfilled ${kept.toLocaleString("en")} claims`);
  }
  process.stdout.write("\n");
  const count = await page.evaluate(() => window.bench.memory.count());
  if (count !== TOTAL) throw new Error(`the memory keeps ${count} claims, not ${TOTAL}`);
  const full = { ...(await page.evaluate(() => window.bench.estimate())), disk: disk() };

  const firstPages = fillTimes.slice(0, CHECKPOINT / PER_PAGE);
  const lastPages = fillTimes.slice(-CHECKPOINT / PER_PAGE);
  rows.push(["storage per claim, at " + CHECKPOINT.toLocaleString("en"), `${perClaim(at10.usage - empty.usage, CHECKPOINT)} (estimate) · ${perClaim(at10.disk - empty.disk, CHECKPOINT)} (on disk)`, `${fmtBytes(at10.usage - empty.usage)} estimated, ${fmtBytes(at10.disk - empty.disk)} on disk`]);
  rows.push(["storage per claim, at " + TOTAL.toLocaleString("en"), `${perClaim(full.usage - empty.usage, TOTAL)} (estimate) · ${perClaim(full.disk - empty.disk, TOTAL)} (on disk)`, `${fmtBytes(full.usage - empty.usage)} estimated, ${fmtBytes(full.disk - empty.disk)} on disk`]);
  rows.push([`storage per claim, from ${CHECKPOINT.toLocaleString("en")} to ${TOTAL.toLocaleString("en")}`, `${perClaim(full.usage - at10.usage, TOTAL - CHECKPOINT)} (estimate) · ${perClaim(full.disk - at10.disk, TOTAL - CHECKPOINT)} (on disk)`, "the cost of one more claim"]);
  rows.push([`remember a ${PER_PAGE}-claim page, median`, `${fmtMs(median(firstPages))} (first ${CHECKPOINT.toLocaleString("en")} claims) · ${fmtMs(median(lastPages))} (last ${CHECKPOINT.toLocaleString("en")})`, `${fillTimes.length} pages; whole fill ${fmtMs(fillMs)}`]);

  const lookupRow = (what, r) => [`conflicts(), ${what}`, `${fmtMs(median(r.times.slice(1)))} median of ${r.times.length - 1} · first ${fmtMs(r.times[0])}`, `${r.found} remembered figures shown against it`];
  rows.push(lookupRow(`a page of ${atHalf.claims} claims / ${atHalf.figures} topic figures, at ${HALF.toLocaleString("en")}`, atHalf));
  const news = await page.evaluate(lookups, { kind: "news", runs: 25, budgetMs: 60_000 });
  rows.push(lookupRow(`a page of ${news.claims} claims / ${news.figures} topic figures, at ${TOTAL.toLocaleString("en")}`, news));
  const big = await page.evaluate(lookups, { kind: "figures", runs: 11, budgetMs: 20_000 });
  rows.push(lookupRow(`a page of ${big.figures.toLocaleString("en")} topic figures, at ${TOTAL.toLocaleString("en")}`, big));

  const recent = await page.evaluate(searches, { query: "", limit: 500, runs: 7 });
  rows.push(["list(), no query (the 500 most recent)", `${fmtMs(median(recent.times))} median of ${recent.times.length}`, `${recent.found} claims`]);
  const common = await page.evaluate(searches, { query: "Red Cross", limit: 500, runs: 7 });
  rows.push(["list({ query: \"Red Cross\" }), a source among 40", `${fmtMs(median(common.times))} median of ${common.times.length}`, `${common.found} claims${common.found === 500 ? " (the limit)" : ""}`]);
  const none = await page.evaluate(searches, { query: "no claim says this", limit: 500, runs: 5 });
  rows.push(["list({ query }) that matches nothing: every claim read", `${fmtMs(median(none.times))} median of ${none.times.length}`, `${none.found} claims`]);
  const counts = await page.evaluate(async () => {
    const times = [];
    for (let i = 0; i < 7; i++) times.push((await window.bench.timed(() => window.bench.memory.count())).ms);
    return times;
  });
  rows.push(["count()", `${fmtMs(median(counts))} median of ${counts.length}`, ""]);

  // Past the cap: the memory now keeps exactly its cap; each new page drops the 50 oldest claims.
  await page.evaluate(openMemory, TOTAL);
  const evict = await page.evaluate(fill, 11);
  const after = await page.evaluate(() => window.bench.memory.count());
  if (after !== TOTAL) throw new Error(`after eviction the memory keeps ${after} claims, not ${TOTAL}`);
  rows.push([`remember a ${PER_PAGE}-claim page past the cap (drops ${PER_PAGE})`, `${fmtMs(median(evict.slice(1)))} median of ${evict.length - 1} · first ${fmtMs(evict[0])}`, `count stays ${after.toLocaleString("en")}`]);

  const forget = await page.evaluate(async () => (await window.bench.timed(() => window.bench.memory.forget())).ms);
  rows.push([`forget() ${TOTAL.toLocaleString("en")} claims`, fmtMs(forget), ""]);
  await page.evaluate(() => window.bench.memory.close());
  notes.push(`Filling ${TOTAL.toLocaleString("en")} claims (${fillTimes.length} pages of ${PER_PAGE}) took ${fmtMs(fillMs)}.`);
} finally {
  await context.close();
  server.stop();
  rmSync(profile, { recursive: true, force: true });
}

// ---- The report. ----
const headers = ["measure", "result", "detail"];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log([line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
for (const n of notes) console.log(n);

const cores = cpus();
const capNote =
  TOTAL === 100_000
    ? "The extension keeps at most 50,000 claims (its default cap) before it drops the oldest: the rows at 50,000 are the memory at its fullest in use, those at 100,000 twice that."
    : "The extension keeps at most 50,000 claims (its default cap) before it drops the oldest.";
const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();
const memoryVersion = (() => {
  try {
    const commit = git("log", "-1", "--format=%h", "--", "www/extension/memory.js");
    return `commit ${commit}${git("status", "--porcelain", "--", "www/extension/memory.js") ? ", with uncommitted changes" : ""}`;
  } catch {
    return "unknown version";
  }
})();
const total = ((Date.now() - started) / 1000).toFixed(0);
const md = `# The claim memory at ${TOTAL.toLocaleString("en")} claims

Written by \`npm run bench:memory\` (\`bench/memory.mjs\`) on ${new Date().toISOString().slice(0, 10)}; the run took ${total} s.

- Machine: ${cores[0]?.model.trim() ?? "unknown CPU"}, ${cores.length} cores; load average ${load.toFixed(1)} when the run began; Node ${process.version}
- Chromium ${version}, headless (Debian's), with a profile on disk, as the extension's is

\`www/extension/memory.js\` (${memoryVersion}) runs in a page served on localhost, its database in a
profile on disk. The memory is filled through \`remember()\` with ${TOTAL.toLocaleString("en")} synthetic claims, ${PER_PAGE} per page,
written by the bench from a fixed seed: pages read evenly over two years; sentences of 150 to 250
characters; one to three values per claim, 60% of them with a topic drawn from 36 thing/event keys
(the first ones most often), figures spread over six orders of magnitude with mixed hedges, each
period ending on the day its page was read or up to two months before and lasting a day to a year
(mostly a few days); 75% of claims with a source among 40. The lookups' pages are read after the
last one, drawn the same way. ${capNote}

| measure | result | detail |
| --- | --- | --- |
${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}

- Storage: "estimate" is what \`navigator.storage.estimate()\` gives for IndexedDB, after minus
  before; "on disk" is the size of the profile's IndexedDB folder. The first rows carry the
  database's fixed cost (LevelDB's log and manifest); "the cost of one more claim" does not.
  LevelDB compresses and compacts in the background, so both move from run to run (by up to a
  fifth between runs on one machine).
- Times are \`performance.now()\` around the awaited call in the page, the transaction's commit
  included. "First" is the first call on that page; the median is of the calls after it.
- \`conflicts()\` is what the background runs on every page it reads, before \`remember()\`; the
  history page runs \`count()\` and \`list()\` when it opens and on each search.
- "shown against it": the remembered figures \`conflicts()\` returns (at most three per figure). The
  figures are random, so most topic figures find a contradicting one; real reading would agree
  more often.
${notes.map((n) => `- ${n}`).join("\n")}
`;
writeFileSync(OUT, md);
console.log(`wrote ${OUT} (${total} s)`);
