// The extension's claim memory, end to end in Chromium with the built test extension: a figure on
// one page that contradicts one read on another is flagged with a link back; an agreeing figure
// is not; "forget everything" clears it; the memory survives a browser restart; switched off, it
// keeps nothing. The three pages are news of our own writing, all published the same day.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, noAutoscan } from "./helpers.mjs";

const EXTENSION = resolve("dist/chromium-test");
const page = (title, paragraphs) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta property="article:published_time" content="2020-01-27"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;

const ROUTES = {
  // Page A: the United Nations' figure.
  "/a/": page("UN: 358,000 displaced in northern offensive", [
    "Since December 1, some 358,000 people have been displaced by the fighting in Idlib province, the United Nations said on Monday.",
    "The agency said 80 percent of those who fled Idlib were women and children, and that 14 aid convoys had crossed the border this month.",
  ]),
  // Page B: a figure that no reading of A's hedge reaches.
  "/b/": page("Governor plays down exodus", [
    "The governor of Idlib said on Monday that only 250,000 people had fled their homes since December.",
    "He said 40 schools in Idlib would reopen next week.",
  ]),
  // Page C: a figure that agrees with A's.
  "/c/": page("Aid groups warn of camps at capacity", [
    "About 360,000 people have been displaced in Idlib since December 1, aid agencies said on Monday.",
    "Camps near the border with Idlib are at capacity, they said.",
  ]),
  // Page D: the same kind of figure, for another place: not the same thing.
  "/d/": page("Floods force thousands from their homes", [
    "Floods in the Ostrava region have displaced 250,000 people since December 1, regional officials said on Monday.",
    "Rescuers in Ostrava said the water was still rising.",
  ]),
};

let server;
let origin;
let profile;
let context;
let worker;

async function launch() {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
}

