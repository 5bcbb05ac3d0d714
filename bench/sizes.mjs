// What a browser downloads, raw and gzipped (zlib level 9): claimlens's files from dist/web, part by
// part, and each alternative bundled for the browser by esbuild from an entry that uses it the way
// bench/engines.mjs does (so tree-shaking keeps what that use needs).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { WEB } from "./paths.mjs";

const ENTRIES = {
  "compromise-dates": `import nlp from "compromise"; import dates from "compromise-dates"; nlp.plugin(dates);
    export default (t) => { const d = nlp(t); return [d.dates().json(), d.numbers().json(), d.percentages().json(), d.money().json()]; };`,
  compromise: `import nlp from "compromise"; export default (t) => nlp(t).numbers().json();`,
  chrono: `import * as chrono from "chrono-node"; export default (t, day) => chrono.parse(t, day);`,
  recognizers: `import * as R from "@microsoft/recognizers-text-suite"; const en = R.Culture.English;
    export default (t) => [R.recognizeNumber, R.recognizePercentage, R.recognizeCurrency, R.recognizeDateTime].map((f) => f(t, en));`,
};

const measure = (bytes) => ({ rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length });

/**
 * Files a page fetches only when needed: a long page is read in a worker, which loads lib/worker.js
 * and the modules it imports; the first copy loads lib/export.js. (The widget itself is one file,
 * claimlens.js; the rest of lib/ is there for whoever imports a module on its own.)
 */
const ON_DEMAND = new Set(["lib/worker.js", "lib/engine.js", "lib/schedule.js", "lib/transfer.js", "lib/export.js"]);

/**
 * claimlens: { parts: [{ file, rawBytes, gzipBytes, onDemand }], rawBytes, gzipBytes (what a page
 * loads up front), allRawBytes, allGzipBytes (every part) }.
 */
export function claimlensSizes(dir = WEB) {
  const files = ["pkg/claimlens_bg.wasm", "pkg/claimlens.js", "claimlens.js", "claimlens.css", ...ON_DEMAND];
  const parts = files.map((file) => ({ file, onDemand: ON_DEMAND.has(file), ...measure(readFileSync(`${dir}/${file}`)) }));
  const sum = (key, all) => parts.reduce((n, p) => n + (all || !p.onDemand ? p[key] : 0), 0);
  return {
    parts,
    rawBytes: sum("rawBytes", false),
    gzipBytes: sum("gzipBytes", false),
    allRawBytes: sum("rawBytes", true),
    allGzipBytes: sum("gzipBytes", true),
  };
}

/** Each alternative's browser bundle: { ENGINE: { rawBytes, gzipBytes } }. */
export async function alternativeSizes() {
  const out = {};
  for (const [id, contents] of Object.entries(ENTRIES)) {
    const { outputFiles } = await build({
      stdin: { contents, resolveDir: process.cwd(), loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    out[id] = measure(outputFiles[0].contents);
  }
  return out;
}
