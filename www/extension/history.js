// The history page: the claims the claim memory keeps (www/extension/memory.js), grouped by source
// or by topic, searchable, each with a link back to its page; and "forget everything". It opens
// the same database as the background (extension pages share its origin).
//
// Everything shown here came from pages the reader visited, so it is data, never markup: every
// string goes in as text (Element.append and textContent), and a link's address only if it is
// http(s).
import { Memory } from "./memory.js";

/** Claims listed at first, and how many more "Show more" adds. */
const STEP = 200;
/** How long the search waits after a keystroke before it reads the memory. */
const DEBOUNCE_MS = 200;
const UNATTRIBUTED = "Unattributed: the page gives no source";
const OTHER = "Other";

const $ = (id) => document.getElementById(id);
const state = { memory: null, limit: STEP, render: 0, switchedOff: false, count: 0 };

/** An element with properties and children (strings become text nodes, never markup). */
function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function bytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** What this origin keeps on disk, where the browser says: its databases, else all its storage. */
async function storageUsed() {
  if (!navigator.storage?.estimate) return null;
  try {
    const e = await navigator.storage.estimate();
    return e.usageDetails?.indexedDB ?? e.usage ?? null;
  } catch {
    return null;
  }
}

/** The reader's switch (chrome.storage.local `memory`, on unless turned off). */
async function memorySwitchedOn() {
  if (!globalThis.chrome?.storage?.local) return true;
  const { memory } = await chrome.storage.local.get({ memory: true });
  return memory !== false;
}

/**
 * The claims in groups, the larger first: by canonical source (the unattributed ones last, in
 * their own group), or by topic — a figure's thing and event ("people · displacement"), a claim
 * with figures on several topics under each — with the claims that have no topic under their
 * counted noun, else under "Other".
 */
function grouped(claims, by) {
  const groups = new Map();
  const add = (key, label, rank, claim) => {
    if (!groups.has(key)) groups.set(key, { label, rank, claims: [] });
    groups.get(key).claims.push(claim);
  };
  for (const c of claims) {
    if (by === "source") {
      if (c.source) add(`s:${c.source}`, c.source, 0, c);
      else add("unattributed", UNATTRIBUTED, 1, c);
      continue;
    }
    const topics = new Set(c.values.filter((v) => v.topic).map((v) => `${v.topic.thing} · ${v.topic.event}`));
    for (const t of topics) add(`t:${t}`, t, 0, c);
    if (topics.size) continue;
    const counted = c.values.map((v) => v.counted?.trim().toLowerCase()).find(Boolean);
    if (counted) add(`c:${counted}`, counted, 1, c);
    else add("other", OTHER, 2, c);
  }
  return [...groups.values()].sort((a, b) => a.rank - b.rank || b.claims.length - a.claims.length || a.label.localeCompare(b.label));
}

/** A page's address as a link when it is a web page; otherwise its title as plain text. */
function pageLink(c) {
  const text = c.title?.trim() || c.url;
  let web = false;
  try {
    web = /^https?:$/.test(new URL(c.url).protocol);
  } catch {
    web = false;
  }
  if (!web) return el("span", { className: "page" }, text);
  return el("a", { className: "page", href: c.url, target: "_blank", rel: "noopener noreferrer" }, text);
}

function seenDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return el("span", {}, String(iso ?? ""));
  return el("time", { dateTime: iso, title: d.toLocaleString() }, d.toLocaleDateString(undefined, { dateStyle: "medium" }));
}

function figure(v) {
  const parts = [el("span", { className: "figure-text" }, v.text)];
  if (v.hedge && v.hedge !== "exact") parts.push(" ", el("span", { className: "hedge" }, v.hedge.replaceAll("_", " ")));
  if (v.topic) parts.push(" ", el("span", { className: "topic" }, `${v.topic.thing} · ${v.topic.event}`));
  return el("li", {}, ...parts);
}

function claimItem(c) {
  const figures = c.values.length ? el("ul", { className: "figures" }, ...c.values.map(figure)) : null;
  figures?.setAttribute("aria-label", "Figures");
  return el(
    "li",
    { className: "claim" },
    el("p", { className: "sentence" }, c.text),
    figures,
    el("p", { className: "meta" }, el("span", { className: "source" }, c.source ?? "no source given"), " · seen ", seenDate(c.seen), " · ", pageLink(c)),
  );
}

