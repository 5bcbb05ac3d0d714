// The page-text collector on page layouts of its own: the main content found without <article>,
// page furniture skipped, and the publication date from each place a page may keep it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoSession } from "./helpers.mjs";

const session = demoSession();

const PARAGRAPHS = "<p>Some 4,200 families fled the valley on Monday, the agency said.</p><p>Around 70 percent of them are children.</p>";

async function collectOn(html) {
  const page = await session.browser.newPage();
  await page.route("**/fixture/", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(`${session.server.url}/fixture/`);
  const out = await page.evaluate(async () => {
    const { collect, mainContent, referenceDate } = await import("/lib/collect.js");
    const root = mainContent();
    const { texts, blocks } = await collect(root);
    return { texts, blocks: [...blocks], date: referenceDate(document, root, new Date("2031-05-06T12:00:00Z")) };
  });
  await page.close();
  return out;
}

test("the densest block of paragraphs when there is no <article> or <main>", async () => {
  const out = await collectOn(`<body><div class="menu"><p>Home</p></div><div id="story">${PARAGRAPHS}</div><div><p>Ad: 50% off</p></div></body>`);
  assert.deepEqual(out.texts, ["Some 4,200 families fled the valley on Monday, the agency said.", "Around 70 percent of them are children."]);
  assert.deepEqual(out.blocks, [0, 1]);
});

test("navigation, asides, forms, scripts, hidden and aria-hidden nodes are skipped", async () => {
  const out = await collectOn(`<body><article><nav>Page 2 of 5</nav>${PARAGRAPHS}<aside>Most read: 10 tips</aside>
    <form><label>Email <input value="x"></label><button>Subscribe for $1</button></form><script>var x = 5;</script>
    <p hidden>Hidden 99 people</p><p aria-hidden="true">Decor 77</p><p style="display:none">None 66</p>
    <claim-lens></claim-lens><p>Since <b>March 3</b>, prices rose.</p></article></body>`);
  assert.deepEqual(out.texts, ["Some 4,200 families fled the valley on Monday, the agency said.", "Around 70 percent of them are children.", "Since ", "March 3", ", prices rose."]);
  assert.deepEqual(out.blocks, [0, 1, 2, 2, 2], "inline elements stay in their paragraph's block");
});

test("the date from JSON-LD, including @graph", async () => {
  const ld = JSON.stringify({ "@context": "https://schema.org", "@graph": [{ "@type": "WebPage" }, { "@type": "NewsArticle", datePublished: "2024-03-12T08:00:00+01:00" }] });
  const out = await collectOn(`<head><script type="application/ld+json">${ld}</script></head><body><article>${PARAGRAPHS}</article></body>`);
  assert.deepEqual(out.date, { date: "2024-03-12", assumed: false });
});

test("JSON-LD nested thousands deep is passed over, not a failed scan", async () => {
  const deep = `${"[".repeat(20000)}{"datePublished":"2020-01-01"}${"]".repeat(20000)}`;
  const ld = JSON.stringify({ "@type": "NewsArticle", datePublished: "2024-03-12" });
  const out = await collectOn(`<head><script type="application/ld+json">${deep}</script><script type="application/ld+json">${ld}</script></head><body><article>${PARAGRAPHS}</article></body>`);
  assert.deepEqual(out.date, { date: "2024-03-12", assumed: false });
});

test("the date from <time datetime> in the article", async () => {
  const out = await collectOn(`<body><article><time datetime="2021-04-09T10:00">9 April</time>${PARAGRAPHS}</article></body>`);
  assert.deepEqual(out.date, { date: "2021-04-09", assumed: false });
});

test("no date on the page: today, marked as assumed", async () => {
  const out = await collectOn(`<body><article>${PARAGRAPHS}</article></body>`);
  assert.deepEqual(out.date, { date: "2031-05-06", assumed: true });
});

test("a space between inline elements separates their words; SVG and MathML text is not read", async () => {
  const out = await collectOn(`<body><article><p>Aid of <b>$3.5</b> <i>million</i> arrived.</p>
    <p>It fell to <span>3</span><span>&nbsp;</span><span>degrees</span>.</p>
    <svg viewBox="0 0 10 10"><title>Index, 2014 = 100</title><text>162</text></svg><math><mn>42</mn></math></article></body>`);
  const byBlock = new Map();
  out.texts.forEach((t, i) => byBlock.set(out.blocks[i], (byBlock.get(out.blocks[i]) ?? "") + t));
  assert.deepEqual([...byBlock.values()], ["Aid of $3.5 million arrived.", "It fell to 3\u00a0degrees."]);
});

test("footnote marks are not read into the figure before them; other superscripts are", async () => {
  const out = await collectOn(`<body><article><p>Debt reached 1.84 trillion in 2023<sup><a href="#fn1">1</a></sup>, or 96 percent<sup>4</sup>.</p>
    <p>The park covers 40 km<sup>2</sup>.</p></article></body>`);
  const byBlock = new Map();
  out.texts.forEach((t, i) => byBlock.set(out.blocks[i], (byBlock.get(out.blocks[i]) ?? "") + t));
  assert.deepEqual([...byBlock.values()], ["Debt reached 1.84 trillion in 2023, or 96 percent.", "The park covers 40 km2."]);
});

const LEAD = "<p>Rescue crews battled on Thursday to reach villages cut off by floodwaters in the province, the agency said.</p>";

test("bylines and publication stamps above the article are not read; the byline still dates the page", async () => {
  const out = await collectOn(`<body><article><h1>Floods</h1>
    <p class="byline">By Ledger staff · <time datetime="2023-02-16">16 February 2023</time></p>
    <div class="article__timestamp">Updated 3:45 PM, March 3, 2024</div>
    <!-- a stamp --><time class="entry-date published" datetime="2023-02-16">February 16, 2023</time>
    <div><a rel="author external" href="/staff/1">Jane Doe</a></div>
    <div itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="author creator">John Roe</span>
      <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Eve Hart</span></span></div>
    <p>By <a rel="author" href="/a">Ann Lee</a> and <a rel="author" href="/b">Bo Kim</a></p>
    <p>Last updated <time datetime="2024-03-05">5 March 2024</time></p>
    <div class="postDate">March 6, 2024</div><div><span class="authorName">Cy Park</span></div>
    <ul><li class="amp-wp-posted-on"><time datetime="2024-03-07">3 days ago</time></li></ul>
    <address>Dee Moss, Kessara bureau</address>
    <p class="candidate">Candidate polls 40%</p><p class="update">Update: 12 more rescued</p>
    ${LEAD}${PARAGRAPHS}</article></body>`);
  const text = out.texts.filter((t) => t.trim()).join("|");
  for (const read of ["Candidate polls 40%", "Update: 12 more rescued"]) assert.ok(text.includes(read), `${read} is read: ${text}`);
  for (const furniture of ["Ledger staff", "16 February 2023", "Updated 3:45", "February 16, 2023", "Jane Doe", "John Roe", "Eve Hart", "Ann Lee", "Bo Kim", "5 March 2024", "March 6", "Cy Park", "3 days ago", "Dee Moss"]) {
    assert.ok(!text.includes(furniture), `${furniture} is not read: ${text}`);
  }
  assert.ok(text.startsWith("Floods|Candidate polls 40%|Update: 12 more rescued|Rescue crews battled"), text);
  assert.deepEqual(out.date, { date: "2023-02-16", assumed: false });
});

test("marked names and dates that carry content are read: after the lead, in headings, sentences, quotations, tables, term lists, beside figures", async () => {
  const kept = [
    `<h2 id="published-data-show-a-40-rise" class="section-date">Published data show a 40% rise</h2>`,
    `<p><span class="dateline">KELBY, March 12 (Newswire)</span><a href="/x">Floodwaters</a> cut off 14 villages.</p>`,
    `<p>Unemployment reached <b>5.1%</b> <span class="date">in March 2024</span></p>`,
    `<p>Inflation hit 9.1% in <!--[--><span class="date">June 2022</span><!--]-->.</p>`,
    `<blockquote><p>"We lost 40 percent of the harvest."</p><cite class="quote-author">Maria Lopez</cite></blockquote>`,
    `<table><tr><td class="date">1 March</td><td>413,385 people</td></tr></table>`,
    `<div role="table"><div role="row"><div role="cell" class="date">2 March</div><div role="cell">413,900 people</div></div></div>`,
    `<dl><dt class="date">2019</dt><dd>GDP grew 3 percent.</dd></dl>`,
    `<div itemscope itemtype="https://schema.org/Claim"><span itemprop="author">Senator Jane Roe</span></div>`,
    `<article class="live-story-post"><header><span class="byline">By Ann Lee</span> <span class="timestamp">Updated 10:42 a.m. ET</span></header><h2>Toll rises to 14</h2><p>The ministry says 4,200 families have fled.</p></article>`,
    `<div class="live-post"><div>Updated <time>10:42</time></div><p>Officials said 12 people were killed.</p></div>`,
    `<div><p>By <a rel="author" href="/a">Ann Lee</a></p><p class="standfirst">Some 4,300 families fled; most are children.</p></div>`,
    `<p><em>Updated <time>March 4</time>: the ministry has raised the death toll to 15.</em></p>`,
    `<p class="dek">By <time datetime="2030">2030</time>, the city will need 40,000 new homes.</p>`,
    `<p>Published figures show <b>4,400</b> jobs were lost by <time>March 1</time>.</p>`,
    `<div class="key-date"><strong>12 March</strong>: 4,500 families evacuated</div>`,
    `<ol><li><div class="timeline__date">3 March</div><div>413,385 people had fled.</div></li></ol>`,
    `<div class="stats"><div><b>4,600</b> cases</div><div class="stats__updated">Data as of March 3, 2024</div></div>`,
    `<div class="updated-notice">This story was updated to say the death toll rose to 16.</div>`,
  ];
  const after = [`<div class="post-date-wrapper"><p>Some 4,200 families fled.</p></div>`, `<li><h3 class="timeline__date">March 2020</h3><p>Cases passed 1,000.</p></li>`];
  const out = await collectOn(`<body><article>${kept.join("\n")}${LEAD}${after.join("\n")}</article></body>`);
  const text = out.texts.join("");
  for (const words of ["Published data show", "KELBY, March 12", "in March 2024", "June 2022", "Maria Lopez", "1 March", "2 March", "2019", "Senator Jane Roe",
    "Toll rises to 14", "4,200 families have fled", "12 people", "4,300 families", "Updated March 4", "By 2030", "Published figures show", "12 March",
    "3 March", "Data as of March 3, 2024", "rose to 16", "Some 4,200 families", "March 2020"]) {
    assert.ok(text.includes(words), `${words} is read: ${text}`);
  }
});

test("an article whose paragraphs are <div>s, or that opens with a long dateline, keeps its lead and what follows", async () => {
  const prose = "Rescue crews battled on Thursday to reach villages cut off by floodwaters across the province, officials said.";
  const divs = await collectOn(`<body><article><p class="byline">By Ann Lee · March 3, 2024</p><div class="para">${prose}</div>
    <div>By <time>March 2024</time>, 4,200 families had fled.</div><p>Correction: ${prose}</p></article></body>`);
  assert.ok(!divs.texts.join("").includes("Ann Lee"), "the byline above the lead is not read");
  assert.ok(divs.texts.join("").includes("4,200 families had fled"), divs.texts.join("|"));
  const dateline = await collectOn(`<body><article><p class="dateline">KELBY, Kessara, March 12 (Newswire) — Floodwaters cut off the valley's villages, the ministry said on Tuesday as the rain went on.</p>${PARAGRAPHS}</article></body>`);
  assert.ok(dateline.texts.join("").startsWith("KELBY, Kessara, March 12 (Newswire) — Floodwaters"), dateline.texts.join("|"));
});

test("with no date in the page's metadata, the date a byline writes out dates the page", async () => {
  const on = (stamp) => collectOn(`<body><article><h1>Floods</h1>${stamp}${LEAD}</article></body>`).then((out) => out.date);
  assert.deepEqual(await on(`<div class="article__timestamp">Published March 3, 2024, 9:40 AM</div>`), { date: "2024-03-03", assumed: false });
  assert.deepEqual(await on(`<p class="byline">By Ama Serwaa · 3 Mar. 2024</p>`), { date: "2024-03-03", assumed: false });
  assert.deepEqual(await on(`<p class="byline">By Ama Serwaa · February 30, 2024</p>`), { date: "2031-05-06", assumed: true }, "no such day");
  assert.deepEqual(await on(`<p>Published March 3, 2024</p>`), { date: "2031-05-06", assumed: true }, "an unmarked paragraph is not a byline");
  assert.deepEqual(await on(`<p class="byline">Updated April 5, 2024 · Published Feb 1, 2024</p>`), { date: "2024-02-01", assumed: false }, "published before updated");
  assert.deepEqual(await on(`<p class="byline">3 March 2024 · updated April 5, 2024</p>`), { date: "2024-03-03", assumed: false });
  assert.deepEqual(await on(`<p class="byline">By Ann Lee, March 3rd, 2024</p>`), { date: "2024-03-03", assumed: false });
  assert.deepEqual(await on(`<p class="byline">By Ann Lee, 2024-02-30</p>`), { date: "2031-05-06", assumed: true }, "no such day");
  assert.deepEqual(await on(`<p class="byline">By the Mayor 3 2024 desk</p>`), { date: "2031-05-06", assumed: true }, "Mayor is no month");
  // A <time> inside a sentence dates a figure, not the page; the byline's does.
  const since = await collectOn(`<body><article><p class="byline">By Ann Lee · March 3, 2024</p>${LEAD}<p>Since <time datetime="2020-03-11">March 11, 2020</time>, 4,200 people died.</p></article></body>`);
  assert.deepEqual(since.date, { date: "2024-03-03", assumed: false });
  const stamped = await collectOn(`<body><article><p>By <span class="author">Ann Lee</span> · <time datetime="2024-03-04T08:00Z">4 March</time></p>${LEAD}<p>Since <time datetime="2020-03-11">March 11, 2020</time>, 4,200 died.</p></article></body>`);
  assert.deepEqual(stamped.date, { date: "2024-03-04", assumed: false });
});
