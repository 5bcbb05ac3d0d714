// The extension's content script: reads the page with the same collector as the embed, asks the
// background for the claims, and shows them with the same widget (panel, highlights). It never
// runs WebAssembly itself. Bundled into content.js by scripts/build-extension.mjs.

import css from "../claimlens.css";
import { unpack } from "../lib/transfer.js";
import * as exportFormats from "../lib/export.js";
import { Widget } from "../lib/widget.js";
import * as P from "./protocol.js";

function create() {
  let host = null;
  let widget = null;
  let observer = null;
  let timer = 0;
  let settings = P.DEFAULT_SETTINGS;
  let progress = null;
  /** This page's scans, counted: the claim memory's answer names the scan it is about. */
  let scans = 0;
  /** The latest scan's claims, and the memory's answer about them once it came. */
  let current = null;
  /** A memory answer that came before its scan's claims did. */
  let early = null;

  /** Puts the memory's flags on the claims they concern; shown now, or when the panel is ready. */
  function applyMemory(message) {
    for (const [id, check] of message.checks) current.extraction.claims[id]?.checks.push(check);
    current.memory = message;
    settle();
  }

  /** Once the panel shows the latest claims and the memory has answered: list them again. */
  function settle() {
    const m = current?.memory;
    if (!m || current.settled || host?.dataset.state !== "ready" || widget?.result?.extraction !== current.extraction) return;
    current.settled = true;
    const shown = host;
    widget.refresh({ list: m.checks.length > 0, error: m.error ?? null }).then(() => {
      // What the memory said is in place (for anyone checking: tests).
      shown.dataset.memory = "done";
    });
  }

  async function read(texts, blocks, options, onProgress) {
    progress = onProgress;
    let reply;
    try {
      scans += 1;
      if (host) host.dataset.memory = "waiting";
      reply = await chrome.runtime.sendMessage({ kind: P.EXTRACT, texts, blocks: Array.from(blocks), options, title: String(document.title ?? ""), scan: scans });
    } finally {
      progress = null;
    }
    if (reply?.kind === "extracted") {
      const extraction = await unpack(reply.extraction);
      current = { scan: scans, extraction };
      if (early?.scan === scans) applyMemory(early);
      early = null;
      return extraction;
    }
    const Ctor = reply?.name === "TypeError" ? TypeError : reply?.name === "RangeError" ? RangeError : Error;
    throw Object.assign(new Ctor(reply?.message ?? "claimlens's background did not answer"), { code: "ENGINE" });
  }

  function mount() {
    if (host?.isConnected) return;
    // An undefined custom element name: attachShadow accepts it, no page style targets it.
    host = document.createElement("claimlens-host");
    host.setAttribute("data-claimlens", "");
    const shadow = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    // The copy formats are bundled here: a content script cannot import a module.
    widget = new Widget(host, shadow, read, { adoptStyles: false, exports: async () => exportFormats });
    host.addEventListener("claimlens:scanned", settle);
    document.documentElement.append(host);
    // In the top layer, as the embed's panel is: above any overlay or z-index of the page.
    try {
      host.popover = "manual";
      host.showPopover();
    } catch {
      // Without popovers the panel is a fixed element with the highest z-index.
    }
  }

  /** New paragraphs on a page that keeps adding content are read too (debounced). */
  function watch() {
    if (observer) return;
    observer = new MutationObserver((records) => {
      if (records.every((r) => host?.contains(r.target))) return;
      clearTimeout(timer);
      timer = setTimeout(() => widget?.scan().catch(() => {}), 800);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  async function scan(next = settings) {
    settings = { ...P.DEFAULT_SETTINGS, ...next };
    mount();
    widget.highlights = settings.highlights;
    widget.setMinScore(settings.minScore);
    const extraction = await widget.scan();
    watch();
    return status(extraction);
  }

  function status(extraction = widget?.result?.extraction) {
    if (!extraction) return { kind: "status", scanned: false };
    return {
      kind: "status",
      scanned: true,
      claims: extraction.claims.length,
      sources: extraction.sources.length,
      unattributed: extraction.claims.filter((c) => !c.attribution).length,
    };
  }

  function clear() {
    observer?.disconnect();
    observer = null;
    clearTimeout(timer);
    widget?.clear();
    host?.remove();
    host = null;
    widget = null;
    return { kind: "status", scanned: false };
  }

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== chrome.runtime.id || !P.valid(message)) return false;
    if (message.kind === P.PROGRESS) {
      progress?.("extracting", { share: message.share });
      return false;
    }
    if (message.kind === P.MEMORY) {
      // Only for the latest scan: an older one's answer is moot.
      if (message.scan === scans) {
        if (current?.scan === scans) applyMemory(message);
        else early = message;
      }
      return false;
    }
    const reply = message.kind === P.SCAN ? scan(message.settings) : message.kind === P.CLEAR ? Promise.resolve(clear()) : Promise.resolve(status());
    reply.then(sendResponse, (err) => sendResponse({ kind: "error", message: err?.message ?? String(err) }));
    return true;
  });

  return { scan: () => chrome.storage.local.get(P.DEFAULT_SETTINGS).then((s) => scan(s)), clear, status };
}

// Injected again on every scan: only the first copy sets up.
globalThis.__claimlensContent ??= create();
