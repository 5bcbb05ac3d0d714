// The claim memory: every claim the reader has seen, kept in the browser's own database
// (IndexedDB) on this machine, never sent anywhere. The background remembers each page it reads
// and asks, for each figure on a new page, whether a remembered figure for the same thing
// contradicts it; the history page lists what is kept.
//
// Two stores:
// - `claims`: one record per claim seen — its sentence, values (figure, hedge, counted thing,
//   period), canonical source, the page's address and title, and when it was seen;
// - `figures`: one record per figure with a topic (see `conflicts` below), indexed so that the
//   figures that disagree with a new one are found by two range reads, however many are kept.
//
// A page read again replaces what was kept for it. Past the cap, the oldest claims go first.

const DB_NAME = "claimlens-memory";
const DB_VERSION = 1;
/** How many claims are kept before the oldest are dropped. */
export const DEFAULT_CAP = 50_000;
/** A remembered sentence is cut to this many characters. */
const SENTENCE_LIMIT = 400;
/** At most this many remembered figures are shown against one figure (the most recent). */
const SHOWN = 3;

/**
 * Whether two figures' topics contradict each other: the same thing and event, periods that
 * overlap (a missing period overlaps any), bounds that do not meet, and one order of magnitude.
 * The same rule as the engine's `Topic::conflicts` (src/model.rs); tests/topics/pairs.json holds
 * the two together.
 */
