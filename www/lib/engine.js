// The WebAssembly engine: loaded once, located next to this module, and restarted after a trap.
//
// `extract` and `extractNodes` return the data contract (see claimlens.d.ts). Errors are real
// `Error`s: a `TypeError` or `RangeError` for bad input, an `Error` with `code: "ENGINE"` when
// the engine itself failed (missing or corrupt .wasm, or an internal error).

import init, * as wasm from "../pkg/claimlens.js";

let ready = null;

/** Where the .wasm file is: beside the bundle unless the page says otherwise. */
function wasmUrl(base) {
  return base ? new URL("claimlens_bg.wasm", base) : new URL("../pkg/claimlens_bg.wasm", import.meta.url);
}

function engineError(message, cause) {
  const err = new Error(message, { cause });
  err.code = "ENGINE";
  return err;
}

/** Loads and compiles the engine once; later calls share the same promise. */
export function load(base) {
  if (!ready) {
    const url = wasmUrl(base);
    ready = init({ module_or_path: url }).then(
      () => wasm,
      (cause) => {
        ready = null;
        throw engineError(`claimlens could not load its engine from ${url}: ${cause && cause.message ? cause.message : cause}`, cause);
      },
    );
  }
  return ready;
}

async function call(fn, args) {
  const engine = await load();
  try {
    return engine[fn](...args);
  } catch (err) {
    if (err instanceof TypeError || err instanceof RangeError) throw err;
    // A trap leaves the instance unusable: the next call starts a fresh one.
    ready = null;
    throw engineError(`claimlens failed while reading this page: ${err && err.message ? err.message : err}`, err);
  }
}

/** The claims in a text. */
export function extract(text, options) {
  return call("extract", [text, options ?? null]);
}

/** The claims in a page's text nodes; `blocks[i]` is the block element holding `texts[i]`. */
export function extractNodes(texts, blocks, options) {
  return call("extractNodes", [texts, blocks, options ?? null]);
}
