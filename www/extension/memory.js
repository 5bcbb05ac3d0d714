// The claim memory: every claim the reader has seen, kept in the browser's own database
// (IndexedDB) on this machine, never sent anywhere. The background remembers each page it reads
// and asks, for each figure on a new page, whether a remembered figure for the same thing
// contradicts it; the history page lists what is kept.
//
// Two stores:
// - `claims`: one record per claim seen — its sentence, values (figure, hedge, counted thing,
//   period), canonical source, the page's address and title, and when it was seen;
// - `figures`: one record per figure with a topic (see `conflicts` below), with what a conflict
//   shows, indexed by topic and the end of its period, so that a page's lookup is one range read
//   per topic on the page, of the figures whose period has not ended before the page's begins;
// - `meta`: how many claims are kept.
//
// A page read again replaces what was kept for it. Past the cap, the oldest claims go first.

const DB_NAME = "claimlens-memory";
const DB_VERSION = 2;
/** How many claims are kept before the oldest are dropped. */
export const DEFAULT_CAP = 50_000;
/** A remembered sentence is cut to this many characters. */
const SENTENCE_LIMIT = 400;
/** At most this many remembered figures are shown against one figure (the most recent). */
const SHOWN = 3;

/**
 * Whether two figures' topics contradict each other: the same thing and event, periods that
 * overlap (a missing period overlaps any), bounds that do not meet, one order of magnitude — the
 * engine's `Topic::conflicts` (src/model.rs; tests/topics/pairs.json holds the two together) —
 * and, across pages, a name in common unless either has none (`names`, see placeNames;
 * tests/topics/places.json).
 */
export function conflicts(a, b) {
  const overlap = !a.from || !a.to || !b.from || !b.to || (a.from <= b.to && b.from <= a.to);
  const apart = a.high < b.low || b.high < a.low;
  const big = Math.max(a.low, b.low);
  const small = Math.max(Math.min(a.high, b.high), Number.MIN_VALUE);
  const names = (t) => (t.names ?? []).map((n) => n.toLowerCase());
  const [na, nb] = [names(a), names(b)];
  const placed = !na.length || !nb.length || na.some((n) => nb.includes(n));
  return a.thing === b.thing && a.event === b.event && overlap && apart && big / small <= 10 && placed;
}

// ---- Where a figure is: the names that place it (tests/topics/places.json) ----

const MONTHS = "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec";
const WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday";
const FUNCTION_WORDS = "the a an and but or nor of in on at to for from by with as it its this that these those he she they we i you his her their our my your there here when while after before since until during if so yet not no";
const ORDINARY = new Set(`${MONTHS} ${WEEKDAYS} ${FUNCTION_WORDS}`.split(" "));

/** Letters and digits, with inner hyphens ("Al-Watan"); a match is a word. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}-]*/gu;

/** The words of a name, lower-cased: "Syrian Observatory for Human Rights" → syrian, observatory, … */
function wordsOf(text) {
  return (text ?? "").toLowerCase().match(WORD) ?? [];
}

/**
 * A claim's own names: the capitalised words of its sentence that are not the first word of a
 * sentence or quotation, not a source's words (`sources`, a set of lower-cased words, and the
 * claim's own mention as written), not a month, weekday or function word.
 */
export function ownNames(text, sources, mention = "") {
  const own = new Set(wordsOf(mention));
  const out = [];
  let last = 0;
  let initial = true;
  for (const m of text.matchAll(WORD)) {
    // An opening quotation mark or a sentence's end before a word makes it an initial one.
    if (/[“"‘:.?!(]/.test(text.slice(last, m.index))) initial = true;
    last = m.index + m[0].length;
    const word = m[0];
    const wasInitial = initial;
    initial = false;
    const lower = word.toLowerCase();
    if (wasInitial || word.length < 2 || !/^\p{Lu}/u.test(word)) continue;
    if (ORDINARY.has(lower) || sources.has(lower) || own.has(lower) || out.includes(word)) continue;
    out.push(word);
  }
  return out;
}

/**
 * The names that place each claim of a page, by claim id: its own (six at most), then the page's
 * three most frequent (named twice at least in its first 64 claims), so a sentence that does not
 * repeat the place still carries it.
 */
export function placeNames(extraction) {
  const sources = new Set(extraction.sources?.flatMap((s) => wordsOf(s.canonical)) ?? []);
  for (const c of extraction.claims) for (const w of wordsOf(c.attribution?.canonical)) sources.add(w);
  const own = new Map(extraction.claims.map((c) => [c.id, ownNames(c.text, sources, c.attribution?.source)]));
  const counts = new Map();
  for (const c of extraction.claims.slice(0, 64)) for (const w of own.get(c.id)) counts.set(w, (counts.get(w) ?? 0) + 1);
  // The most frequent first; a Map keeps first appearances in order, and the sort is stable.
  const page = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([w]) => w);
  const out = new Map();
  for (const [id, mine] of own) {
    const all = mine.slice(0, 6);
    for (const w of page) if (!all.some((a) => a.toLowerCase() === w.toLowerCase())) all.push(w);
    out.set(id, all);
  }
  return out;
}

/** The index key of a topic: its thing and event. */
export function topicKey(t) {
  return `${t.thing}|${t.event}`;
}

/** A page's address without its fragment: "#section" is the same page. */
export function pageAddress(url) {
  const u = new URL(url);
  u.hash = "";
  return u.href;
}

/** A topic whose period is unknown covers the day it was seen. */
function dated(topic, day) {
  return topic.from && topic.to ? topic : { ...topic, from: day, to: day };
}

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error("the claim memory's transaction was aborted"));
  });
}

