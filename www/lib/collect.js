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

/** An element's tag name in upper case: SVG and MathML elements keep theirs in lower case ("svg"). */
function tagOf(el) {
  return String(el.tagName).toUpperCase();
}

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
  const inline = (n) => !!n && (n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && !BLOCKS.has(tagOf(n)) && !SKIP.has(tagOf(n))));
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
  if (tagOf(el) !== "SUP") return false;
  if (el.querySelector('a[href^="#"]')) return true;
  const before = el.previousSibling?.nodeType === Node.TEXT_NODE ? el.previousSibling.data : "";
  const unit = /(^|[^a-z])(k?m|[cm]m|ft|mi|in|yd)$/i.test(before);
  return /[\p{L}\d%)]$/u.test(before) && !unit && /^\s*(\[?\d{1,3}\]?|[*†‡§])\s*$/.test(el.textContent);
}

/** Words of class names for bylines and publication stamps ("byline", "article__timestamp", "entry-date", "postDate"). */
const BYLINE_WORDS = new Set(["byline", "dateline", "author", "authors", "timestamp", "date", "pubdate", "published", "updated"]);

/** Whether a class name is made of words one of which marks a byline ("entry-date", "authorName", "posted-on"). */
function bylineClass(name) {
  const words = name.split(/[_-]+|(?<=[a-z])(?=[A-Z])/).map((w) => w.toLowerCase());
  return words.some((w) => BYLINE_WORDS.has(w)) || words.join("-").includes("posted-on");
}

/** Whether `el` is marked as a byline or a publication stamp by its tag, class, `rel` or `itemprop`. */
function markedByline(el) {
  const tokens = (name) => (el.getAttribute(name) ?? "").split(/\s+/).filter(Boolean);
  if (tagOf(el) === "ADDRESS") return true;
  if (tokens("class").some(bylineClass) || tokens("rel").includes("author")) return true;
  // The author and dates of the article itself, not of an item it quotes (a schema.org Claim);
  // an author that is an item of its own (a Person) belongs to the item around it.
  const item = (el.hasAttribute("itemscope") ? el.parentElement : el)?.closest("[itemscope]")?.getAttribute("itemtype") ?? "";
  return /(Article|BlogPosting)$/.test(item) && tokens("itemprop").some((p) => ["author", "datePublished", "dateModified"].includes(p));
}

// A month's name, whole or cut short ("March", "Mar.", "Sept"), and a day of the month ("3", "3rd"),
// each one capture group, for the date patterns below.
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

/** `text` with its dates, times of day and "3 hours ago" taken out: what a stamp says besides when. */
function withoutDates(text) {
  return text
    .replace(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/g, " ")
    .replace(new RegExp(`\\b(?:${MONTH}\\s+${DAY}|${DAY}\\s+${MONTH})(?:,?\\s+\\d{4})?\\b`, "gi"), " ")
    .replace(/\b\d{1,2}(?:[:.]\d{2})+\s*(?:[ap]\.?m\.?)?/gi, " ")
    .replace(/\b\d{1,2}\s*[ap]\.?m\b\.?/gi, " ")
    .replace(/\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|h|m)\s+ago\b/gi, " ")
    .replace(/\b(?:19|20)\d{2}\b/g, " ");
}

/** Whether `text` states a date or a time ("March 3", "2024-03-03", "10:42", "3 hours ago"). */
function dated(text) {
  const squeeze = (t) => t.replace(/\s+/g, " ").trim();
  return squeeze(withoutDates(text)) !== squeeze(text);
}

/** How a byline's line opens when its name or date is marked inside it ("By <a rel=author>…"). */
const BYLINE_LABEL = /^\s*(by|updated|published|posted|last updated)\b/i;

/**
 * A block that is only a label ("By", "Updated") and marked names, dates or `<time>`s, with
 * separators and "and" between them: "By <a rel=author>Ann Lee</a> and <a rel=author>Bo Kim</a>",
 * "Last updated <time>…</time>". Any other word in it makes it content.
 */
