// The panel: claims grouped by source, unattributed ones first and flagged, filters, exports.
// Everything a page wrote is inserted as text (textContent), never as markup.

import { sliceClock } from "./schedule.js";

const KINDS = ["count", "number", "percent", "money", "measure", "ratio", "ordinal", "date", "duration"];

/** How many claims of a group are built at first. */
const GROUP_PAGE = 50;

// Taken when this module loads: a page's own document.createElement (set before or after) and a
// later Document.prototype.createElement do not reach the panel.
const { createElement } = Document.prototype;

/** An element with attributes (`text` sets its text, `on…` adds a listener) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = createElement.call(document, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/**
 * A figure as the panel shows it: thousands grouped with commas, at most four decimals, as
 * `Intl.NumberFormat("en-US", { maximumFractionDigits: 4 })` writes it. Written out here because
 * the first use of Intl on a page loads its locale data, which took 20–30 ms of the first panel;
 * Intl is used only where JavaScript writes the figure with an exponent (1e21 and more, under
 * 1e-6).
 */
export function formatNumber(x) {
  if (typeof x !== "number") return "";
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "NaN" : x > 0 ? "∞" : "-∞";
  const digits = String(Math.abs(x));
  if (digits.includes("e")) return new NumberFormat("en-US", { maximumFractionDigits: 4 }).format(x);
  let [whole, fraction = ""] = digits.split(".");
  if (fraction.length > 4) {
    // Rounded half away from zero on the shortest decimal that reads back as x, as Intl does.
    const up = fraction.charCodeAt(4) >= 53; // "5"
    fraction = fraction.slice(0, 4);
    if (up) {
      const sum = String(BigInt(whole + fraction) + 1n).padStart(whole.length + 4, "0");
      whole = sum.slice(0, -4);
      fraction = sum.slice(-4);
    }
  }
  fraction = fraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

// Taken when this module loads, like createElement above.
const { NumberFormat } = Intl;

/** A short reading of a value: "358,000 Syrians (approximate)", "2019-12-01 … 2020-01-27". */
export function describe(v) {
  if (v.kind === "date") {
    if (!v.from) return "date (unresolved)";
    return v.from === v.to ? v.from : `${v.from} … ${v.to}`;
  }
  if (v.kind === "ordinal") return `rank ${formatNumber(v.value)}${v.counted ? ` · ${v.counted}` : ""}`;
  let figure = v.value != null ? formatNumber(v.value) : v.min != null && v.max != null ? `${formatNumber(v.min)}–${formatNumber(v.max)}` : "";
  if (v.unit) figure += v.unit === "percent" ? "%" : ` ${v.unit}`;
  const parts = [figure || v.text];
  if (v.counted) parts.push(v.counted);
  if (v.hedge && v.hedge !== "exact") parts.push(`(${v.hedge.replace("_", " ")})`);
  if (v.resolved != null) parts.push(`≈ ${formatNumber(v.resolved)}`);
  return parts.join(" ");
}

/** The sentence with its values marked. */
function sentence(claim) {
  const p = el("p", { class: "sentence" });
  const text = claim.text;
  let at = 0;
  for (const v of claim.values) {
    const a = v.start - claim.start;
    const b = v.end - claim.start;
    if (a < at || b > text.length) continue;
    p.append(text.slice(at, a), el("mark", { class: `kind-${v.kind}`, text: text.slice(a, b) }));
    at = b;
  }
  p.append(text.slice(at));
  return p;
}

/** An http(s) address as a string, or null: a remembered page is linked only if it is one. */
function webAddress(url) {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * A check's note. A figure that conflicts with one the reader saw on another page (the extension's
 * claim memory) links to that page and says who gave the figure and when it was seen.
 */
function checkNote(c) {
  const note = el("p", { class: c.elsewhere ? "check elsewhere" : "check", role: "note", "data-kind": c.kind }, `⚠ ${c.message}`);
  const e = c.elsewhere;
  if (e) {
    const href = webAddress(e.url);
    const title = e.title || e.url;
    note.append(
      " — seen on ",
      href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", text: title }) : title,
      e.source ? `, from ${e.source}` : ", with no source",
      e.seen ? `, on ${String(e.seen).slice(0, 10)}` : "",
    );
  }
  return note;
}

function claimItem(claim, onOpen, onExport) {
  const a = claim.attribution;
  const details = el("ul", { class: "values" });
  for (const v of claim.values) details.append(el("li", {}, el("span", { class: "kind", text: v.kind }), " ", describe(v)));
  const source = a
    ? el("p", { class: "source" }, `${a.quote ? "Quoted: " : ""}${a.canonical}`, a.affiliation ? ` (${a.affiliation})` : "", a.inherited ? " — carried over from an earlier sentence" : "")
    : el("p", { class: "source none", text: "No source given on this page" });
  const checks = claim.checks.map(checkNote);
  return el(
    "li",
    { class: a ? "claim" : "claim unattributed", "data-id": claim.id },
    el("button", { type: "button", class: "open", title: "Show in the page", onclick: () => onOpen(claim) }, sentence(claim)),
    details,
    source,
    ...checks,
    el(
      "span",
      { class: "score", title: `check-worthiness ${claim.score}` },
      `score ${claim.score.toFixed(2)} `,
      el("button", { type: "button", class: "copy", onclick: () => onExport("ClaimReview", claim) }, "Copy as ClaimReview"),
    ),
  );
}

/** Groups claims: unattributed first, then by source in page order. */
export function groups(claims) {
  const out = new Map([["", []]]);
  for (const c of claims) {
    const key = c.attribution ? c.attribution.canonical : "";
    if (!out.has(key)) out.set(key, []);
    out.get(key).push(c);
  }
  if (!out.get("").length) out.delete("");
  return out;
}

/** Builds the panel's controls once; `render` fills its list. */
export function createPanel(root, { onOpen, onExport, onToggle }) {
  const state = { kinds: new Set(KINDS), attribution: "all", minScore: 0 };
  const badge = el("span", { class: "badge", "aria-label": "claims", text: "0" });
  const toggle = el("button", { type: "button", class: "toggle", "aria-expanded": "true", onclick: () => onToggle() }, "claimlens ", badge);
  const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
  const progress = el("progress", { class: "progress", hidden: true, "aria-label": "Reading the page" });
  const date = el("p", { class: "date" });
  const list = el("div", { class: "groups" });
  const rerender = () => render(lastExtraction);
  const kindBoxes = KINDS.map((k) =>
    el("label", {}, el("input", { type: "checkbox", checked: true, value: k, onchange: (e) => {
      e.target.checked ? state.kinds.add(k) : state.kinds.delete(k);
      rerender();
    } }), ` ${k}`),
  );
  const attributionSelect = el(
    "select",
    { "aria-label": "Show claims", onchange: (e) => {
      state.attribution = e.target.value;
      rerender();
    } },
    el("option", { value: "all", text: "All claims" }),
    el("option", { value: "unattributed", text: "Unattributed only" }),
    el("option", { value: "attributed", text: "Attributed only" }),
  );
  const scoreLabel = el("span", { text: "0.00" });
  const scoreInput = el("input", { type: "range", min: "0", max: "1", step: "0.05", value: "0", "aria-label": "Minimum score", oninput: (e) => {
    state.minScore = Number(e.target.value);
    scoreLabel.textContent = state.minScore.toFixed(2);
    rerender();
  } });
  const exports = el(
    "div",
    { class: "exports", role: "group", "aria-label": "Copy the claims" },
    ...["JSON", "CSV", "Markdown", "ClaimReview"].map((f) => el("button", { type: "button", "data-format": f.toLowerCase(), onclick: () => onExport(f) }, `Copy ${f}`)),
  );
  const filters = el(
    "details",
    { class: "filters" },
    el("summary", { text: "Filters" }),
    el("fieldset", {}, el("legend", { text: "Kinds" }), ...kindBoxes),
    el("p", {}, attributionSelect),
    el("p", {}, el("label", {}, "Minimum score ", scoreInput, " ", scoreLabel)),
  );
  const body = el("div", { class: "body" }, date, filters, exports, list);
  const panel = el("aside", { class: "panel", "aria-label": "claimlens: claims on this page" }, el("header", {}, toggle, status, progress), body);
  root.append(panel);

  let lastExtraction = null;
  let rendering = 0;

  // Arrow keys move between claims; Escape collapses the panel.
  panel.addEventListener("keydown", (e) => {
    const buttons = [...list.querySelectorAll("button.open")];
    const i = buttons.indexOf(root.activeElement);
    if (e.key === "ArrowDown" && i >= 0 && i + 1 < buttons.length) {
      buttons[i + 1].focus();
      e.preventDefault();
    } else if (e.key === "ArrowUp" && i > 0) {
      buttons[i - 1].focus();
      e.preventDefault();
    } else if (e.key === "Escape") {
      onToggle(false);
    }
  });

  function visible(c) {
    if (c.score < state.minScore) return false;
    if (state.attribution === "attributed" && !c.attribution) return false;
    if (state.attribution === "unattributed" && c.attribution) return false;
    return c.values.length === 0 ? state.kinds.size === KINDS.length : c.values.some((v) => state.kinds.has(v.kind));
  }

  /**
   * Fills the list: built apart from the page a few groups per slice, then put in place at once
   * (so the browser lays it out once). A newer render (a filter change) stops this one.
   */
  async function render(extraction) {
    const current = ++rendering;
    lastExtraction = extraction;
    if (!extraction) {
      list.replaceChildren();
      return;
    }
    const shown = extraction.claims.filter(visible);
    badge.textContent = String(extraction.claims.length);
    const built = document.createDocumentFragment();
    const clock = sliceClock(1);
    for (const [name, claims] of groups(shown)) {
      if (clock.due()) {
        await clock.pause();
        if (current !== rendering) return;
      }
      const first = claims[0].attribution;
      const title = name ? `${name} (${first.type})` : "Unattributed: no source on the page";
      // A long page's groups open with their first claims; the rest are built on request, so
      // showing thousands of claims never blocks the page.
      const ol = el("ol", {}, ...claims.slice(0, GROUP_PAGE).map((c) => claimItem(c, onOpen, onExport)));
      const section = el(
        "section",
        { class: name ? "group" : "group unattributed", "aria-label": title },
        el("h3", {}, title, el("span", { class: "count", text: ` · ${claims.length}` })),
        ol,
      );
      if (claims.length > GROUP_PAGE) {
        let shownSoFar = GROUP_PAGE;
        const more = el("button", { type: "button", class: "more" });
        const label = () => (more.textContent = `Show ${Math.min(GROUP_PAGE, claims.length - shownSoFar)} more of ${claims.length - shownSoFar}`);
        label();
        more.addEventListener("click", () => {
          ol.append(...claims.slice(shownSoFar, shownSoFar + GROUP_PAGE).map((c) => claimItem(c, onOpen, onExport)));
          shownSoFar += GROUP_PAGE;
          if (shownSoFar >= claims.length) more.remove();
          else label();
        });
        section.append(more);
      }
      built.append(section);
    }
    if (!shown.length) built.append(el("p", { class: "empty", text: extraction.claims.length ? "No claim matches the filters." : "No checkable claim found on this page." }));
    list.replaceChildren(built);
  }

  return {
    render,
    /** A status line; `busy` shows a progress bar, determinate when `share` (0 to 1) is known. */
    get status() {
      return status.textContent;
    },
    setStatus(text, { busy = false, error = false, share = null } = {}) {
      status.textContent = text;
      status.classList.toggle("error", error);
      progress.hidden = !busy;
      if (share == null) progress.removeAttribute("value");
      else progress.value = share;
    },
    setDate({ date: d, assumed }) {
      date.textContent = assumed ? `Dates resolved against today, ${d} (the page gives no publication date)` : `Dates resolved against the publication date, ${d}`;
      date.classList.toggle("assumed", assumed);
    },
    setCollapsed(collapsed) {
      toggle.setAttribute("aria-expanded", String(!collapsed));
      body.hidden = collapsed;
    },
    get collapsed() {
      return body.hidden;
    },
    setMinScore(score) {
      state.minScore = score;
      scoreInput.value = String(score);
      scoreLabel.textContent = score.toFixed(2);
      rerender();
    },
  };
}
