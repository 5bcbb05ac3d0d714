// Exports of a page's claims, or of one claim: JSON (the data contract), CSV, Markdown, and
// schema.org ClaimReview skeletons in JSON-LD for fact-checkers. Everything a page wrote is data
// here: CSV cells are quoted and guarded against spreadsheet formulas, Markdown cells are escaped,
// and the JSON-LD is written so that it can go into a <script> element as it is.

/**
 * The extraction as indented JSON. The widget loads this module on the first export, when the page
 * may long have replaced JSON.stringify: it passes the one it took when it loaded itself.
 */
export function toJson(extraction, stringify = JSON.stringify) {
  return stringify(extraction, null, 2);
}

/** The claims to export: all of them, or the one whose id is `claim`. */
function chosen(extraction, claim) {
  if (claim == null) return extraction.claims;
  const found = extraction.claims.find((c) => c.id === claim);
  if (!found) throw new RangeError(`no claim ${claim} in this extraction`);
  return [found];
}

function figure(v) {
  if (v.kind === "date") return v.from && v.to ? (v.from === v.to ? v.from : `${v.from}..${v.to}`) : "";
  if (v.value != null) return String(v.value);
  if (v.min != null || v.max != null) return `${v.min ?? ""}..${v.max ?? ""}`;
  return "";
}

function rows(extraction, claim) {
  const out = [];
  for (const c of chosen(extraction, claim)) {
    const a = c.attribution;
    for (const v of c.values.length ? c.values : [null]) {
      out.push({
        claim: c.id,
        sentence: c.text,
        value: v ? v.text : "",
        kind: v ? v.kind : "",
        figure: v ? figure(v) : "",
        unit: v?.unit ?? "",
        hedge: v?.hedge ?? "",
        counted: v?.counted ?? "",
        source: a ? a.canonical : "",
        quote: a ? String(a.quote) : "",
        score: String(c.score),
      });
    }
  }
  return out;
}

const COLUMNS = ["claim", "sentence", "value", "kind", "figure", "unit", "hedge", "counted", "source", "quote", "score"];

function csvCell(value) {
  let s = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The claims as CSV, one row per value; `claim` (an id) keeps that claim's rows only. */
export function toCsv(extraction, { claim } = {}) {
  return [COLUMNS.join(","), ...rows(extraction, claim).map((r) => COLUMNS.map((k) => csvCell(r[k])).join(","))].join("\r\n") + "\r\n";
}

function mdCell(value) {
  return String(value).replace(/[\\`*_{}\[\]()#+!|<>]/g, (ch) => `\\${ch}`).replace(/\s+/g, " ");
}

/** The claims as a Markdown table, one row per value; `claim` (an id) keeps that claim's rows only. */
export function toMarkdown(extraction, { claim } = {}) {
  const head = `| ${COLUMNS.join(" | ")} |\n|${COLUMNS.map(() => "---").join("|")}|`;
  const body = rows(extraction, claim).map((r) => `| ${COLUMNS.map((k) => mdCell(r[k])).join(" | ")} |`);
  return [head, ...body].join("\n") + "\n";
}

// ClaimReview (https://schema.org/ClaimReview) skeletons.
//
// What the page says goes in: the sentence (`claimReviewed`) and, as the reviewed `Claim`, who the
// page attributes it to (`author`) and where it appeared (`appearance`: this page, its title and
// publication date). What only the fact-checker can say is left out, not filled with a
// placeholder: the verdict (`reviewRating`), the review's own `url`, `author` and
// `datePublished`. An empty `Rating` would still be a rating to a reader of the markup (a search
// engine, an aggregator counting reviews); an absent one is what "not reviewed yet" means in
// schema.org, and validators such as Google's then name the missing verdict instead of accepting
// a blank one. Nor is `firstAppearance` set: this page is where the claim was seen, not
// necessarily where it was first made.

/** schema.org's authors are people or organisations: an official or an unnamed source is a person. */
const PEOPLE = new Set(["person", "official", "unnamed"]);

/** `node` without its empty fields (schema.org has no null: a property is there or absent). */
function compact(node) {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v != null && v !== ""));
}

function agent(type, name, affiliation) {
  const person = PEOPLE.has(type);
  return compact({
    "@type": person ? "Person" : "Organization",
    name,
    affiliation: person && affiliation ? { "@type": "Organization", name: affiliation } : null,
  });
}

function claimReview(extraction, c, page) {
  const a = c.attribution;
  const typeOf = (canonical) => extraction.sources.find((s) => s.canonical === canonical)?.type;
  const authors = a ? [agent(a.type, a.canonical, a.affiliation), ...a.also.map((co) => agent(typeOf(co.canonical), co.canonical))] : [];
  // The page's publication date: when the claim had been made by at the latest.
  const date = page.datePublished;
  return {
    "@type": "ClaimReview",
    claimReviewed: c.text.replace(/\s+/g, " ").trim(),
    itemReviewed: compact({
      "@type": "Claim",
      author: authors.length > 1 ? authors : authors[0],
      appearance: page.url || page.title ? compact({ "@type": "CreativeWork", url: page.url, name: page.title, datePublished: date }) : null,
      datePublished: date,
    }),
  };
}

/**
 * ClaimReview skeletons in JSON-LD for the page's claims (`{"@context", "@graph": [...]}`, one per
 * claim) or for one claim (`claim`, an id: one ClaimReview with its "@context"). `page` is
 * `{ url, title, datePublished }`; give `datePublished` ("YYYY-MM-DD") only when the page stated
 * it, not a date assumed for reading it.
 */
export function toClaimReview(extraction, page = {}, { claim } = {}) {
  const context = "https://schema.org";
  const reviews = chosen(extraction, claim).map((c) => claimReview(extraction, c, page));
  return claim == null ? { "@context": context, "@graph": reviews } : { "@context": context, ...reviews[0] };
}

/**
 * JSON-LD as text, indented. "<" is written as its escape \u003c (the same string to any JSON
 * reader), so page text such as "</script>" cannot close the <script> element it is pasted into.
 */
export function toJsonLd(value, stringify = JSON.stringify) {
  return stringify(value, null, 2).replace(/</g, "\\u003c");
}

/**
 * One export as text: `format` is "json", "csv", "markdown" or "claimreview", of the page or of
 * one claim (`claim`, an id). `page` is for ClaimReview; `stringify` as for toJson.
 */
export function exportAs(extraction, format, { claim, page, stringify = JSON.stringify } = {}) {
  if (format === "csv") return toCsv(extraction, { claim });
  if (format === "markdown") return toMarkdown(extraction, { claim });
  if (format === "claimreview") return toJsonLd(toClaimReview(extraction, page, { claim }), stringify);
  return toJson(claim == null ? extraction : chosen(extraction, claim)[0], stringify);
}
