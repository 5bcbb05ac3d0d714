// claimlens in a web page: `<script type="module" src=".../claimlens.js"></script>` and a
// `<claim-lens autoscan></claim-lens>` element, or `import { scan } from "claimlens"`.
//
// Public surface: scan(), the <claim-lens> element (scan(), clear(), the `autoscan` and `theme`
// attributes, `claimlens:scanned` and `claimlens:error` events). Everything else is internal.

import { collect, mainContent, referenceDate } from "./lib/collect.js";
import { extractNodes, load } from "./lib/engine.js";
import { toCsv, toJson, toMarkdown } from "./lib/export.js";
import { clear as clearHighlights, flash, paint, rangeOf, supported } from "./lib/highlight.js";
import { createPanel, describe } from "./lib/panel.js";

export { extract, extractNodes } from "./lib/engine.js";

/** Pages longer than this are read in a worker so the page never freezes. */
const WORKER_THRESHOLD = 100_000;

function runInWorker(texts, blocks, options, onProgress) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(new URL("./lib/worker.js", import.meta.url), { type: "module" });
    } catch (err) {
      reject(err);
      return;
    }
    worker.onmessage = ({ data }) => {
      if (data.kind === "progress") onProgress?.(data.stage);
      else {
        worker.terminate();
        if (data.kind === "done") resolve(data.result);
        else {
          const Ctor = data.name === "TypeError" ? TypeError : data.name === "RangeError" ? RangeError : Error;
          const err = new Ctor(data.message);
          if (data.code) err.code = data.code;
          reject(err);
        }
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(Object.assign(new Error(`claimlens worker failed: ${e.message}`), { code: "ENGINE" }));
    };
    worker.postMessage({ id: 1, texts, blocks: Array.from(blocks), options });
  });
}

/**
 * Reads the page (or `root`) and returns its claims: `{ extraction, nodes, date }`, where
 * `extraction` is the data contract with node positions and `nodes` the page's text nodes.
 */
export async function scan({ root, doc = document, date, onProgress } = {}) {
  const main = root ?? mainContent(doc);
  const ref = date ? { date, assumed: false } : referenceDate(doc, main);
  const { nodes, texts, blocks } = collect(main);
  const size = texts.reduce((n, t) => n + t.length, 0);
  onProgress?.("loading");
  const options = { referenceDate: ref.date };
  let extraction;
  if (size > WORKER_THRESHOLD && typeof Worker === "function") {
    onProgress?.("extracting", size);
    try {
      extraction = await runInWorker(texts, blocks, options, onProgress);
    } catch (err) {
      if (err.code === "ENGINE" || err instanceof TypeError || err instanceof RangeError) throw err;
      extraction = await extractNodes(texts, blocks, options);
    }
  } else {
    await load();
    onProgress?.("extracting", size);
    extraction = await extractNodes(texts, blocks, options);
  }
  return { extraction, nodes, date: ref };
}

const STYLE_URL = new URL("./claimlens.css", import.meta.url);

class ClaimLensElement extends HTMLElement {
  #panel = null;
  #result = null;
  #ranges = new Map();
  #card = null;
  #onMove = null;