/** Deletes the claims at `keys` and their figures, in transaction `tx`. */
function dropClaims(tx, keys) {
  const claims = tx.objectStore("claims");
  const byClaim = tx.objectStore("figures").index("claim");
  for (const key of keys) {
    claims.delete(key);
    const cursor = byClaim.openKeyCursor(IDBKeyRange.only(key));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      c.source.objectStore.delete(c.primaryKey);
      c.continue();
    };
  }
}

/** What a page's claim is kept as. */
function record(claim, page, names = []) {
  const a = claim.attribution;
  const text = claim.text.length > SENTENCE_LIMIT ? `${claim.text.slice(0, SENTENCE_LIMIT - 1)}…` : claim.text;
  return {
    url: page.url,
    title: page.title,
    seen: page.seen,
    text,
    source: a ? a.canonical : null,
    sourceType: a ? a.type : null,
    quote: a ? a.quote : false,
    values: claim.values.map((v) => ({
      kind: v.kind,
      text: v.text,
      value: v.value,
      min: v.min,
      max: v.max,
      hedge: v.hedge,
      unit: v.unit,
      counted: v.counted,
      from: v.from,
      to: v.to,
      topic: v.topic ? { ...dated(v.topic, page.seen.slice(0, 10)), names } : null,
    })),
  };
}

export class Memory {
  #db;
  #cap;

  constructor(db, cap) {
    this.#db = db;
    this.#cap = cap;
  }

  /** Opens (and on first use creates) the database. */
  static async open({ name = DB_NAME, cap = DEFAULT_CAP } = {}) {
    if (!(Number.isInteger(cap) && cap > 0)) throw new RangeError(`the claim memory's cap must be a positive whole number, not ${cap}`);
    const open = indexedDB.open(name, DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      // Version 1 was never released: its stores are rebuilt rather than migrated.
      for (const store of [...db.objectStoreNames]) db.deleteObjectStore(store);
      const claims = db.createObjectStore("claims", { keyPath: "id", autoIncrement: true });
      claims.createIndex("url", "url");
      claims.createIndex("seen", "seen");
      const figures = db.createObjectStore("figures", { keyPath: "id", autoIncrement: true });
      figures.createIndex("claim", "claim");
      figures.createIndex("url", "url");
      // The figures of a topic whose period ends on or after a day: one range read per topic.
      figures.createIndex("until", ["key", "to"]);
      // How many claims are kept: counting a store of 100,000 takes a quarter of a second.
      db.createObjectStore("meta", { keyPath: "name" }).add({ name: "count", n: 0 });
    };
    const db = await request(open);
    return new Memory(db, cap);
  }

  close() {
    this.#db.close();
  }

