// Writes the demo page: a news article of the project's own writing (a golden article, so its
// expected claims are known) laid out like a news site, with its publication date in its
// metadata and the widget embedded with one element.
// Usage: node scripts/build-demo.mjs ARTICLE.txt GOLD.json OUT.html
import { readFileSync, writeFileSync } from "node:fs";

const [articlePath, goldPath, out] = process.argv.slice(2);
const article = readFileSync(articlePath, "utf8");
const gold = JSON.parse(readFileSync(goldPath, "utf8"));
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphs = article.split("\n").map((l) => l.trim()).filter(Boolean);
const date = gold.referenceDate;

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(gold.headline)} · The Kessara Ledger (claimlens demo)</title>
<meta property="article:published_time" content="${date}T09:30:00Z">
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 18px/1.6 Georgia, "Times New Roman", serif; color: #222; background: #fbfaf7; }
  .site { background: #14213d; color: #fff; padding: 0.75rem 1.5rem; font: 600 20px system-ui, sans-serif; }
  nav a { color: #fff; margin-right: 1rem; font-weight: 400; font-size: 15px; }
  main { max-width: 42rem; margin: 2rem auto; padding: 0 1.5rem 4rem; }
  h1 { font-size: 2rem; line-height: 1.2; }
  .byline { color: #666; font: 14px system-ui, sans-serif; }
  aside { border-top: 1px solid #ddd; margin-top: 2rem; font: 14px system-ui, sans-serif; color: #555; }
  footer { text-align: center; color: #888; font: 13px system-ui, sans-serif; padding: 2rem; }
  @media (prefers-color-scheme: dark) { body { background: #16171a; color: #ddd; } .byline, aside { color: #aaa; } }
</style>
<script type="module" src="../claimlens.js"></script>
</head>
<body>
<header class="site">The Kessara Ledger <nav><a href="#">World</a><a href="#">Climate</a><a href="#">Business</a><a href="#">Read 5 of 10 free articles</a></nav></header>
<main>
<article>
<h1>${escape(gold.headline)}</h1>
<p class="byline">By Ledger staff · <time datetime="${date}">${date}</time></p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
</article>
<aside><h2>Most read</h2><p>Top 10 places to visit in 2024 · 3 ways to save on fuel</p></aside>
</main>
<footer>© 2024 The Kessara Ledger · 12 Harbour Road · Call 0800 555 0199</footer>
<claim-lens autoscan></claim-lens>
</body>
</html>
`;
writeFileSync(out, html);
