// The page-text collector, shared by the embed and the extension: the visible text of the main
// content as text nodes with the block element each belongs to, and the page's publication date.

import { sliceClock } from "./schedule.js";

const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "ASIDE", "FOOTER", "FORM", "BUTTON", "SELECT",
  "TEXTAREA", "INPUT", "SVG", "MATH", "CANVAS", "IFRAME", "OBJECT", "CLAIM-LENS", "CLAIMLENS-HOST",
]);

const BLOCKS = new Set([
  "P", "DIV", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TD", "TH", "DD", "DT",
  "SECTION", "ARTICLE", "MAIN", "FIGURE", "FIGCAPTION", "TABLE", "TR", "UL", "OL", "DL", "ADDRESS",
  "HEADER", "CAPTION", "BODY",
]);

function hidden(el) {
  if (el.hidden || el.getAttribute("aria-hidden") === "true" || el.inert) return true;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !!style && (style.display === "none" || style.visibility === "hidden");
}

/**
 * White space alone between two inline neighbours is what separates their words
 * ("<b>$3.5</b> <i>million</i>"); elsewhere (between paragraphs, around a block's content) it is
 * only the page's indentation.
 */
function separatesWords(node) {
  const tag = (n) => String(n.tagName).toUpperCase();
  const inline = (n) => !!n && (n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && !BLOCKS.has(tag(n)) && !SKIP.has(tag(n))));
  // A space alone in its own inline element ("<span>&nbsp;</span>") separates that element's
  // neighbours.
  let at = node;
  while (!at.previousSibling && !at.nextSibling && at.parentElement && inline(at.parentElement)) at = at.parentElement;
  return inline(at.previousSibling) && inline(at.nextSibling);
}

/**
 * A footnote mark: a superscript that links within the page ("<sup><a href="#fn1">1</a></sup>"),
 * or a short number or symbol glued to the word or figure before it ("2023<sup>1</sup>",
 * "abroad<sup>4</sup>"). Read, it would glue onto that figure (20231). An exponent after a unit
 * ("km<sup>2</sup>") is not one.
 */
function footnoteMark(el) {
  if (String(el.tagName).toUpperCase() !== "SUP") return false;
  if (el.querySelector('a[href^="#"]')) return true;
  const before = el.previousSibling?.nodeType === Node.TEXT_NODE ? el.previousSibling.data : "";
  const unit = /(^|[^a-z])(k?m|[cm]m|ft|mi|in|yd)$/i.test(before);
  return /[\p{L}\d%)]$/u.test(before) && !unit && /^\s*(\[?\d{1,3}\]?|[*†‡§])\s*$/.test(el.textContent);
}

/** Class and id words of bylines and publication stamps ("byline", "article__timestamp", "entry-date"). */
const BYLINE_NAMES = /(^|[\s_-])(byline|dateline|author|timestamp|date|published|updated)([\s_-]|$)/i;

/** Whether `node` is text with a letter or digit in it: words of a sentence. */
function wordy(node) {
  return node?.nodeType === Node.TEXT_NODE && /[\p{L}\d]/u.test(node.data);
}

/**
 * A byline or a publication stamp: who wrote the article and when it was published or updated
 * ("By Ledger staff · 16 February 2023"). Its date is the page's date (see `referenceDate`), not a
 * claim to check. Only a short element standing on its own is one: a long block keeps its text
 * whatever its class, and so does a marked name or date inside a sentence ("<span
 * class="dateline">KELBY, March 12</span> — Floodwaters …") or a table.
 */
function byline(el) {
  const prop = el.getAttribute("itemprop") ?? "";
  const marked =
    el.getAttribute("rel") === "author" ||
    /^(author|datePublished|dateModified)$/.test(prop) ||
    BYLINE_NAMES.test(el.getAttribute("class") ?? "") ||
    BYLINE_NAMES.test(el.id ?? "");
  // A table's date column dates the figures beside it.
  return marked && !wordy(el.previousSibling) && !wordy(el.nextSibling) && el.textContent.length <= 200 && !el.closest("table");
}

function skipped(el) {
  // SVG and MathML elements keep their lower-case names in an HTML page ("svg", not "SVG").
  return SKIP.has(String(el.tagName).toUpperCase()) || footnoteMark(el) || el.getAttribute("role") === "navigation" || byline(el) || hidden(el);
}

/** The element holding the article: <article>, [role=main], <main>, else the densest block. */
export function mainContent(doc = document) {
  const candidates = [...doc.querySelectorAll("article, [role=main], main")].filter((el) => !hidden(el));
  if (candidates.length) {
    return candidates.reduce((best, el) => (text(el) > text(best) ? el : best));
  }
  // The block with the most paragraph text directly inside it.
  let best = doc.body;
  let bestScore = 0;
  for (const el of doc.body.querySelectorAll("div, section, td")) {
    let score = 0;
    for (const p of el.children) if (p.tagName === "P") score += p.textContent.length;
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

function text(el) {
  return el.textContent.length;
}

/**
 * The visible text nodes of `root`: `nodes[i]` (the Text node), `texts[i]` (its data) and
 * `blocks[i]` (an index shared by the nodes of one block element). Resolves after walking the
 * page in slices, so a very long page is read without freezing it.
 */
export async function collect(root = mainContent()) {
  const nodes = [];
  const texts = [];
  const blocks = [];
  const blockIds = new Map();
  // The block of each text node's parent, worked out once per parent (it reads computed styles).
  const blockOf = new Map();
  const clock = sliceClock();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) return skipped(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      return node.data.trim() || separatesWords(node) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    let block = blockOf.get(parent);
    if (block === undefined) {
      block = parent;
      while (block && block !== root && !BLOCKS.has(block.tagName) && block.ownerDocument.defaultView.getComputedStyle(block).display === "inline") {
        block = block.parentElement;
      }
      blockOf.set(parent, block);
    }
    if (!blockIds.has(block)) blockIds.set(block, blockIds.size);
    nodes.push(node);
    texts.push(node.data);
    blocks.push(blockIds.get(block));
    if (clock.due()) await clock.pause();
  }
  return { nodes, texts, blocks: Uint32Array.from(blocks) };
}

function isoDay(value) {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value).trim());
  if (!m) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function fromJsonLd(doc) {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue;
    }
    const items = [];
    const visit = (x) => {
      if (Array.isArray(x)) x.forEach(visit);
      else if (x && typeof x === "object") {
        items.push(x);
        if (x["@graph"]) visit(x["@graph"]);
      }
    };
    visit(data);
    for (const item of items) {
      const day = isoDay(item.datePublished);
      if (day) return day;
    }
  }
  return null;
}

/**
 * The page's publication date: `article:published_time`, JSON-LD `datePublished` (also inside
 * `@graph`), or a `<time datetime>` in the article. `assumed` is true when none was found and
 * today is used instead.
 */
export function referenceDate(doc = document, root = mainContent(doc), today = new Date()) {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"]');
  const found = isoDay(meta?.getAttribute("content")) ?? fromJsonLd(doc) ?? isoDay(root.querySelector("time[datetime]")?.getAttribute("datetime"));
  if (found) return { date: found, assumed: false };
  const local = new Date(today.getTime() - today.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  return { date: local, assumed: true };
}