function labelledByline(el) {
  if (!BLOCKS.has(tagOf(el)) || !BYLINE_LABEL.test(el.textContent)) return false;
  let marked = false;
  let rest = "";
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) rest += child.data;
      else if (child.nodeType !== Node.ELEMENT_NODE) continue;
      else if (child.tagName === "TIME" || markedByline(child)) marked = true;
      else walk(child);
    }
  };
  walk(el);
  return marked && /^[\s,·|•—–:&-]*$/.test(rest.replace(BYLINE_LABEL, "").replace(/\b(and|with|on|at)\b/gi, ""));
}

/** The text of `el` itself: its text and inline elements, not the blocks inside it. */
function ownText(el) {
  let out = "";
  for (const n of el.childNodes) {
    if (n.nodeType === Node.TEXT_NODE) out += n.data;
    else if (n.nodeType === Node.ELEMENT_NODE && !BLOCKS.has(tagOf(n))) out += n.textContent;
  }
  return out;
}

/**
 * The article's first paragraph of prose: the first `<p>` or `<div>` with 100 characters or more
 * of its own text, outside asides, figures, quotations and hidden parts. Bylines and publication
 * stamps come before it.
 */
function leadParagraph(root) {
  for (const el of root.querySelectorAll("p, div")) {
    if (ownText(el).trim().length < 100) continue;
    if (el.closest("aside, nav, figure, blockquote, svg, [hidden], [aria-hidden=true]")) continue;
    return el;
  }
  return null;
}

/** Whether `node` holds words: text with a letter or digit, or an element with such text. */
function wordy(node) {
  if (node.nodeType === Node.TEXT_NODE) return /[\p{L}\d]/u.test(node.data);
  return node.nodeType === Node.ELEMENT_NODE && /[\p{L}\d]/u.test(node.textContent);
}

/** Whether `el` is inline with words beside it in its parent: part of a sentence. */
function inSentence(el) {
  const parent = el.parentElement;
  if (!parent || BLOCKS.has(tagOf(el))) return false;
  for (const n of parent.childNodes) {
    if (n === el || n.nodeType === Node.COMMENT_NODE) continue;
    if (n.nodeType === Node.ELEMENT_NODE && (BLOCKS.has(tagOf(n)) || markedByline(n))) continue;
    if (wordy(n)) return true;
  }
  return false;
}

/**
 * Whether `el`'s date goes with figures beside it: a stat box's "Data as of March 3", a timeline's
 * "1 March" above "413,385 people had fled". Its group holds a figure and not the article's lead.
 */
function datesFigures(el, lead) {
  const group = el.parentElement;
  if (!group || group.contains(lead) || !dated(el.textContent)) return false;
  for (const other of group.children) {
    if (other === el || markedByline(other) || /^H[1-6]$/i.test(other.tagName)) continue;
    if (/\d/.test(other.textContent)) return true;
  }
  return false;
}

/**
 * A byline or a publication stamp above the article ("By Ledger staff · 16 February 2023"): who
 * wrote it and when, not a claim to check. It is a short marked element (or a line of a label
 * and marked names and dates, see `labelledByline`) before the article's first paragraph of
 * prose, standing on its own, with no figure in it but its dates and times. A heading keeps its
 * text, and so does a marked name or date inside a sentence ("<span class="dateline">KELBY,
 * March 12</span> — Floodwaters …"), a quotation, a table, a list of terms or a figure, a date
 * beside figures, and everything after the lead.
 */
function byline(el, lead) {
  // Where it stands first: most of a long page comes after the lead, and is read without more.
  if (!lead || !(el.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING) || el.contains(lead)) return false;
  if (/^H[1-6]$/i.test(el.tagName) || !(markedByline(el) || labelledByline(el)) || el.textContent.length > 200) return false;
  if (el.closest("blockquote, q, figure, table, dl, [role=table], [role=grid]")) return false;
  if (/\d/.test(withoutDates(el.textContent)) || datesFigures(el, lead)) return false;
  return !inSentence(el);
}