export function conflicts(a, b) {
  const overlap = !a.from || !a.to || !b.from || !b.to || (a.from <= b.to && b.from <= a.to);
  const apart = a.high < b.low || b.high < a.low;
  const big = Math.max(a.low, b.low);
  const small = Math.max(Math.min(a.high, b.high), Number.MIN_VALUE);
  return a.thing === b.thing && a.event === b.event && overlap && apart && big / small <= 10;
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
function record(claim, page) {
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
      topic: v.topic ? dated(v.topic, page.seen.slice(0, 10)) : null,
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
      const claims = db.createObjectStore("claims", { keyPath: "id", autoIncrement: true });
      claims.createIndex("url", "url");
      claims.createIndex("seen", "seen");
      claims.createIndex("source", "source");
      const figures = db.createObjectStore("figures", { keyPath: "id", autoIncrement: true });
      figures.createIndex("claim", "claim");
      figures.createIndex("url", "url");
      // Figures below a new one: [topic, high]; above it: [topic, low].
      figures.createIndex("high", ["key", "high"]);
      figures.createIndex("low", ["key", "low"]);
    };
    const db = await request(open);
    return new Memory(db, cap);
  }

  close() {
    this.#db.close();
  }

  /**
   * Keeps a page's claims (replacing what was kept for the same address), then drops the oldest
   * claims past the cap. `page` is `{ url, title, seen }` (`seen` an ISO date-time). Returns how
   * many claims were kept for the page.
   */
  async remember(page, extraction) {
    const tx = this.#db.transaction(["claims", "figures"], "readwrite");
    const finished = done(tx);
    const claims = tx.objectStore("claims");
    const figures = tx.objectStore("figures");
    const old = await request(claims.index("url").getAllKeys(IDBKeyRange.only(page.url)));
    for (const key of old) claims.delete(key);
    const oldFigures = await request(figures.index("url").getAllKeys(IDBKeyRange.only(page.url)));
    for (const key of oldFigures) figures.delete(key);
    const added = extraction.claims.map((claim) => {
      const kept = record(claim, page);
      const r = claims.add(kept);
      // Each figure is added when its claim has its key: no wait between claims.
      r.addEventListener("success", () => {
        kept.values.forEach((v, value) => {
          if (v.topic) figures.add({ key: topicKey(v.topic), low: v.topic.low, high: v.topic.high, from: v.topic.from, to: v.topic.to, claim: r.result, value, url: page.url });
        });
      });
      return request(r);
    });
    await Promise.all(added);
    const count = await request(claims.count());
    if (count > this.#cap) {
      const keys = await request(claims.index("seen").getAllKeys(null, count - this.#cap));
      dropClaims(tx, keys);
    }
    await finished;
    return extraction.claims.length;
  }

  /**
   * The remembered figures, from other pages, that contradict a figure of `extraction`: for each
   * claim id, a list of `{ value, elsewhere }` (`value` the index of its figure; `elsewhere` the
   * remembered claim's page, source, figure and date seen), the most recent first.
   */
  async conflicts(extraction, page) {
    const tx = this.#db.transaction(["claims", "figures"], "readonly");
    const figures = tx.objectStore("figures");
    const day = page.seen.slice(0, 10);
    const asks = [];
    for (const claim of extraction.claims) {
      claim.values.forEach((v, value) => {
        if (!v.topic) return;
        const t = dated(v.topic, day);
        const key = topicKey(t);
        // Below: high in [low / 10, low); above: low in (high, high × 10].
        const below = IDBKeyRange.bound([key, t.low / 10], [key, t.low], false, true);
        const above = IDBKeyRange.bound([key, t.high], [key, t.high * 10], true, false);
        asks.push(
          Promise.all([request(figures.index("high").getAll(below)), request(figures.index("low").getAll(above))]).then(([a, b]) => ({
            claim,
            value,
            topic: t,
            found: [...a, ...b].filter((f) => f.url !== page.url && conflicts(t, { ...f, thing: t.thing, event: t.event })),
          })),
        );
      });
    }
    const answers = (await Promise.all(asks)).filter((a) => a.found.length);
    // The remembered claims behind the figures found, each read once, all at the same time.
    const claims = tx.objectStore("claims");
    const ids = [...new Set(answers.flatMap((a) => a.found.map((f) => f.claim)))];
    const kept = new Map(await Promise.all(ids.map((id) => request(claims.get(id)).then((c) => [id, c]))));
    const out = new Map();
    for (const { claim, value, found } of answers) {
      // One figure per page (an attributed one first: a headline repeats the article's figure
      // without its source), the most recently seen pages first.
      const best = new Map();
      for (const f of found) {
        const c = kept.get(f.claim);
        const held = best.get(f.url);
        if (c && (!held || (!held.c.source && c.source))) best.set(f.url, { c, f });
      }
      const shown = [...best.values()].sort((x, y) => (x.c.seen < y.c.seen ? 1 : -1)).slice(0, SHOWN);
      for (const { c, f } of shown) {
        const v = c.values[f.value];
        if (!out.has(claim.id)) out.set(claim.id, []);
        out.get(claim.id).push({ value, elsewhere: { url: c.url, title: c.title, seen: c.seen, source: c.source, text: v.text, sentence: c.text } });
      }
    }
    return out;
  }

  /** How many claims are kept. */
  async count() {
    return request(this.#db.transaction("claims").objectStore("claims").count());
  }

  /**
   * Kept claims, the most recent first, for the history view: those whose sentence, source, page
   * title or counted things contain `query` (any case), at most `limit`.
   */
  async list({ query = "", limit = 500 } = {}) {
    const needle = query.trim().toLowerCase();
    const matches = (c) =>
      !needle ||
      [c.text, c.source ?? "", c.title, ...c.values.map((v) => v.counted ?? ""), ...c.values.map((v) => (v.topic ? `${v.topic.thing} ${v.topic.event}` : ""))].some((s) => s.toLowerCase().includes(needle));
    const out = [];
    const index = this.#db.transaction("claims").objectStore("claims").index("seen");
    await new Promise((resolve, reject) => {
      const cursor = index.openCursor(null, "prev");
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || out.length >= limit) return resolve();
        if (matches(c.value)) out.push(c.value);
        c.continue();
      };
    });
    return out;
  }

  /** Forgets everything. */
  async forget() {
    const tx = this.#db.transaction(["claims", "figures"], "readwrite");
    const finished = done(tx);
    tx.objectStore("claims").clear();
    tx.objectStore("figures").clear();
    await finished;
  }
}

/** Adds the remembered conflicts to the extraction's claims, as `conflicts_with_memory` checks. */
export function annotate(extraction, found) {
  for (const claim of extraction.claims) {
    for (const { value, elsewhere } of found.get(claim.id) ?? []) {
      const here = claim.values[value].text;
      claim.checks.push({
        kind: "conflicts_with_memory",
        message: `${here} here; ${elsewhere.text} on a page you read before`,
        claims: [claim.id],
        value,
        elsewhere,
      });
    }
  }
  return extraction;
}
