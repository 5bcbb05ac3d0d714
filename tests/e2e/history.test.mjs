// The extension's history page (www/extension/history.html) in Chromium, with the test build:
// the claim memory seeded through the background's own Memory (the test hook), then the page's
// counts, grouping by source and by topic, search, links back to the pages, "forget everything"
// after its confirmation, the switched-off and error states — and page text that looks like
// markup stays text. One test scans a real page through the toolbar button's code path and finds
// its claims in the history.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { launchExtension, noAutoscan } from "./helpers.mjs";

const HOSTILE = "<img src=x onerror=alert(1)>";

/** A claim as the engine writes it, with only what the memory keeps. */
function claim(id, text, source, values) {
  return { id, text, attribution: source ? { canonical: source, type: "organization", quote: false } : null, values, checks: [] };
}
function value(text, kind, n, hedge, counted, topic = null) {
  return { kind, text, value: n, min: null, max: null, hedge, unit: kind === "percent" ? "percent" : null, counted, from: null, to: null, topic };
}

const PAGES = [
  {
    page: { url: "https://news.example.org/2024/03/valley", title: "Thousands flee the valley as fighting spreads", seen: "2024-03-10T09:15:00.000Z" },
    claims: [
      claim(0, "Some 358,000 people have fled the valley since December 1, the United Nations said on Monday.", "United Nations", [
        value("Some 358,000 people", "count", 358000, "approximate", "people", { thing: "people", event: "displacement", low: 322200, high: 393800, from: "2023-12-01", to: "2024-03-10" }),
      ]),
      claim(1, "At least 112 civilians have been killed in the fighting, according to the Syrian Observatory for Human Rights.", "Syrian Observatory for Human Rights", [
        value("At least 112 civilians", "count", 112, "at_least", "civilians", { thing: "people", event: "death", low: 112, high: 224, from: "2024-03-10", to: "2024-03-10" }),
      ]),
      claim(2, "Around 70 percent of them are children.", null, [value("Around 70 percent", "percent", 70, "approximate", null)]),
    ],
  },
  {
    page: { url: "https://wire.example.com/world/camps?id=7", title: "Camps overflow <script>alert(2)</script>", seen: "2024-03-11T17:40:00.000Z" },
    claims: [
      claim(0, "About 250,000 displaced people were living in 18 camps, the United Nations said.", "United Nations", [
        value("About 250,000 displaced people", "count", 250000, "approximate", "displaced people", { thing: "people", event: "displacement", low: 225000, high: 275000, from: "2024-03-11", to: "2024-03-11" }),
        value("18 camps", "count", 18, "exact", "camps"),
      ]),
      claim(1, `Officials said ${HOSTILE} 40 towns and villages were emptied.`, "officials", [value("40 towns and villages", "count", 40, "exact", "towns and villages")]),
    ],
  },
  {
    // Not a web page: kept by an older build or a bad record, it must never become a link.
    page: { url: "javascript:alert(3)//", title: "Jobs report", seen: "2024-03-12T08:00:00.000Z" },
    claims: [
      claim(0, "Unemployment rose to 7.5 percent in February, the statistics office reported.", "statistics office", [
        value("7.5 percent", "percent", 7.5, "exact", null, { thing: "percent", event: "unemployment", low: 7.5, high: 7.5, from: "2024-02-01", to: "2024-02-29" }),
      ]),
    ],
  },
];
const TOTAL = PAGES.reduce((n, p) => n + p.claims.length, 0);

let ext;
let id;
let server;
let origin;

