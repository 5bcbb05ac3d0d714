// claimlens in a web page: `<script type="module" src=".../claimlens.js"></script>` and a
// `<claim-lens autoscan></claim-lens>` element, or `import { scan } from "claimlens"`.
//
// Public surface: scan(), the <claim-lens> element (scan(), clear(), the `autoscan` and `theme`
// attributes, `claimlens:scanned` and `claimlens:error` events). Everything else is internal.

import { extractNodes, load } from "./lib/engine.js";
import { unpack } from "./lib/transfer.js";
import { el } from "./lib/panel.js";
import { readPage, Widget } from "./lib/widget.js";

export { extract, extractNodes } from "./lib/engine.js";

/**
 * The copy formats (lib/export.js, 1 KB gzipped), fetched on the first copy rather than with the
 * widget. A real dynamic import: its promise is the engine's own, so awaiting it does not go
 * through a Promise.prototype.then the page may have replaced.
 */
const loadExports = () => import(new URL("./lib/export.js", import.meta.url).href);

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
  // Awaited, not returned: an async function's returned promise is adopted through its then(),
  // which a page may have replaced.
  return await extractNodes(texts, blocks, options);
}

/**
 * Reads the page (or `root`) and returns its claims: `{ extraction, nodes, date }`, where
 * `extraction` is the data contract with node positions and `nodes` the page's text nodes.
 */
export function scan(options = {}) {
  return readPage(read, options);
}

const STYLE_URL = new URL("./claimlens.css", import.meta.url);

/**
 * A widget that could not start (a page broke a built-in it needs): the error state and the
 * message as plain text in its shadow root, with as few built-ins as possible.
 */
function showBroken(host, err) {
  const message = `claimlens could not start on this page: ${err?.message ?? err}`;
  try {
    host.dataset.state = "error";
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    shadow.textContent = message;
    host.style.cssText = "position:fixed;top:1rem;right:1rem;z-index:2147483000;padding:.5rem .75rem;background:#fff1eb;color:#a63a00;font:14px system-ui,sans-serif";
  } catch {
    // Nothing left to show it with; the console still says why.
  }
  console.error(message);
}

class ClaimLensElement extends HTMLElement {
  #widget = null;

  connectedCallback() {
    // In the top layer: above any z-index of the page, and out of reach of its transforms.
    try {
      this.popover = "manual";
      this.showPopover();
    } catch {
      // An older browser: the panel is a fixed element with a high z-index.
    }
    if (this.#widget || this.shadowRoot) return; // started, or could not start
    try {
      const shadow = this.attachShadow({ mode: "open" });
      shadow.append(el("link", { rel: "stylesheet", href: STYLE_URL.href }));
      this.#widget = new Widget(this, shadow, read, { exports: loadExports });
    } catch (err) {
      showBroken(this, err);
      return;
    }
    if (this.hasAttribute("autoscan")) {
      // Awaited, not .then(): a page may have replaced Promise.prototype.then.
      const start = async () => {
        try {
          await this.scan();
        } catch {
          // Shown in the panel (the error state).
        }
      };
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
      else start();
    }
  }

  disconnectedCallback() {
    this.#widget?.clear();
  }

  /** Reads the page, lists its claims and highlights them. */
  scan() {
    if (!this.#widget) return Promise.reject(new Error("claimlens could not start on this page"));
    return this.#widget.scan();
  }

  /** Removes the highlights; the page is left as it was. */
  clear() {
    this.#widget?.clear();
  }
}

// A page may have broken customElements.define: the module still loads (scan() works), and the
// <claim-lens> elements already on the page show why they stay empty.
if (typeof customElements !== "undefined" && customElements && !customElements.get("claim-lens")) {
  try {
    customElements.define("claim-lens", ClaimLensElement);
    if (customElements.get("claim-lens") !== ClaimLensElement) throw new Error("customElements.define did not define <claim-lens>");
  } catch (err) {
    for (const host of document.querySelectorAll("claim-lens")) showBroken(host, err);
    if (!document.querySelector("claim-lens")) console.error(`claimlens could not define <claim-lens>: ${err?.message ?? err}`);
  }
}
