// The benchmark's texts, all of our own writing (bench/texts/): the article as it is, and about
// 100 KB and 1 MB of news made by cycling through every article with its figures varied per round.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { OUT } from "./paths.mjs";

/** The day the articles were "published": what relative dates ("Monday", "since March 3") mean. */
export const REFERENCE_DATE = "2026-04-16";

/** The texts' names, smallest first, with the size each aims at. */
export const TEXTS = { article: null, "100k": 100_000, "1m": 1_000_000 };

const ARTICLES = ["article", "strike", "harvest", "election", "wildfire"].map((name) =>
  readFileSync(new URL(`texts/${name}.txt`, import.meta.url), "utf8"),
);

/** A small seeded generator (mulberry32): the same texts on every machine and every run. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The article with its figures varied for `round` (round 0: unchanged). The first digit of each
 * number stays, and a year keeps its century, so magnitudes, years and days stay plausible and
 * every engine still sees the same kinds of values; the digits after it change, differently in
 * each round, so no two copies are the same (a shift by the round alone would repeat every 10).
 */
function vary(text, round) {
  if (round === 0) return text;
  const next = random(round);
  return text.replace(/\d+/g, (run) => {
    const keep = run.length === 4 && /^(19|20)/.test(run) ? 2 : 1;
    let out = run.slice(0, keep);
    for (const d of run.slice(keep)) out += String((Number(d) + Math.floor(next() * 10)) % 10);
    return out;
  });
}

/** About `size` bytes of whole articles, cut at the last paragraph that fits. */
function cycle(size) {
  const parts = [];
  let bytes = 0;
  for (let round = 0; bytes < size; round += 1) {
    for (const article of ARTICLES) {
      const part = vary(article.trim(), round);
      parts.push(part);
      bytes += Buffer.byteLength(part) + 2;
    }
  }
  const text = parts.join("\n\n");
  const cut = text.lastIndexOf("\n\n", size);
  return text.slice(0, cut);
}

/** `{ article, "100k", "1m" }`: the texts themselves. */
export function buildTexts() {
  return Object.fromEntries(Object.entries(TEXTS).map(([name, size]) => [name, size ? cycle(size) : ARTICLES[0]]));
}

/** Writes the texts to target/bench/NAME.txt (for the native run and the engine processes). */
export function writeTexts(dir = OUT) {
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(
    Object.entries(buildTexts()).map(([name, text]) => {
      const path = `${dir}/${name}.txt`;
      writeFileSync(path, text);
      return [name, { path, bytes: Buffer.byteLength(text) }];
    }),
  );
}