  connectedCallback() {
    if (this.#panel) return;
    const shadow = this.attachShadow({ mode: "open" });
    shadow.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: STYLE_URL.href }));
    this.#card = Object.assign(document.createElement("div"), { className: "card", hidden: true });
    this.#card.setAttribute("role", "tooltip");
    this.#panel = createPanel(shadow, {
      onOpen: (claim) => this.#open(claim),
      onExport: (format) => this.#export(format),
      onToggle: (open) => this.#panel.setCollapsed(open === undefined ? !this.#panel.collapsed : !open),
    });
    shadow.append(this.#card);
    if (this.hasAttribute("autoscan")) {
      const start = () => this.scan().catch(() => {});
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
      else start();
    }
  }

  disconnectedCallback() {
    this.clear();
  }

  /** Reads the page, lists its claims and highlights them. */
  async scan() {
    const panel = this.#panel;
    panel.setStatus("Reading the page…", { busy: true });
    const started = performance.now();
    try {
      const result = await scan({
        onProgress: (stage, size) => {
          if (stage === "extracting") panel.setStatus(size > 20000 ? `Reading ${(size / 1e6).toFixed(1)} MB of text…` : "Reading the page…", { busy: true });
        },
      });
      this.#result = result;
      panel.setDate(result.date);
      panel.render(result.extraction);
      const { claims, sources } = result.extraction;
      const unattributed = claims.filter((c) => !c.attribution).length;
      panel.setStatus(`${claims.length} claims, ${sources.length} sources, ${unattributed} unattributed`);
      this.#ranges = paint(claims, result.nodes).ranges;
      this.#watchHover();
      this.dataset.state = "ready";
      this.dataset.ms = String(Math.round(performance.now() - started));
      this.dispatchEvent(new CustomEvent("claimlens:scanned", { detail: result.extraction, bubbles: true }));
      return result.extraction;
    } catch (err) {
      this.dataset.state = "error";
      panel.setStatus(`claimlens could not read this page: ${err.message}`, { error: true });
      this.dispatchEvent(new CustomEvent("claimlens:error", { detail: err, bubbles: true }));
      throw err;
    }
  }

  /** Removes the highlights; the page is left as it was. */
  clear() {
    clearHighlights();
    if (this.#onMove) document.removeEventListener("mousemove", this.#onMove);
    this.#onMove = null;
    this.#ranges = new Map();
  }

  #open(claim) {
    const range = rangeOf(this.#result.nodes, claim);
    if (!range) return;
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ behavior: "smooth", block: "center" });
    flash(range);
    this.dataset.opened = String(claim.id);
  }

  async #export(format) {
    if (!this.#result) return;
    const e = this.#result.extraction;
    const text = format === "csv" ? toCsv(e) : format === "markdown" ? toMarkdown(e) : toJson(e);
    try {
      await navigator.clipboard.writeText(text);
      this.#panel.setStatus(`Copied ${e.claims.length} claims as ${format.toUpperCase()}`);
    } catch {
      this.#panel.setStatus("The browser did not allow copying to the clipboard", { error: true });
    }
    this.dataset.exported = format;
  }

  /** A small card with the value and source under the pointer. */
  #watchHover() {
    if (this.#onMove || !supported()) return;
    let pending = false;
    this.#onMove = (e) => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const hit = this.#hit(e.clientX, e.clientY);
        const card = this.#card;
        if (!hit) {
          card.hidden = true;
          return;
        }
        const a = hit.claim.attribution;
        card.replaceChildren(
          Object.assign(document.createElement("strong"), { textContent: describe(hit.value) }),
          Object.assign(document.createElement("span"), { textContent: a ? ` — ${a.canonical}` : " — no source on the page" }),
        );
        card.style.left = `${Math.min(e.clientX + 12, innerWidth - 280)}px`;
        card.style.top = `${e.clientY + 16}px`;
        card.hidden = false;
      });
    };
    document.addEventListener("mousemove", this.#onMove, { passive: true });
  }

  #hit(x, y) {
    const pos = document.caretPositionFromPoint?.(x, y) ?? null;
    const node = pos ? pos.offsetNode : document.caretRangeFromPoint?.(x, y)?.startContainer;
    const offset = pos ? pos.offset : document.caretRangeFromPoint?.(x, y)?.startOffset;
    if (!node || node.nodeType !== Node.TEXT_NODE) return null;
    for (const [range, hit] of this.#ranges) {
      if (range.comparePoint?.(node, offset) === 0 && range.toString().length) return hit;
    }
    return null;
  }
}

if (typeof customElements !== "undefined" && !customElements.get("claim-lens")) {
  customElements.define("claim-lens", ClaimLensElement);
}
