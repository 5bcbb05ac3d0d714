// Highlights in the page with the CSS Custom Highlight API: ranges over the page's own text
// nodes, painted by a stylesheet adopted by the document. The page's DOM is never changed.

import { sliceClock } from "./schedule.js";

const NAMES = { attributed: "claimlens-attributed", unattributed: "claimlens-unattributed", focus: "claimlens-focus" };

const SHEET = `
::highlight(${NAMES.attributed}) { background-color: rgba(255, 213, 79, 0.45); }
::highlight(${NAMES.unattributed}) { background-color: rgba(255, 138, 101, 0.5); text-decoration: underline wavy rgba(191, 54, 12, 0.8); }
::highlight(${NAMES.focus}) { background-color: rgba(66, 165, 245, 0.6); }
`;

let adopted = null;

// Taken when this module loads: a page that replaces setTimeout later does not reach flash().
const later = globalThis.setTimeout;

export function supported() {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
}

function adoptSheet(doc) {
  if (adopted || !("adoptedStyleSheets" in doc)) return;
  adopted = new CSSStyleSheet();
  adopted.replaceSync(SHEET);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, adopted];
}

/** A DOM Range for a span given as node positions. */
export function rangeOf(nodes, span) {
  if (!span || !nodes[span.startNode] || !nodes[span.endNode]) return null;
  const range = nodes[span.startNode].ownerDocument.createRange();
  range.setStart(nodes[span.startNode], Math.min(span.startOffset, nodes[span.startNode].length));
  range.setEnd(nodes[span.endNode], Math.min(span.endOffset, nodes[span.endNode].length));
  return range;
}

/**
 * Paints the values of every claim: attributed in one colour, unattributed in another. With
 * `adopt: false` the colours come from elsewhere (the extension inserts them as a user stylesheet).
 * The highlights are registered first and filled in slices; resolves to `{ ranges }` when done.
 */
export async function paint(claims, nodes, { doc = document, adopt = true } = {}) {
  if (!supported()) return { ranges: new Map() };
  if (adopt) adoptSheet(doc);
  const attributed = new Highlight();
  const unattributed = new Highlight();
  CSS.highlights.set(NAMES.attributed, attributed);
  CSS.highlights.set(NAMES.unattributed, unattributed);
  const ranges = new Map();
  const clock = sliceClock();
  for (const claim of claims) {
    for (const value of claim.values) {
      const r = rangeOf(nodes, value);
      if (!r) continue;
      (claim.attribution ? attributed : unattributed).add(r);
      ranges.set(r, { claim, value });
    }
    // Once cleared or painted again, these highlights are no longer the page's: stop.
    if (clock.due()) {
      await clock.pause();
      if (CSS.highlights.get(NAMES.attributed) !== attributed) break;
    }
  }
  return { ranges };
}

/** Flashes a claim's sentence for a moment. */
export function flash(range) {
  if (!supported() || !range) return;
  CSS.highlights.set(NAMES.focus, new Highlight(range));
  try {
    later(() => CSS.highlights.delete(NAMES.focus), 1600);
  } catch {
    // setTimeout was broken before claimlens loaded: the flash stays until the next one.
  }
}

/** Removes every highlight claimlens added. */
export function clear(doc = document) {
  if (!supported()) return;
  for (const name of Object.values(NAMES)) CSS.highlights.delete(name);
  if (adopted) {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== adopted);
    adopted = null;
  }
}
