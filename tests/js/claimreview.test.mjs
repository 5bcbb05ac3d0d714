// The fact-checkers' exports (www/lib/export.js): ClaimReview skeletons in JSON-LD, checked against
// the schema.org vocabulary as Google's schema-dts types it (the TypeScript compiler type-checks
// what toClaimReview returned), their structure, and CSV and Markdown of one claim. No browser, no
// network: the extraction is written here by hand.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { exportAs, toClaimReview, toCsv, toJsonLd, toMarkdown } from "../../www/lib/export.js";

// ---------------------------------------------------------------------------------------------
// A short news item and its extraction, in the data contract's shape (DESIGN.md), offsets and all.

const REFERENCE_DATE = "2024-05-14";
const SENTENCES = [
  "Floodwaters have forced more than 12,000 people from their homes in the Riverton district since Saturday, the regional civil protection agency said on Tuesday.",
  "Agency spokeswoman Dana Whitfield said about 40 percent of the district's farmland was under water.",
  // Page text that looks like markup: it must stay text in every export.
  "Nearly 300 schools remain closed, and a notice taped to one door read </script><b>CLOSED</b>.",
  "The Red Cross and the mayor's office put the cost of repairs at $3.5 million.",
];
const TEXT = SENTENCES.join(" ");

/** The offsets of `needle` in the text, inside the sentence `i`. */
function at(i, needle) {
  const sentenceStart = TEXT.indexOf(SENTENCES[i]);
  const start = TEXT.indexOf(needle, sentenceStart);
  assert.ok(start >= sentenceStart, `${needle} is in sentence ${i}`);
  return { start, end: start + needle.length };
}

function value(i, text, fields) {
  const empty = { value: null, min: null, max: null, hedge: null, unit: null, counted: null, from: null, to: null, grain: null, partOf: null, resolved: null };
  return { ...empty, text, ...at(i, text), ...fields };
}

function attribution(i, source, fields) {
  return { source, ...at(i, source), cue: "said", affiliation: null, quote: false, inherited: false, also: [], ...fields };
}

const claims = [
  {
    values: [
      value(0, "more than 12,000 people", { kind: "count", value: 12000, min: 12000, hedge: "more_than", counted: "people" }),
      value(0, "since Saturday", { kind: "date", from: "2024-05-11", to: "2024-05-14", grain: "day" }),
    ],
    attribution: attribution(0, "the regional civil protection agency", { canonical: "regional civil protection agency", type: "organization" }),
    score: 0.91,
    reasons: ["count", "attributed", "date"],
  },
  {
    values: [value(1, "about 40 percent", { kind: "percent", value: 40, hedge: "approximate", unit: "percent" })],
    attribution: attribution(1, "Agency spokeswoman Dana Whitfield", { canonical: "Dana Whitfield", type: "person", affiliation: "regional civil protection agency" }),
    score: 0.84,
    reasons: ["percent", "attributed"],
  },
  {
    values: [value(2, "Nearly 300 schools", { kind: "count", value: 300, max: 300, hedge: "at_most", counted: "schools" })],
    attribution: null,
    score: 0.77,
    reasons: ["count", "unattributed"],
  },
  {
    values: [value(3, "$3.5 million", { kind: "money", value: 3500000, hedge: "exact", unit: "USD" })],
    attribution: attribution(3, "The Red Cross", {
      canonical: "Red Cross",
      type: "organization",
      cue: "put",
      also: [{ source: "the mayor's office", canonical: "mayor's office", ...at(3, "the mayor's office") }],
    }),
    score: 0.8,
    reasons: ["money", "attributed"],
  },
].map((c, id) => ({ id, text: SENTENCES[id], ...at(id, SENTENCES[id]), checks: [], ...c }));

const extraction = {
  version: 1,
  referenceDate: REFERENCE_DATE,
  claims,
  sources: [
    { canonical: "regional civil protection agency", type: "organization", mentions: [{ text: "the regional civil protection agency", ...at(0, "the regional civil protection agency") }], claims: [0] },
    { canonical: "Dana Whitfield", type: "person", mentions: [{ text: "Agency spokeswoman Dana Whitfield", ...at(1, "Agency spokeswoman Dana Whitfield") }], claims: [1] },
    { canonical: "Red Cross", type: "organization", mentions: [{ text: "The Red Cross", ...at(3, "The Red Cross") }], claims: [3] },
    { canonical: "mayor's office", type: "organization", mentions: [{ text: "the mayor's office", ...at(3, "the mayor's office") }], claims: [3] },
  ],
};

const PAGE = { url: "https://news.example/2024/05/14/riverton-floods?ref=home", title: "Riverton floods: thousands leave their homes", datePublished: REFERENCE_DATE };

// ---------------------------------------------------------------------------------------------
// The type check: JSON-LD written into a .ts file as the value of a schema-dts type, compiled by
// tsc --noEmit. Its messages are the test's failure.

