// The widget: the panel, the highlights, navigation and the hover card for one page. Shared by the
// embed (<claim-lens>) and the extension's content script; how text becomes claims is passed in.

import { collect, mainContent, referenceDate } from "./collect.js";
import { clear as clearHighlights, flash, paint, rangeOf, supported } from "./highlight.js";
import { createPanel, describe, el } from "./panel.js";
import { now } from "./schedule.js";

/**
 * Reads `doc` with `read(texts, blocks, options, onProgress)` (which returns the data contract
 * with node positions) and returns `{ extraction, nodes, date }`.
 */
export async function readPage(read, { root, doc = document, date, onProgress } = {}) {
  const main = root ?? mainContent(doc);
  const ref = date ? { date, assumed: false } : referenceDate(doc, main);
  const { nodes, texts, blocks } = await collect(main);
  const size = texts.reduce((n, t) => n + t.length, 0);
  onProgress?.("extracting", { size });
  const extraction = await read(texts, blocks, { referenceDate: ref.date }, onProgress);
  return { extraction, nodes, date: ref };
}

// Taken when the widget loads, for the exports (loaded later, when a page may have replaced it).
const { stringify } = JSON;

/** A mark in the page's performance timeline, for developer tools and tests (never fatal). */
function mark(name) {
  try {
    performance.mark(name);
  } catch {
    // A page may have replaced performance.mark; the scan does not depend on it.
  }
}

export class Widget {
  /** Resolves to lib/export.js's functions: loaded on the first copy by the embed, bundled by the
   * extension. */
  #exports;
  /** The loading exports, once asked for (a failed load is asked for again). */
  #exportsLoading = null;
  #host;
  #panel;
  #read;
  #result = null;
  #ranges = new Map();
  #card;
  #onMove = null;
  #adoptStyles;
  #painting = 0;
  highlights = true;

