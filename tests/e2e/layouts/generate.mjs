// Pages too large to commit, generated at test time: news-style paragraphs of our own, repeated
// with varied digits (a fixed seed, so every run reads the same page).

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const NAMES = ["Ada Brenn", "Tom Ilsley", "Rosa Kemp", "Yusuf Adeyemi", "Lin Marsh", "Pieter Voss"];
const BODIES = ["the utility", "the statistics office", "the city council", "the health board", "the port authority", "police"];

/** A small deterministic generator (mulberry32): the same digits on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sentences of paragraph `i`. */
function sentences(i, rnd) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[int(0, xs.length - 1)];
  return [
    `In district ${i + 1}, some ${int(2, 98)},${String(int(0, 999)).padStart(3, "0")} households were still without running water on ${pick(DAYS)}, ${pick(BODIES)} said.`,
    `Prices rose ${int(0, 9)}.${int(0, 9)} percent in ${pick(MONTHS)}, according to ${pick(BODIES)}.`,
    `"We counted ${int(100, 9999)} vehicles on the bridge in ${int(2, 48)} hours," inspector ${pick(NAMES)} said.`,
    `The council approved ${int(1, 90)}.${int(1, 9)} million for ${int(3, 60)} new classrooms by ${int(2025, 2031)}, a spokeswoman said.`,
    `About ${int(10, 90)} percent of the ${int(500, 3000)} adults polled backed the plan.`,
  ];
}

function page(title, body, date) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<meta property="article:published_time" content="${date}">
<title>${title}</title>
<style>body { font: 16px/1.5 sans-serif; max-width: 44em; margin: 1em auto; }</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** About `bytes` of HTML: an article of many short paragraphs. */
export function hugePage(bytes = 2 * 1024 * 1024) {
  const rnd = random(2024);
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes - 600; i++) {
    const p = `<p>${sentences(i, rnd).join(" ")}</p>\n`;
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return page("District reports: the whole year in one page", `<article>\n<h1>District reports: the whole year in one page</h1>\n${parts.join("")}</article>`, "2024-12-30");
}

/** One paragraph of about `chars` characters with no line break in it. */
export function hugeParagraphPage(chars = 60_000) {
  const rnd = random(7);
  const out = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const s = sentences(i, rnd).join(" ");
    out.push(s);
    size += s.length + 1;
  }
  return page("Minutes of the council meeting", `<article>\n<h1>Minutes of the council meeting</h1>\n<p>${out.join(" ")}</p>\n</article>`, "2024-06-12");
}

/** Generated pages by file name, as the sweep serves them. */
export const GENERATED = {
  "huge-2mb.html": hugePage,
  "huge-paragraph.html": hugeParagraphPage,
};