const require = createRequire(import.meta.url);
const tscBin = (() => {
  const pkg = require.resolve("typescript/package.json");
  return join(dirname(pkg), JSON.parse(readFileSync(pkg, "utf8")).bin.tsc);
})();
const schemaTypes = (() => {
  const pkg = require.resolve("schema-dts/package.json");
  return join(dirname(pkg), JSON.parse(readFileSync(pkg, "utf8")).types);
})();

const work = mkdtempSync(join(tmpdir(), "claimlens-claimreview-"));
after(() => rmSync(work, { recursive: true, force: true }));
let checks = 0;

/**
 * Type-checks `declarations` (TypeScript source after the schema-dts import) with tsc --noEmit;
 * returns { ok, messages }.
 */
function typeCheck(declarations) {
  const dir = join(work, `check-${checks++}`);
  mkdirSync(dir);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        types: [],
        paths: { "schema-dts": [schemaTypes] },
      },
      files: ["check.ts"],
    }),
  );
  writeFileSync(join(dir, "check.ts"), `import type { ClaimReview, Graph, WithContext } from "schema-dts";\n\n${declarations}\n\nexport {};\n`);
  try {
    execFileSync(process.execPath, [tscBin, "-p", join(dir, "tsconfig.json")], { encoding: "utf8", timeout: 120_000, stdio: "pipe" });
    return { ok: true, messages: "" };
  } catch (err) {
    if (err.status == null) throw err; // tsc did not run (not installed, timed out)
    return { ok: false, messages: `${err.stdout}${err.stderr}`.trim() };
  }
}

/** `const name: type = <value as JSON>;` */
const declare = (name, type, value) => `const ${name}: ${type} = ${JSON.stringify(value, null, 2)};`;

const GRAPH_TYPE = `{ "@context": "https://schema.org"; "@graph": ClaimReview[] }`;

test("the page's and one claim's ClaimReviews type-check against schema.org (schema-dts)", () => {
  const page = toClaimReview(extraction, PAGE);
  const one = toClaimReview(extraction, PAGE, { claim: 1 });
  const unattributed = toClaimReview(extraction, { url: PAGE.url }, { claim: 2 });
  const result = typeCheck(
    [
      declare("page", GRAPH_TYPE, page),
      // The page's form is a schema-dts Graph too (its nodes any schema.org Thing).
      "const graph: Graph = page;",
      declare("one", "WithContext<ClaimReview>", one),
      declare("unattributed", "WithContext<ClaimReview>", unattributed),
      "void graph, one, unattributed;",
    ].join("\n\n"),
  );
  assert.ok(result.ok, `tsc rejected the ClaimReview JSON-LD:\n${result.messages}`);
});

test("the same type check rejects a misspelt property, at the top or inside the Claim, and a value of the wrong type", () => {
  const { claimReviewed, ...rest } = toClaimReview(extraction, PAGE, { claim: 0 });
  const misspelt = typeCheck(declare("x", "WithContext<ClaimReview>", { ...rest, claimReviewd: claimReviewed }));
  assert.equal(misspelt.ok, false, "a ClaimReview with 'claimReviewd' type-checked");
  assert.match(misspelt.messages, /claimReviewd/, misspelt.messages);

  const one = toClaimReview(extraction, PAGE, { claim: 1 });
  const { appearance, ...claim } = one.itemReviewed;
  const nested = typeCheck(declare("x", "WithContext<ClaimReview>", { ...one, itemReviewed: { ...claim, apperance: appearance } }));
  assert.equal(nested.ok, false, "a Claim with 'apperance' type-checked");
  assert.match(nested.messages, /apperance/, nested.messages);

  const wrongType = typeCheck(declare("x", "WithContext<ClaimReview>", { ...one, itemReviewed: { ...one.itemReviewed, author: { "@type": "Persn", name: "Dana Whitfield" } } }));
  assert.equal(wrongType.ok, false, "an author of @type 'Persn' type-checked");
  assert.match(wrongType.messages, /Persn|author/, wrongType.messages);

  const page = toClaimReview(extraction, PAGE);
  page["@graph"][3].claimReviewed = 3500000;
  const wrongValue = typeCheck(declare("x", GRAPH_TYPE, page));
  assert.equal(wrongValue.ok, false, "a number as claimReviewed type-checked");
  assert.match(wrongValue.messages, /number/, wrongValue.messages);
});

// ---------------------------------------------------------------------------------------------
// Structure