  /**
   * Builds the panel in `shadow`; `host` carries state (data-*) and events. `adoptStyles: false`
   * leaves the highlight colours to the caller.
   */
  constructor(host, shadow, read, { adoptStyles = true, exports } = {}) {
    if (typeof exports !== "function") {
      throw new TypeError("Widget needs { exports }: a function that resolves to lib/export.js's functions");
    }
    this.#host = host;
    this.#read = read;
    this.#adoptStyles = adoptStyles;
    this.#exports = exports;
    this.#card = el("div", { class: "card", role: "tooltip", hidden: true });
    this.#panel = createPanel(shadow, {
      onOpen: (claim) => this.#open(claim),
      onExport: (name, claim) => this.#export(name, claim),
      onToggle: (open) => this.#panel.setCollapsed(open === undefined ? !this.#panel.collapsed : !open),
    });
    shadow.append(this.#card);
    // The copy formats start loading when a copy button is pointed at or focused, so the click
    // finds them loaded and writes to the clipboard within its own user gesture (which some
    // browsers require).
    const prefetch = async (e) => {
      if (!e.target?.closest?.(".exports button, button.copy")) return;
      try {
        await this.#loadExports();
      } catch {
        // Reported when the copy is asked for.
      }
    };
    shadow.addEventListener("pointerover", prefetch);
    shadow.addEventListener("focusin", prefetch);
  }

  // Awaited, never .then()/.catch(): a page may have replaced Promise.prototype.then.
  #loadExports() {
    this.#exportsLoading ??= (async () => {
      try {
        return await this.#exports();
      } catch (err) {
        this.#exportsLoading = null;
        throw err;
      }
    })();
    return this.#exportsLoading;
  }

  get result() {
    return this.#result;
  }

  /** Reads the page, lists its claims and highlights them. */
  async scan(options = {}) {
    const panel = this.#panel;
    const host = this.#host;
    panel.setStatus("Reading the page…", { busy: true });
    host.dataset.state = "reading";
    mark("claimlens:scan");
    const started = now();
    let size = 0;
    try {
      const result = await readPage(this.#read, {
        ...options,
        onProgress: (stage, info = {}) => {
          if (stage !== "extracting") return;
          size = info.size ?? size;
          if (size > 20000) {
            const share = info.share == null ? null : Math.min(1, Math.max(0, info.share));
            const percent = share == null ? "" : ` ${Math.round(share * 100)} %`;
            panel.setStatus(`Reading ${(size / 1e6).toFixed(1)} MB of text…${percent}`, { busy: true, share });
            // What the reader was shown, kept for anyone checking (tests, the extension's popup).
            host.dataset.progress = String(size);
            if (share != null) host.dataset.share = String(share);
          } else {
            panel.setStatus("Reading the page…", { busy: true });
          }
        },
      });
      this.#result = result;
      panel.setDate(result.date);
      await panel.render(result.extraction);
      const { claims, sources } = result.extraction;
      const unattributed = claims.filter((c) => !c.attribution).length;
      panel.setStatus(`${claims.length} claims, ${sources.length} sources, ${unattributed} unattributed`);
      await this.#repaint();
      host.dataset.state = "ready";
      mark("claimlens:ready");
      host.dataset.ms = String(Math.round(now() - started));
      host.dispatchEvent(new CustomEvent("claimlens:scanned", { detail: result.extraction, bubbles: true }));
      return result.extraction;
    } catch (err) {
      host.dataset.state = "error";
      panel.setStatus(`claimlens could not read this page: ${err.message}`, { error: true });
      host.dispatchEvent(new CustomEvent("claimlens:error", { detail: err, bubbles: true }));
      throw err;
    }
  }

  /**
   * Lists the claims again, after checks were added to them (the extension's claim memory answers
   * after the claims are shown); `error`, when given, joins the status line.
   */
  async refresh({ list = true, error = null } = {}) {
    const extraction = this.#result?.extraction;
    if (!extraction) return;
    if (list) await this.#panel.render(extraction);
    if (error) this.#panel.setStatus(`${this.#panel.status}. ${error}`, { error: true });
  }

  /** Turns the highlights on or off. */
  setHighlights(on) {
    this.highlights = on;
    return this.#repaint();
  }

  /** Shows only claims scoring at least `score`. */
  setMinScore(score) {
    this.#panel.setMinScore(score);
  }

  async #repaint() {
    const painting = ++this.#painting;
    clearHighlights();
    this.#ranges = new Map();
    if (!this.#result || !this.highlights) return;
    const { ranges } = await paint(this.#result.extraction.claims, this.#result.nodes, { adopt: this.#adoptStyles });
    // A later repaint or clear() took over while this one was painting.
    if (painting !== this.#painting) return;
    this.#ranges = ranges;
    this.#watchHover();
  }

  /** Removes the highlights; the page is left as it was. */
  clear() {
    this.#painting += 1;
    clearHighlights();
    if (this.#onMove) document.removeEventListener("mousemove", this.#onMove);
    this.#onMove = null;
    this.#ranges = new Map();
  }

  #open(claim) {
    const range = rangeOf(this.#result.nodes, claim);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ behavior: "smooth", block: "center" });
    flash(range);
    this.#host.dataset.opened = String(claim.id);
  }

  /** Copies the page's claims, or one `claim`, as "JSON", "CSV", "Markdown" or "ClaimReview". */
  async #export(name, claim) {
    if (!this.#result) return;
    const format = name.toLowerCase();
    const { extraction: e, date } = this.#result;
    let text;
    try {
      // A ClaimReview gives the page's date only when the page stated it.
      const page = { url: location.href, title: document.title, datePublished: date.assumed ? null : date.date };
      const { exportAs } = await this.#loadExports();
      text = exportAs(e, format, { claim: claim?.id, page, stringify });
    } catch (err) {
      this.#panel.setStatus(`claimlens could not prepare the ${name} copy: ${err?.message ?? err}`, { error: true });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      this.#panel.setStatus(`Copied ${claim ? "the claim" : `${e.claims.length} claims`} as ${name}`);
    } catch {
      this.#panel.setStatus("The browser did not allow copying to the clipboard", { error: true });
    }
    this.#host.dataset.exported = format;
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
          el("strong", { text: describe(hit.value) }),
          el("span", { text: a ? ` — ${a.canonical}` : " — no source on the page" }),
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
    const caret = pos ? null : document.caretRangeFromPoint?.(x, y);
    const node = pos ? pos.offsetNode : caret?.startContainer;
    const offset = pos ? pos.offset : caret?.startOffset;
    if (!node || node.nodeType !== Node.TEXT_NODE) return null;
    for (const [range, hit] of this.#ranges) {
      if (range.comparePoint(node, offset) === 0 && range.toString().length) return hit;
    }
    return null;
  }
}
