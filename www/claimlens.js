// claimlens in a web page: `<script type="module" src=".../claimlens.js"></script>` and a
// `<claim-lens autoscan></claim-lens>` element, or `import { scan } from "claimlens"`.
//
// Public surface: scan(), the <claim-lens> element (scan(), clear(), the `autoscan` and `theme`
// attributes, `claimlens:scanned` and `claimlens:error` events). Everything else is internal.

import { extractNodes, load } from "./lib/engine.js";
import { unpack } from "./lib/transfer.js";
import { readPage, Widget } from "./lib/widget.js";

export { extract, extractNodes } from "./lib/engine.js";

/**
 * Pages longer than this (in characters) are read in a worker: the engine's first call on a
 * long text would otherwise hold the page for more than 50 ms.
 */
const WORKER_THRESHOLD = 30_000;

// One worker for the page's lifetime: a second scan finds the engine compiled and warm.
let worker = null;
let nextId = 1;
const pending = new Map();

function startWorker() {
  const w = new Worker(new URL("./lib/worker.js", import.meta.url), { type: "module" });
  w.onmessage = ({ data }) => {
    const job = pending.get(data.id);
    if (!job) return;
    if (data.kind === "progress") {
      job.onProgress?.(data.stage, { share: data.share });
      return;
    }
    pending.delete(data.id);
    if (data.kind === "done") unpack(data.result).then(job.resolve, job.reject);
    else {
      const Ctor = data.name === "TypeError" ? TypeError : data.name === "RangeError" ? RangeError : Error;
      job.reject(Object.assign(new Ctor(data.message), data.code ? { code: data.code } : {}));
    }
  };
  w.onerror = (e) => {
    // The worker itself failed (it could not load, or it crashed): every job in it fails, and
    // the next scan starts a new one.
    w.terminate();
    if (worker === w) worker = null;
    for (const job of pending.values()) job.reject(Object.assign(new Error(`claimlens worker failed: ${e.message}`), { code: "ENGINE" }));
    pending.clear();
  };
  return w;
}

function runInWorker(texts, blocks, options, onProgress) {
  return new Promise((resolve, reject) => {
    try {
      worker ??= startWorker();
    } catch (err) {
      reject(err);
      return;
    }
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, texts, blocks: Array.from(blocks), options });
  });
}

/** Turns text nodes into claims: in the page, or in a worker when the page is long. */
async function read(texts, blocks, options, onProgress) {
  const size = texts.reduce((n, t) => n + t.length, 0);
  if (size > WORKER_THRESHOLD && typeof Worker === "function") {
    try {
      return await runInWorker(texts, blocks, options, onProgress);
    } catch (err) {
      if (err.code === "ENGINE" || err instanceof TypeError || err instanceof RangeError) throw err;
    }
  }
  await load();
  return extractNodes(texts, blocks, options);
}

/**
 * Reads the page (or `root`) and returns its claims: `{ extraction, nodes, date }`, where
 * `extraction` is the data contract with node positions and `nodes` the page's text nodes.
 */
export function scan(options = {}) {
  return readPage(read, options);
}

const STYLE_URL = new URL("./claimlens.css", import.meta.url);

class ClaimLensElement extends HTMLElement {
  #widget = null;

  connectedCallback() {
    if (this.#widget) return;
    const shadow = this.attachShadow({ mode: "open" });
    shadow.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLE_URL.href }));
    this.#widget = new Widget(this, shadow, read);
    if (this.hasAttribute("autoscan")) {
      const start = () => this.scan().catch(() => {});
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
      else start();
    }
  }

  disconnectedCallback() {
    this.#widget?.clear();
  }

  /** Reads the page, lists its claims and highlights them. */
  scan() {
    return this.#widget.scan();
  }

  /** Removes the highlights; the page is left as it was. */
  clear() {
    this.#widget?.clear();
  }
}

if (typeof customElements !== "undefined" && customElements && !customElements.get("claim-lens")) {
  customElements.define("claim-lens", ClaimLensElement);
}