before(async () => {
  ext = await launchExtension();
  id = new URL(ext.worker.url()).host;
  await noAutoscan(ext.worker);
  const article = readFileSync("tests/golden/flood-relief.txt", "utf8").split("\n").filter(Boolean);
  const gold = JSON.parse(readFileSync("tests/golden/flood-relief.gold.json", "utf8"));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta property="article:published_time" content="${gold.referenceDate}"><title>Flood relief, as read by the test</title></head><body><article>${article.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
  server = createServer((req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  await ext?.close();
  server?.close();
});

// The background's own claim memory (the test build's hook), as the extension writes it.
const seed = () =>
  ext.worker.evaluate(async (pages) => {
    const m = await globalThis.claimlensTest.memory();
    await m.forget();
    for (const p of pages) await m.remember(p.page, { claims: p.claims });
  }, PAGES);
const remembered = () => ext.worker.evaluate(async () => (await globalThis.claimlensTest.memory()).count());
const forgetAll = () => ext.worker.evaluate(async () => (await globalThis.claimlensTest.memory()).forget());

/** Opens the history page; resolves once it has drawn, with the errors it logged. */
async function openHistory() {
  const page = await ext.context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("dialog", (d) => {
    problems.push(`a dialog opened: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(`chrome-extension://${id}/history.html`);
  await ready(page);
  return { page, problems };
}

/** A group as the page heads it: its name and how many claims it lists. */
const group = (name, n) => ({ name, count: `${n} claim${n === 1 ? "" : "s"}`, claims: n });
const ready = (page) => page.waitForFunction(() => ["ready", "error"].includes(document.body.dataset.state));
const groups = (page) =>
  page.evaluate(() => [...document.querySelectorAll("section.group")].map((s) => ({ name: s.querySelector("h2 .name").textContent, count: s.querySelector("h2 .count").textContent, claims: s.querySelectorAll("li.claim").length })));
const sentences = (page) => page.evaluate(() => [...document.querySelectorAll("li.claim .sentence")].map((p) => p.textContent));

test("the page counts the remembered claims and the storage they take", async () => {
  await seed();
  const { page, problems } = await openHistory();
  const summary = await page.locator("#summary").textContent();
  assert.match(summary, new RegExp(`^${TOTAL} remembered claims · [\\d.]+ (bytes|KB|MB) of storage used on this computer$`));
  assert.equal(await page.locator("#empty").isHidden(), true);
  assert.equal(await page.locator("#switched-off").isHidden(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test("by source: one group per canonical source, the unattributed in their own, with counts", async () => {
  await seed();
  const { page, problems } = await openHistory();
  assert.deepEqual(await groups(page), [
    group("United Nations", 2),
    group("officials", 1),
    group("statistics office", 1),
    group("Syrian Observatory for Human Rights", 1),
    group("Unattributed: the page gives no source", 1),
  ]);
  // Each claim: its sentence, figures with their hedge, source, date seen and page.
  const un = page.locator("section.group").first().locator("li.claim").last();
  assert.equal(await un.locator(".sentence").textContent(), PAGES[0].claims[0].text, "the most recent first: the older UN claim last");
  assert.deepEqual(await un.locator(".figures li").allTextContents(), ["Some 358,000 people approximate people · displacement"]);
  assert.equal(await un.locator(".meta .source").textContent(), "United Nations");
  assert.equal(await un.locator(".meta time").getAttribute("datetime"), PAGES[0].page.seen);
  assert.equal(await page.locator("li.claim", { hasText: "At least 112" }).locator(".hedge").textContent(), "at least");
  assert.deepEqual(problems, []);
  await page.close();
});

test("by topic: a figure's thing and event, else its counted noun, else Other", async () => {
  await seed();
  const { page, problems } = await openHistory();
  await page.getByLabel("By topic").check();
  await ready(page);
  assert.deepEqual(await groups(page), [
    group("people · displacement", 2),
    group("people · death", 1),
    group("percent · unemployment", 1),
    group("towns and villages", 1),
    group("Other", 1),
  ]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("search narrows the list as the reader types: sentences, sources, titles, topics", async () => {
  await seed();
  const { page } = await openHistory();
  const search = async (q) => {
    await page.getByLabel("Search sentences, sources, pages and topics").fill(q);
    await ready(page);
    return sentences(page);
  };
  assert.deepEqual(await search("observatory"), [PAGES[0].claims[1].text]);
  assert.deepEqual(await search("CAMPS"), [PAGES[1].claims[1].text, PAGES[1].claims[0].text], "the sentence, and the page's title");
  assert.deepEqual(await search("displacement"), [PAGES[1].claims[0].text, PAGES[0].claims[0].text], "the topic");
  assert.match(await page.locator("#shown").textContent(), /^Showing 2 claims matching “displacement”\.$/);
  assert.deepEqual(await search("no such claim anywhere"), []);
  assert.equal(await page.locator("#empty").textContent(), "No remembered claim matches “no such claim anywhere”.");
  assert.equal((await search("")).length, TOTAL);
  await page.close();
});

test("links go back to the pages, in a new tab, without a referrer; anything but http(s) is no link", async () => {
  await seed();
  const { page } = await openHistory();
  const links = await page.evaluate(() => [...document.querySelectorAll("li.claim a.page")].map((a) => ({ href: a.getAttribute("href"), text: a.textContent, target: a.target, rel: a.rel })));
  const web = PAGES.filter((p) => p.page.url.startsWith("http"));
  assert.equal(links.length, web.reduce((n, p) => n + p.claims.length, 0));
  for (const l of links) {
    const p = web.find((w) => w.page.url === l.href);
    assert.ok(p, `${l.href} is a page that was seeded`);
    assert.equal(l.text, p.page.title);
    assert.equal(l.target, "_blank");
    assert.equal(l.rel, "noopener noreferrer");
  }
  const jobs = page.locator("li.claim", { hasText: "Unemployment rose" });
  assert.equal(await jobs.locator("a").count(), 0, "a javascript: address is not a link");
  assert.equal(await jobs.locator(".page").textContent(), "Jobs report");
  await page.close();
});

test("nothing from the data becomes markup", async () => {
  await seed();
  const { page, problems } = await openHistory();
  for (const by of ["By source", "By topic"]) {
    await page.getByLabel(by).check();
    await ready(page);
    const found = await page.evaluate(() => ({ img: document.querySelectorAll("img").length, script: document.querySelectorAll('script:not([src="history.js"])').length, injected: document.querySelectorAll("[onerror]").length }));
    assert.deepEqual(found, { img: 0, script: 0, injected: 0 });
    assert.ok((await sentences(page)).includes(`Officials said ${HOSTILE} 40 towns and villages were emptied.`), "the sentence is shown as text");
    assert.equal(await page.locator("a.page", { hasText: "Camps overflow" }).first().textContent(), "Camps overflow <script>alert(2)</script>");
  }
  assert.deepEqual(problems, [], "no script ran, no dialog opened");
  await page.close();
});

test("forget everything asks first, then empties the memory", async () => {
  await seed();
  const { page } = await openHistory();
  await page.locator("#forget").click();
  const dialog = page.locator("dialog#confirm");
  assert.equal(await dialog.isVisible(), true);
  assert.equal(await dialog.locator("#confirm-text").textContent(), `${TOTAL} remembered claims will be deleted from this browser. This cannot be undone.`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await dialog.isVisible(), false);
  assert.equal(await remembered(), TOTAL, "cancelled: nothing forgotten");
  await page.locator("#forget").click();
  await dialog.getByRole("button", { name: "Forget everything" }).click();
  await page.waitForFunction(() => document.querySelectorAll("li.claim").length === 0 && document.body.dataset.state === "ready");
  assert.equal(await remembered(), 0);
  assert.match(await page.locator("#summary").textContent(), /^Every remembered claim is forgotten\. 0 remembered claims/);
  assert.match(await page.locator("#empty").textContent(), /^Nothing remembered yet\./);
  assert.equal(await page.locator("#forget").isDisabled(), true);
  await page.close();
});

test("memory switched off: said, on an empty memory and above remembered claims", async () => {
  await forgetAll();
  await ext.worker.evaluate(() => chrome.storage.local.set({ memory: false }));
  try {
    const { page } = await openHistory();
    assert.equal(await page.locator("#empty").textContent(), "Memory is switched off: nothing is remembered.");
    await seed();
    await page.reload();
    await ready(page);
    assert.equal(await page.locator("#switched-off").isVisible(), true);
    assert.equal(await page.locator("li.claim").count(), TOTAL, "what was kept before is still listed, and can be forgotten");
    // Turned back on in the popup: the page follows.
    await ext.worker.evaluate(() => chrome.storage.local.set({ memory: true }));
    await page.waitForFunction(() => document.getElementById("switched-off").hidden);
    await page.close();
  } finally {
    await ext.worker.evaluate(() => chrome.storage.local.set({ memory: true }));
  }
});

test("the page has no serious or critical accessibility violation (axe-core)", async () => {
  await seed();
  const { page } = await openHistory();
  // Evaluated through DevTools: the extension page's CSP allows no script tag from a test.
  await page.evaluate(readFileSync("node_modules/axe-core/axe.min.js", "utf8"));
  for (const by of ["By source", "By topic"]) {
    await page.getByLabel(by).check();
    await ready(page);
    const violations = await page.evaluate(async () => {
      const result = await axe.run(document, { resultTypes: ["violations"] });
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, [], by);
  }
  await page.close();
});

test("a page scanned with the toolbar button is in the history, with a link back to it", async () => {
  await forgetAll();
  const tab = await ext.context.newPage();
  await tab.goto(`${origin}/flood/#top`);
  await tab.bringToFront();
  const reply = await ext.worker.evaluate(() => globalThis.claimlensTest.scanActiveTab());
  assert.equal(reply.kind, "status", JSON.stringify(reply));
  // The page is remembered after its claims are shown and the memory has answered.
  await tab.waitForFunction(() => document.querySelector("claimlens-host")?.dataset.memory === "done");
  await ext.worker.evaluate(async (n) => {
    const memory = await globalThis.claimlensTest.memory();
    for (let i = 0; i < 100 && (await memory.count()) < n; i++) await new Promise((r) => setTimeout(r, 50));
  }, reply.claims);
  const { page, problems } = await openHistory();
  assert.match(await page.locator("#summary").textContent(), new RegExp(`^${reply.claims} remembered claims`));
  const links = await page.locator("a.page").evaluateAll((as) => [...new Set(as.map((a) => `${a.getAttribute("href")} ${a.textContent}`))]);
  assert.deepEqual(links, [`${origin}/flood/ Flood relief, as read by the test`], "the address without its fragment, and the page's title");
  assert.deepEqual(problems, []);
  await page.close();
  await tab.close();
});

test("a memory that cannot be opened is said, in words", async () => {
  // The background's connection closed, the database replaced by a newer version than the code's.
  await ext.worker.evaluate(async () => (await globalThis.claimlensTest.memory()).close());
  for (const p of ext.context.pages()) if (p.url().startsWith("chrome-extension://")) await p.close();
  const probe = await ext.context.newPage();
  await probe.goto(`chrome-extension://${id}/history.css`);
  await probe.evaluate(async () => {
    await new Promise((resolve, reject) => Object.assign(indexedDB.deleteDatabase("claimlens-memory"), { onsuccess: resolve, onerror: reject, onblocked: () => reject(new Error("a connection is still open")) }));
    const open = indexedDB.open("claimlens-memory", 99);
    await new Promise((resolve, reject) => Object.assign(open, { onsuccess: resolve, onerror: reject }));
    open.result.close();
  });
  await probe.close();
  const { page } = await openHistory();
  assert.equal(await page.evaluate(() => document.body.dataset.state), "error");
  assert.match(await page.locator("#error").textContent(), /^claimlens could not open its claim memory: .+/);
  assert.equal(await page.locator("#error").isVisible(), true);
  assert.equal(await page.locator("#forget").isDisabled(), true);
  await page.close();
});