before(async () => {
  server = createServer((req, res) => {
    if (req.url === "/memory.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync("www/extension/memory.js"));
    const body = ROUTES[req.url];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  profile = mkdtempSync(join(tmpdir(), "claimlens-memory-"));
  await launch();
  await noAutoscan(worker);
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Opens a page, presses the extension's button (its code path), returns the memory notes shown. */
async function read(path) {
  const tab = await context.newPage();
  await tab.goto(`${origin}${path}`);
  await tab.bringToFront();
  await worker.evaluate(() => globalThis.claimlensTest.scanActiveTab());
  // The claims come first; the memory's flags follow them.
  await tab.waitForFunction(() => document.querySelector("claimlens-host")?.dataset.state === "ready", null, { timeout: 30000 });
  await tab.waitForFunction(() => document.querySelector("claimlens-host").dataset.memory === "done", null, { timeout: 30000 });
  const notes = await tab.evaluate(() =>
    [...document.querySelector("claimlens-host").shadowRoot.querySelectorAll(".check.elsewhere")].map((n) => ({
      text: n.textContent,
      links: [...n.querySelectorAll("a")].map((a) => ({ href: a.href, text: a.textContent, rel: a.rel })),
    })),
  );
  const status = await tab.evaluate(() => document.querySelector("claimlens-host").shadowRoot.querySelector(".status").textContent);
  await tab.close();
  return { notes, status };
}

/** How many claims the memory keeps; with `atLeast`, waits up to 3 s for a write still under way. */
const remembered = (atLeast = 0) =>
  worker.evaluate(async (n) => {
    const memory = await globalThis.claimlensTest.memory();
    let count = await memory.count();
    for (let i = 0; i < 60 && count < n; i++) {
      await new Promise((r) => setTimeout(r, 50));
      count = await memory.count();
    }
    return count;
  }, atLeast);

test("a conflicting figure read later is flagged with a link to the page it contradicts", async () => {
  const a = await read("/a/");
  assert.deepEqual(a.notes, [], "nothing to compare with yet");
  assert.ok((await remembered(2)) >= 2, "page A's claims are remembered");
  const b = await read("/b/");
  assert.equal(b.notes.length, 1, JSON.stringify(b));
  const [note] = b.notes;
  assert.match(note.text, /250,000 people here; some 358,000 people on a page you read before/);
  assert.match(note.text, /from United Nations/);
  assert.match(note.text, /on \d{4}-\d{2}-\d{2}/, "the day it was seen");
  assert.deepEqual(note.links, [{ href: `${origin}/a/`, text: "UN: 358,000 displaced in northern offensive", rel: "noopener noreferrer" }]);
});

test("an agreeing figure is not flagged", async () => {
  // "about 360,000" meets "some 358,000"; against B's 250,000 it is flagged, and that note must
  // link to B, never to A.
  const c = await read("/c/");
  assert.ok(c.notes.every((n) => n.links.every((l) => l.href !== `${origin}/a/`)), JSON.stringify(c.notes));
  assert.ok(c.notes.some((n) => n.links.some((l) => l.href === `${origin}/b/`)), "the disagreeing page B is still flagged");
});

test("the same figure for another place is not flagged", async () => {
  const d = await read("/d/");
  assert.deepEqual(d.notes, [], "Ostrava's floods are not Idlib's fighting");
});

test("the memory survives a browser restart", async () => {
  await context.close();
  await launch();
  assert.ok((await remembered(6)) >= 6);
  const b = await read("/b/");
  assert.ok(b.notes.some((n) => n.links.some((l) => l.href === `${origin}/a/`)), JSON.stringify(b.notes));
});

test("forget everything, from the popup: the flag is gone", async () => {
  const id = new URL(worker.url()).host;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.locator("#forget").click();
  assert.match(await popup.locator("#forget").textContent(), /Really forget/, "a first click only asks");
  assert.ok((await remembered()) > 0);
  await popup.locator("#forget").click();
  await popup.locator("#status", { hasText: "forgotten" }).waitFor();
  await popup.close();
  assert.equal(await remembered(), 0);
  const b = await read("/b/");
  assert.deepEqual(b.notes, []);
});

test("switched off, the memory keeps nothing and flags nothing", async () => {
  const id = new URL(worker.url()).host;
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.locator("#memory").uncheck();
  await popup.close();
  await worker.evaluate(async () => (await globalThis.claimlensTest.memory()).forget());
  await read("/a/");
  const b = await read("/b/");
  assert.equal(await remembered(), 0);
  assert.deepEqual(b.notes, []);
  await worker.evaluate(() => chrome.storage.local.set({ memory: true }));
});

test("past its cap the memory drops the oldest claims first, with their figures", async () => {
  const tab = await context.newPage();
  await tab.goto(`${origin}/a/`);
  const result = await tab.evaluate(async () => {
    const { Memory } = await import("/memory.js");
    const figure = (id, text, low, high) => ({
      id,
      text: `${text} people have been displaced, officials said.`,
      values: [{ kind: "count", text, value: low, min: null, max: null, hedge: "exact", unit: null, counted: "people", from: null, to: null, topic: { thing: "people", event: "displacement", low, high, from: "2020-01-27", to: "2020-01-27" } }],
      attribution: null,
      checks: [],
    });
    const memory = await Memory.open({ name: "cap-test", cap: 3 });
    await memory.forget();
    const old = { url: "https://old.example/", title: "old", seen: "2020-01-01T00:00:00.000Z" };
    const next = { url: "https://new.example/", title: "new", seen: "2020-01-02T00:00:00.000Z" };
    await memory.remember(old, { claims: [figure(0, "100,000", 100000, 100000), figure(1, "110,000", 110000, 110000)] });
    await memory.remember(next, { claims: [figure(0, "150,000", 150000, 150000), figure(1, "151,000", 151000, 151000)] });
    const count = await memory.count();
    const titles = (await memory.list()).map((c) => c.title);
    // A figure of 300,000 conflicts with every one kept; the dropped claim's figure must not answer.
    const found = await memory.conflicts({ claims: [figure(0, "300,000", 300000, 300000)] }, { url: "https://third.example/", title: "", seen: "2020-01-03T00:00:00.000Z" });
    const texts = (found.get(0) ?? []).map((x) => x.elsewhere.text);
    const wrong = await Memory.open({ name: "cap-test", cap: 0 }).then(() => "opened", (e) => e.name);
    memory.close();
    return { count, titles, texts, wrong };
  });
  assert.equal(result.count, 3);
  assert.deepEqual(result.titles, ["new", "new", "old"]);
  assert.equal(result.texts.length, 2, `one figure per page: ${result.texts}`);
  assert.ok(result.texts.includes("110,000") && !result.texts.includes("100,000"), `the dropped claim's figure is gone: ${result.texts}`);
  assert.equal(result.wrong, "RangeError", "a cap that is not a positive whole number is refused");
  await tab.close();
});

// Last: it breaks the memory for the rest of this browser's life.
test("a memory that fails is said in the panel, and the claims are still shown", async () => {
  await worker.evaluate(async () => (await globalThis.claimlensTest.memory()).close());
  const b = await read("/b/");
  assert.match(b.status, /^\d+ claims, \d+ sources, \d+ unattributed\. claimlens could not use its claim memory: /);
  assert.deepEqual(b.notes, []);
});