  /**
   * Keeps a page's claims (replacing what was kept for the same address), then drops the oldest
   * claims past the cap. `page` is `{ url, title, seen }` (`seen` an ISO date-time); `places`, the
   * page's placeNames when the caller has them already. Returns how many claims were kept.
   */
  async remember(page, extraction, places = placeNames(extraction)) {
    const tx = this.#db.transaction(["claims", "figures", "meta"], "readwrite");
    const finished = done(tx);
    const claims = tx.objectStore("claims");
    const figures = tx.objectStore("figures");
    const meta = tx.objectStore("meta");
    const [counted, old, oldFigures] = await Promise.all([
      request(meta.get("count")),
      request(claims.index("url").getAllKeys(IDBKeyRange.only(page.url))),
      request(figures.index("url").getAllKeys(IDBKeyRange.only(page.url))),
    ]);
    for (const key of old) claims.delete(key);
    for (const key of oldFigures) figures.delete(key);
    const added = extraction.claims.map((claim) => {
      const kept = record(claim, page, places.get(claim.id));
      const r = claims.add(kept);
      // Each figure is added when its claim has its key: no wait between claims. A figure carries
      // what a conflict shows, so a lookup never reads the claims behind what it finds.
      r.addEventListener("success", () => {
        kept.values.forEach((v, value) => {
          if (!v.topic) return;
          const { low, high, from, to, names } = v.topic;
          figures.add({ key: topicKey(v.topic), low, high, from, to, names, claim: r.result, value, url: page.url, title: page.title, seen: page.seen, source: kept.source, text: v.text });
        });
      });
      return request(r);
    });
    await Promise.all(added);
    let count = (counted?.n ?? 0) - old.length + extraction.claims.length;
    if (count > this.#cap) {
      const keys = await request(claims.index("seen").getAllKeys(null, count - this.#cap));
      dropClaims(tx, keys);
      count -= keys.length;
    }
    meta.put({ name: "count", n: count });
    await finished;
    return extraction.claims.length;
  }

  /**
   * The remembered figures, from other pages, that contradict a figure of `extraction`: for each
   * claim id, a list of `{ value, elsewhere }` (`value` the index of its figure; `elsewhere` the
   * remembered figure's page, source, text and date seen), one per page, the most recent first.
   * `places` as for remember.
   */
  async conflicts(extraction, page, places = placeNames(extraction)) {
    const day = page.seen.slice(0, 10);
    // The page's figures by topic: one read per topic, of the figures whose period ends on or
    // after the earliest start among the page's.
    const byKey = new Map();
    for (const claim of extraction.claims) {
      claim.values.forEach((v, value) => {
        if (!v.topic) return;
        const t = { ...dated(v.topic, day), names: places.get(claim.id) };
        const key = topicKey(t);
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key).push({ claim, value, t });
      });
    }
    if (!byKey.size) return new Map();
    const index = this.#db.transaction("figures", "readonly").objectStore("figures").index("until");
    const reads = [...byKey].map(([key, mine]) => {
      const since = mine.reduce((d, m) => (m.t.from < d ? m.t.from : d), mine[0].t.from);
      return request(index.getAll(IDBKeyRange.bound([key, since], [key, "\uffff"]))).then((kept) => [mine, kept]);
    });
    const out = new Map();
    for (const [mine, kept] of await Promise.all(reads)) {
      for (const { claim, value, t } of mine) {
        // One figure per page (an attributed one first: a headline repeats the article's figure
        // without its source), the most recently seen pages first.
        const best = new Map();
        for (const f of kept) {
          if (f.url === page.url || !conflicts(t, { ...f, thing: t.thing, event: t.event })) continue;
          const held = best.get(f.url);
          if (!held || (!held.source && f.source)) best.set(f.url, f);
        }
        const shown = [...best.values()].sort((x, y) => (x.seen < y.seen ? 1 : -1)).slice(0, SHOWN);
        for (const f of shown) {
          if (!out.has(claim.id)) out.set(claim.id, []);
          out.get(claim.id).push({ value, elsewhere: { url: f.url, title: f.title, seen: f.seen, source: f.source, text: f.text } });
        }
      }
    }
    return out;
  }

  /** How many claims are kept. */
  async count() {
    const counted = await request(this.#db.transaction("meta").objectStore("meta").get("count"));
    return counted?.n ?? 0;
  }

  /**
   * Kept claims, the most recent first, for the history view: those whose sentence, source, page
   * title, counted things or topics contain `query` (any case), at most `limit`. Read in batches
   * from the newest: a search that matches little reads every claim, a few thousand per request.
   */
  async list({ query = "", limit = 500 } = {}) {
    const needle = query.trim().toLowerCase();
    const matches = (c) =>
      !needle ||
      [c.text, c.source ?? "", c.title ?? "", ...c.values.map((v) => v.counted ?? ""), ...c.values.map((v) => (v.topic ? `${v.topic.thing} ${v.topic.event}` : ""))].some((s) => s.toLowerCase().includes(needle));
    const store = this.#db.transaction("claims").objectStore("claims");
    // Keys grow with time (each page is added when it is read), so the newest are the largest:
    // read ranges of keys downward from the newest, widening the range where keys are sparse
    // (dropped and replaced claims leave gaps).
    const edge = (direction) => request(store.openKeyCursor(null, direction)).then((cursor) => cursor?.key);
    const [newest, oldest] = await Promise.all([edge("prev"), edge("next")]);
    const out = [];
    const BATCH = 2000;
    let span = BATCH;
    for (let hi = newest; hi !== undefined && hi >= oldest && out.length < limit; ) {
      const lo = Math.max(oldest, hi - span + 1);
      const batch = await request(store.getAll(IDBKeyRange.bound(lo, hi)));
      for (let i = batch.length - 1; i >= 0 && out.length < limit; i -= 1) if (matches(batch[i])) out.push(batch[i]);
      if (batch.length < BATCH / 4) span *= 4;
      hi = lo - 1;
    }
    return out;
  }

  /** Forgets everything. */
  async forget() {
    const tx = this.#db.transaction(["claims", "figures", "meta"], "readwrite");
    const finished = done(tx);
    tx.objectStore("claims").clear();
    tx.objectStore("figures").clear();
    tx.objectStore("meta").put({ name: "count", n: 0 });
    await finished;
  }
}

/**
 * The remembered conflicts as `conflicts_with_memory` checks, `[claimId, check]` pairs for the
 * claims they concern.
 */
export function memoryChecks(extraction, found) {
  const out = [];
  for (const claim of extraction.claims) {
    for (const { value, elsewhere } of found.get(claim.id) ?? []) {
      const here = claim.values[value].text;
      out.push([claim.id, { kind: "conflicts_with_memory", message: `${here} here; ${elsewhere.text} on a page you read before`, claims: [claim.id], value, elsewhere }]);
    }
  }
  return out;
}