function groupSection(g, i) {
  const id = `group-${i}`;
  const section = el(
    "section",
    { className: "group" },
    el("h2", { id }, el("span", { className: "name" }, g.label), " ", el("span", { className: "count" }, plural(g.claims.length, "claim"))),
    el("ol", { className: "claims" }, ...g.claims.map(claimItem)),
  );
  section.setAttribute("aria-labelledby", id);
  return section;
}

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = false;
  document.body.dataset.state = "error";
}

function showEmpty(text) {
  $("empty").textContent = text;
  $("empty").hidden = !text;
}

/** Reads the memory again and redraws the page; a render started later wins over this one. */
async function render() {
  const mine = ++state.render;
  document.body.dataset.state = "loading";
  const query = $("query").value;
  const by = document.querySelector('input[name="group"]:checked').value;
  let count, claims, used;
  try {
    [count, claims, used, state.switchedOff] = await Promise.all([state.memory.count(), state.memory.list({ query, limit: state.limit }), storageUsed(), memorySwitchedOn().then((on) => !on)]);
  } catch (err) {
    if (mine === state.render) showError(`claimlens could not read its claim memory: ${err?.message ?? err}`);
    return;
  }
  if (mine !== state.render) return;
  state.count = count;
  $("summary").textContent = `${plural(count, "remembered claim")}${used === null ? "" : ` · ${bytes(used)} of storage used on this computer`}`;
  $("switched-off").hidden = !state.switchedOff || count === 0;
  $("forget").disabled = count === 0;
  $("groups").replaceChildren(...grouped(claims, by).map(groupSection));
  const more = claims.length >= state.limit;
  $("more-line").hidden = !more;
  if (count === 0) showEmpty(state.switchedOff ? "Memory is switched off: nothing is remembered." : "Nothing remembered yet. The claims of the pages you scan with claimlens will be listed here.");
  else if (!claims.length) showEmpty(`No remembered claim matches “${query.trim()}”.`);
  else showEmpty("");
  const matching = query.trim() ? ` matching “${query.trim()}”` : "";
  $("shown").textContent = !claims.length ? "" : more ? `Showing the ${plural(claims.length, "most recent claim")}${matching}.` : `Showing ${plural(claims.length, "claim")}${matching}.`;
  document.body.dataset.state = "ready";
}

let typing = null;
function search() {
  // The page says at once that it is reading; the read waits until typing pauses.
  document.body.dataset.state = "loading";
  clearTimeout(typing);
  typing = setTimeout(() => {
    state.limit = STEP;
    render();
  }, DEBOUNCE_MS);
}

function askToForget() {
  const dialog = $("confirm");
  $("confirm-text").textContent = `${plural(state.count, "remembered claim")} will be deleted from this browser. This cannot be undone.`;
  dialog.returnValue = "";
  dialog.showModal();
}

async function forgetIfConfirmed() {
  if ($("confirm").returnValue !== "forget") return;
  // Emptying a full memory takes seconds (docs/bench/memory.md): say so meanwhile.
  document.body.dataset.state = "loading";
  $("forget").disabled = true;
  $("summary").textContent = `Forgetting ${plural(state.count, "remembered claim")}…`;
  try {
    await state.memory.forget();
  } catch (err) {
    showError(`claimlens could not empty its claim memory: ${err?.message ?? err}`);
    return;
  }
  state.limit = STEP;
  await render();
  $("summary").textContent = `Every remembered claim is forgotten. ${$("summary").textContent}`;
}

async function init() {
  try {
    state.memory = await Memory.open();
  } catch (err) {
    $("summary").textContent = "";
    for (const c of document.querySelectorAll("#controls input, #forget")) c.disabled = true;
    showError(`claimlens could not open its claim memory: ${err?.message ?? err}`);
    return;
  }
  $("controls").addEventListener("submit", (e) => e.preventDefault());
  $("query").addEventListener("input", search);
  for (const r of document.querySelectorAll('input[name="group"]')) r.addEventListener("change", render);
  $("more").addEventListener("click", () => {
    state.limit += STEP;
    render();
  });
  $("forget").addEventListener("click", askToForget);
  $("confirm").addEventListener("close", forgetIfConfirmed);
  // Pages read while this one was in the background, and the switch turned in the popup.
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && render());
  globalThis.chrome?.storage?.onChanged?.addListener((changes, area) => area === "local" && "memory" in changes && render());
  await render();
}

init();
