// Scale in WebAssembly (Node): the browser build's engine on 10 KB to 10 MB of news and on the
// pathological shapes of benches/scale.rs, plus what only JavaScript can send (lone surrogates);
// the time of each step to a ten times larger input divided by ten ("growth": about 1 when linear,
// 10 when quadratic), the wasm memory after each, and the memory over 1,000 scans of one page.
// Every result's spans are checked against the JavaScript string they index.
//
//   npm run bench:scale        (runs `cargo bench --bench scale` first for the native side)
//   node bench/scale.mjs       (the WebAssembly side alone; needs dist/web from npm run build)
import { readFileSync } from "node:fs";

const PKG = new URL("../dist/web/pkg/", import.meta.url);
const glue = await import(new URL("claimlens.js", PKG));
const wasm = glue.initSync({ module: readFileSync(new URL("claimlens_bg.wasm", PKG)) });
const OPTIONS = { referenceDate: "2023-02-16" };

const ARTICLES = ["flood-relief", "budget-vote", "outbreak"].map((n) => readFileSync(new URL(`../tests/golden/${n}.txt`, import.meta.url), "utf8"));

/** News of about `size` characters: the golden articles in turn, figures varied per round. */
function news(size) {
  let out = "";
  for (let round = 0; out.length < size; round += 1) {
    for (const a of ARTICLES) out += `${a.replace(/\d/g, (d) => String((Number(d) + round) % 10))}\n\n`;
  }
  return out.slice(0, size);
}

const repeat = (unit) => (size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

// The shapes of benches/scale.rs, and lone surrogates, which a Rust string cannot hold.
const SHAPES = {
  news,
  digits: repeat("1234567890"),
  figures: repeat("358,000 "),
  "quote marks": repeat('"'),
  "no spaces": repeat("someone358000peoplefled"),
  "one sentence": (size) => news(size).replace(/[.!?\n]/g, ","),
  nesting: (size) => `${"(“".repeat(size / 8)}Some 40 people fled, the mayor said.${"”)".repeat(size / 8)}`,
  "right-to-left": repeat("ثلاثة آلاف شخص 3,000 נפגעים ٣٥٨ 40 people, said Ali. "),
  "control chars": repeat("\u0000\u0001\u0007\u001b12\u007f\u200b\u202e40 people\u202c said\r\n"),
  "lone surrogates": repeat("\ud800Some 40 people\udc00 fled \udfff on Monday, \ud83d the mayor said. "),
};

/** Checks that every claim's and value's offsets point at its text in `text` (as JS indexes it). */
function checkSpans(text, found) {
  // The engine reads a lone surrogate as U+FFFD, one UTF-16 unit like the surrogate itself.
  const wellFormed = text.toWellFormed ? text.toWellFormed() : text;
  for (const c of found.claims) {
    if (wellFormed.slice(c.start, c.end) !== c.text) throw new Error(`claim ${c.id}'s offsets do not point at its text`);
    for (const v of c.values) {
      if (wellFormed.slice(v.start, v.end) !== v.text) throw new Error(`value ${JSON.stringify(v.text)}'s offsets are off`);
    }
  }
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const pad = (s, n) => String(s).padStart(n);

// First, on a fresh instance (wasm memory never shrinks, so this goes before the large inputs):
// the same page scanned 1,000 times, wasm memory growing to what one scan needs, then staying.
const page = news(100_000);
const seen = [];
for (let k = 1; k <= 1000; k += 1) {
  JSON.parse(glue.extract(page, OPTIONS));
  if ([1, 10, 100, 1000].includes(k)) seen.push(`${k}: ${mb(wasm.memory.buffer.byteLength)}`);
}
console.log(`1,000 scans of a 100 KB page, wasm memory after scan ${seen.join(", ")}`);
console.log("");
console.log(`${"shape".padEnd(16)}${pad("input", 9)}${pad("time", 12)}${pad("MB/s", 8)}${pad("growth", 8)}${pad("wasm memory", 13)}`);
for (const [name, make] of Object.entries(SHAPES)) {
  // 10 MB for news; the pathological shapes to 1 MB (their curve is the point, and a 10 MB table
  // of figures makes a result of hundreds of megabytes of JSON).
  const sizes = name === "news" ? [10_000, 100_000, 1_000_000, 10_000_000] : [10_000, 100_000, 1_000_000];
  let previous = null;
  for (const size of sizes) {
    const text = make(size);
    const t = performance.now();
    const found = JSON.parse(glue.extract(text, OPTIONS));
    const ms = performance.now() - t;
    checkSpans(text, found);
    const growth = previous ? (ms / previous.ms / (text.length / previous.length)).toFixed(2) : "—";
    console.log(`${name.padEnd(16)}${pad(`${Math.round(text.length / 1000)}KB`, 9)}${pad(`${ms.toFixed(1)}ms`, 12)}${pad((text.length / ms / 1000).toFixed(1), 8)}${pad(growth, 8)}${pad(mb(wasm.memory.buffer.byteLength), 13)}`);
    previous = { ms, length: text.length };
  }
}