test("a page gives one ClaimReview per claim in an @graph; one claim gives one ClaimReview with its @context", () => {
  const page = toClaimReview(extraction, PAGE);
  assert.deepEqual(Object.keys(page), ["@context", "@graph"]);
  assert.equal(page["@context"], "https://schema.org");
  assert.equal(page["@graph"].length, claims.length);
  page["@graph"].forEach((review, i) => {
    assert.equal(review["@type"], "ClaimReview");
    assert.equal(review["@context"], undefined, "the context is the graph's");
    assert.equal(review.claimReviewed, claims[i].text);
    assert.equal(review.itemReviewed["@type"], "Claim");
  });

  const one = toClaimReview(extraction, PAGE, { claim: 1 });
  assert.equal(one["@context"], "https://schema.org");
  assert.deepEqual({ ...one, "@context": undefined }, { ...page["@graph"][1], "@context": undefined });
  assert.throws(() => toClaimReview(extraction, PAGE, { claim: 99 }), RangeError);
});

test("the reviewed claim's author is the source the page names, its appearance is the page", () => {
  const [agency, spokeswoman, schools, repairs] = toClaimReview(extraction, PAGE)["@graph"].map((r) => r.itemReviewed);
  assert.deepEqual(agency, {
    "@type": "Claim",
    author: { "@type": "Organization", name: "regional civil protection agency" },
    appearance: { "@type": "CreativeWork", url: PAGE.url, name: PAGE.title, datePublished: REFERENCE_DATE },
    datePublished: REFERENCE_DATE,
  });
  assert.deepEqual(spokeswoman.author, { "@type": "Person", name: "Dana Whitfield", affiliation: { "@type": "Organization", name: "regional civil protection agency" } });
  assert.equal("author" in schools, false, "an unattributed claim has no author");
  assert.equal(schools.appearance.url, PAGE.url);
  assert.deepEqual(repairs.author, [
    { "@type": "Organization", name: "Red Cross" },
    { "@type": "Organization", name: "mayor's office" },
  ]);
  for (const claim of [agency, spokeswoman, schools, repairs]) assert.equal("firstAppearance" in claim, false);
});

test("a skeleton leaves the verdict and the review's own url, author and date to the fact-checker", () => {
  for (const review of toClaimReview(extraction, PAGE)["@graph"]) {
    assert.deepEqual(Object.keys(review).sort(), ["@type", "claimReviewed", "itemReviewed"]);
  }
});

test("a page without a stated date or title gives no date and no name, never an empty one", () => {
  const { itemReviewed } = toClaimReview(extraction, { url: PAGE.url, title: "", datePublished: null }, { claim: 0 });
  assert.deepEqual(itemReviewed.appearance, { "@type": "CreativeWork", url: PAGE.url });
  assert.equal("datePublished" in itemReviewed, false);
  assert.equal("appearance" in toClaimReview(extraction, {}, { claim: 0 }).itemReviewed, false);
});

test("markup in the page's text stays text: the JSON-LD can be pasted into a <script> element", () => {
  const text = exportAs(extraction, "claimreview", { page: PAGE });
  assert.equal(text, toJsonLd(toClaimReview(extraction, PAGE)));
  assert.doesNotMatch(text, /</, "no '<' is written as such, so '</script>' cannot close the element");
  const parsed = JSON.parse(text);
  assert.equal(parsed["@graph"][2].claimReviewed, SENTENCES[2], "the same text to a JSON reader");
  assert.match(parsed["@graph"][2].claimReviewed, /<\/script><b>CLOSED<\/b>/);
  // The widget passes the JSON.stringify it took when it loaded.
  assert.equal(exportAs(extraction, "claimreview", { claim: 2, page: PAGE, stringify: () => "<x>" }), "\\u003cx>");
});

// ---------------------------------------------------------------------------------------------
// One claim as CSV, Markdown and JSON

test("one claim as CSV and Markdown: its rows only, with the page's header", () => {
  const csv = toCsv(extraction, { claim: 0 }).trimEnd().split("\r\n");
  assert.equal(csv[0], toCsv(extraction).split("\r\n")[0]);
  assert.equal(csv.length, 3, "a header and one row per value");
  assert.ok(csv.slice(1).every((row) => row.startsWith('"0",')));
  assert.equal(exportAs(extraction, "csv", { claim: 0 }), toCsv(extraction, { claim: 0 }));

  const md = toMarkdown(extraction, { claim: 2 }).trimEnd().split("\n");
  assert.equal(md.length, 3, "a header, its rule and one row");
  assert.match(md[2], /^\| 2 \| /);
  assert.match(md[2], /\\<\/script\\>\\<b\\>CLOSED\\<\/b\\>/, "the markup is escaped");
  assert.equal(exportAs(extraction, "markdown", { claim: 2 }), toMarkdown(extraction, { claim: 2 }));
  assert.equal(toCsv(extraction).trimEnd().split("\r\n").length, 1 + 5, "the page: every value of every claim");

  assert.deepEqual(JSON.parse(exportAs(extraction, "json", { claim: 3 })), claims[3]);
  assert.deepEqual(JSON.parse(exportAs(extraction, "json")), extraction);
  assert.throws(() => toCsv(extraction, { claim: 7 }), RangeError);
});