function skipped(el, lead) {
  return SKIP.has(tagOf(el)) || footnoteMark(el) || el.getAttribute("role") === "navigation" || byline(el, lead) || hidden(el);
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
  const lead = leadParagraph(root);
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) return skipped(node, lead) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
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
    // The objects in document order, walked with a stack and no deeper than a real graph goes:
    // a page's JSON-LD nested thousands deep would overflow a recursive walk.
    const items = [];
    const stack = [[data, 0]];
    while (stack.length) {
      const [x, depth] = stack.pop();
      if (depth > 32) continue;
      if (Array.isArray(x)) {
        for (let i = x.length - 1; i >= 0; i -= 1) stack.push([x[i], depth + 1]);
      } else if (x && typeof x === "object") {
        items.push(x);
        if (x["@graph"]) stack.push([x["@graph"], depth + 1]);
      }
    }
    for (const item of items) {
      const day = isoDay(item.datePublished);
      if (day) return day;
    }
  }
  return null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** An ISO day from a year, a month (0–11) and a day, or null when there is no such day. */
function day(year, month0, date) {
  const d = new Date(Date.UTC(Number(year), month0, Number(date)));
  if (!(month0 >= 0) || d.getUTCMonth() !== month0 || d.getUTCDate() !== Number(date)) return null;
  return d.toISOString().slice(0, 10);
}

/** The first full date written in `text` ("March 3, 2024", "3rd Mar. 2024", "2024-03-03"), as ISO. */
function writtenDay(text) {
  const month0 = (name) => MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  const found = [
    [/\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text), (m) => day(m[1], Number(m[2]) - 1, m[3])],
    [new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})\\b`, "i").exec(text), (m) => day(m[3], month0(m[1]), m[2])],
    [new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+(\\d{4})\\b`, "i").exec(text), (m) => day(m[3], month0(m[2]), m[1])],
  ].filter(([m]) => m);
  found.sort(([a], [b]) => a.index - b.index);
  return found.length ? found[0][1](found[0][0]) : null;
}

/**
 * The date the bylines and stamps above the article write out: the earliest of them, as a
 * stamp that says when the article was updated says it after it was published.
 */
function stampDay(root, lead) {
  if (!lead) return null;
  let earliest = null;
  for (const el of root.querySelectorAll("*")) {
    if (!(el.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    if (!byline(el, lead)) continue;
    for (const part of el.textContent.split(/[·|•;]|\b(?=updated|published|posted)/i)) {
      const found = writtenDay(part);
      if (found && (!earliest || found < earliest)) earliest = found;
    }
  }
  return earliest;
}

/**
 * The `<time datetime>` that dates the article: one with a full date in a byline above it, else
 * the first with a full date that is not part of a sentence ("Since <time>…</time>, 4,200 …"
 * dates a figure, not the page).
 */
function stampTime(root, lead) {
  const times = [...root.querySelectorAll("time[datetime]")].filter((t) => /^\d{4}-\d{2}-\d{2}/.test(t.getAttribute("datetime")));
  const inByline = (t) => {
    for (let el = t; el && el !== root; el = el.parentElement) if (byline(el, lead)) return true;
    return false;
  };
  return times.find(inByline) ?? times.find((t) => !inSentence(t)) ?? null;
}

/**
 * The page's publication date: `article:published_time`, JSON-LD `datePublished` (also inside
 * `@graph`), a `<time datetime>` in the article (see `stampTime`), or the earliest date the
 * bylines above the article write out ("Published March 3, 2024"). `assumed` is true when none
 * was found and today is used instead.
 */
export function referenceDate(doc = document, root = mainContent(doc), today = new Date()) {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"]');
  let found = isoDay(meta?.getAttribute("content")) ?? fromJsonLd(doc);
  if (!found) {
    const lead = leadParagraph(root);
    found = isoDay(stampTime(root, lead)?.getAttribute("datetime")) ?? stampDay(root, lead);
  }
  if (found) return { date: found, assumed: false };
  const local = new Date(today.getTime() - today.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  return { date: local, assumed: true };
}
