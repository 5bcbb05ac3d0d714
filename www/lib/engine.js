// The WebAssembly engine: loaded once, located next to this module, and started afresh after a
// trap (a trapped instance may hold broken state, so the next call gets a new one).
//
// `extract` and `extractNodes` return the data contract (see claimlens.d.ts). Errors are real
// `Error`s: a `TypeError` or `RangeError` for bad input, an `Error` with `code: "ENGINE"` when
// the engine itself failed (missing or corrupt .wasm, or an internal error).

import { yieldToPage } from "./schedule.js";

// Taken when this module loads: a page that replaces JSON.parse later does not reach the engine.
const { parse } = JSON;

/**
 * The package's root (where pkg/ is): one level up from lib/engine.js, or where the bundle this
 * module was built into lies (dist/web/claimlens.js holds the widget's modules in one file).
 * Worked out when the engine is wanted, so that a module loaded from an address that cannot be a
 * base (a blob: or data: URL) fails there, with the widget's error state, not as it loads.
 */
function packageRoot() {
  const here = new URL(import.meta.url);
  return new URL(here.pathname.endsWith("/lib/engine.js") ? "../" : "./", here);
}

let ready = null;
let generation = 0;
// The compiled .wasm, shared by every generation: a fresh instance does not fetch or compile again.
let compiled = null;

function engineError(message, cause) {
  const err = new Error(message, { cause });
  err.code = "ENGINE";
  return err;
}

/**
 * Whether a promise resolved with another promise settles, as the engine's glue needs: a page that
 * replaced Promise.prototype.then with something that never calls back would hold a scan forever.
 */
async function promisesSettle() {
  let settled = false;
  (async () => {
    try {
      await (async () => Promise.resolve())();
    } catch {
      // A then() that throws settles too (the load then fails with its error).
    }
    settled = true;
  })();
  await yieldToPage(); // every pending microtask runs before the page's next task
  return settled;
}

/**
 * What `run` resolves to as `{ value }`, or what it threw as `{ error }`: never a rejection, so
 * the .wasm's compile and the glue's import can run side by side and a failure is reported once,
 * by load().
 */
async function settle(run) {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

/** Fetches and compiles the .wasm, as it streams in when the server says `application/wasm`. */
async function compileEngine(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get("content-type") ?? "";
  if (typeof WebAssembly.compileStreaming === "function" && type.split(";")[0].trim() === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Loads and compiles the engine once; later calls share the same promise. */
export function load() {
  if (!ready) {
    // Each generation imports its own copy of the glue, hence its own instance.
    const suffix = generation ? `?instance=${generation}` : "";
    // Awaited rather than chained with .then(): a page may have replaced Promise.prototype.then.
    ready = (async () => {
      let where = "pkg/claimlens_bg.wasm";
      try {
        const root = packageRoot();
        const wasmUrl = new URL("pkg/claimlens_bg.wasm", root);
        where = wasmUrl.href;
        // The .wasm is fetched and compiled while the glue loads, and both start at once.
        compiled ??= settle(() => compileEngine(wasmUrl));
        const compiling = compiled;
        const importing = settle(() => import(new URL(`pkg/claimlens.js${suffix}`, root).href));
        if (!(await promisesSettle())) throw new Error("this page replaced Promise.prototype.then");
        const glue = await importing;
        if ("error" in glue) throw glue.error;
        const module = await compiling;
        if ("error" in module) throw module.error;
        await glue.value.default({ module_or_path: module.value });
        return glue.value;
      } catch (cause) {
        ready = null;
        compiled = null;
        // The next load starts from a fresh copy of the glue: this one may hold a broken instance.
        generation += 1;
        throw engineError(`claimlens could not load its engine from ${where}: ${cause?.message ?? cause}`, cause);
      }
    })();
  }
  return ready;
}

/**
 * Texts longer than this (in characters) leave the instance behind after their call: WebAssembly
 * memory grows to what the largest call needed and never shrinks (a 10 MB text takes over 300 MB),
 * so the next call starts a fresh, small instance instead.
 */
const LARGE = 2_000_000;

async function call(fn, args, size) {
  const engine = await load();
  try {
    // The engine answers in JSON text: one string across the boundary, parsed here.
    const result = parse(engine[fn](...args));
    if (size > LARGE) {
      ready = null;
      generation += 1;
    }
    return result;
  } catch (err) {
    if (err instanceof TypeError || err instanceof RangeError) throw err;
    ready = null;
    generation += 1;
    throw engineError(`claimlens failed while reading this page: ${err?.message ?? err}`, err);
  }
}

/** The claims in a text. */
export function extract(text, options) {
  return call("extract", [text, options ?? null], typeof text === "string" ? text.length : 0);
}

/**
 * The claims in a page's text nodes; `blocks[i]` is the block element holding `texts[i]`.
 * `onProgress(share)` hears how much of the text has been read (0 to 1) on long pages.
 */
export function extractNodes(texts, blocks, options, onProgress) {
  let size = 0;
  if (Array.isArray(texts)) for (let i = 0; i < texts.length; i += 1) size += typeof texts[i] === "string" ? texts[i].length : 0;
  return call("extractNodes", [texts, blocks, options ?? null, onProgress ?? null], size);
}
