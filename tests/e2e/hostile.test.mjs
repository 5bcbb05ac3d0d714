// Hostile pages in headless Chromium. Page text carrying markup or script stays text in the panel,
// the hover card and every export (CSV cells cannot start a formula); built-ins a page replaced
// before or after the widget loaded leave it working or in a visible error state, never stuck or
// silent, and the page's own scripts keep working; page styles cannot hide the panel's content,
// cover it or shrink it, and the panel never moves the page; a wrong engine file or a missing
// glue is a visible error.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoSession } from "./helpers.mjs";

const session = demoSession();

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Two ordinary claims, so a working widget always has something to show. */
const PLAIN = ["Some 358,000 people have fled the valley since December 1, the agency said.", "Around 70 percent of them are children."];

/**
 * A news page: `head` comes before the widget's module script (so its scripts run first), the
 * article holds `paragraphs` as text (HTML-escaped in the source), `<claim-lens>` comes first in
 * the body or last, and the page's own button counts its clicks. A script at the end of the body
 * records the page's layout and element counts before the widget's module runs.
 */
function newsPage({ head = "", paragraphs = PLAIN, lensFirst = false, extra = "" } = {}) {
  const lens = "<claim-lens autoscan></claim-lens>";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A hostile page</title>
<meta property="article:published_time" content="2024-03-12T09:00:00Z">
<link rel="icon" href="data:,">
${head}
<script type="module" src="/claimlens.js"></script>
</head>
<body>
${lensFirst ? lens : ""}
<header id="site"><h1 id="headline">The Hostile Herald</h1></header>
<main><article>
${paragraphs.map((p, i) => `<p id="p${i}">${escapeHtml(p)}</p>`).join("\n")}
</article></main>
<button id="own" type="button">The page's own button</button>
<footer id="foot">© The Hostile Herald</footer>
${extra}
<script>
  const own = document.getElementById("own");
  own.addEventListener("click", () => own.setAttribute("data-clicks", String(Number(own.getAttribute("data-clicks") || 0) + 1)));
  window.addEventListener("load", () => own.setAttribute("data-loaded", "yes"));
  // Written without the built-ins some of these pages break (map, push …).
  window.__layout = () => {
    let out = "scroll " + document.documentElement.scrollWidth + " " + document.documentElement.scrollHeight;
    for (const id of ["site", "headline", "p0", "p1", "own", "foot"]) {
      const r = document.getElementById(id).getBoundingClientRect();
      out += "; " + id + " " + r.x + " " + r.y + " " + r.width + " " + r.height;
    }
    return out;
  };
  window.__count = (root) => {
    let out = "";
    for (const tag of ["img", "script", "style", "iframe", "svg", "a", "object", "embed", "link"]) out += (out ? ", " : "") + tag + " " + root.querySelectorAll(tag).length;
    return out;
  };
  window.__before = { layout: window.__layout(), count: window.__count(document) };
</script>
${lensFirst ? "" : lens}
</body>
</html>`;
}

let pages = 0;

/** Opens `html` at a fresh path of the demo server; pageerrors and console errors are kept. */
async function openPage(html, { route } = {}) {
  const page = await session.browser.newPage();
  const pageErrors = [];
  const consoleErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await route?.(page);
  const path = `/hostile/${++pages}/`;
  await page.route(`**${path}`, (r) => r.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(`${session.server.url}${path}`);
  return { page, pageErrors, consoleErrors };
}

/**
 * The widget's state once it has settled ("ready" or "error"), read from Playwright's own world
 * (the page's replaced built-ins cannot reach it); whatever it is after `ms` otherwise.
 */
async function settled(page, ms = 20000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const state = await page.locator("claim-lens").getAttribute("data-state");
    if (state === "ready" || state === "error" || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The panel's status line, or the text a widget that could not start put in its shadow root. */
function statusText(page) {
  return page.evaluate(() => {
    const shadow = document.querySelector("claim-lens").shadowRoot;
    return shadow?.querySelector(".status")?.textContent ?? shadow?.textContent ?? null;
  });
}

/** How many claims the panel lists. */
function listed(page) {
  return page.locator("claim-lens").locator("li.claim").count();
}

/** The page's own scripts ran (its load handler) and its button still answers a click. */
async function assertPageWorks(page) {
  const own = page.locator("#own");
  assert.equal(await own.getAttribute("data-loaded"), "yes", "the page's load handler ran");
  await own.click({ timeout: 5000 });
  assert.equal(await own.getAttribute("data-clicks"), "1", "the page's click handler ran");
}

/** Copies the claims in `format` with the panel's button and returns what reached the clipboard. */
async function copied(page, format) {
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await page.locator("claim-lens").locator(`button[data-format="${format}"]`).click();
  await page.waitForFunction((f) => document.querySelector("claim-lens").dataset.exported === f, format);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.evaluate(() => delete document.querySelector("claim-lens").dataset.exported);
  return text;
}

/** The cells of a CSV text (RFC 4180: quoted cells, "" inside them). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n") rows.push([...row, cell]), (row = []), (cell = "");
    else if (ch !== "\r") cell += ch;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 1. Text that carries markup or script

const MARKUP = [
  'Some 4,200 people <img src=x onerror="window.__pwned=1"> fled the valley, the agency said.',
  "About 1,300 homes </script><script>window.__pwned=2</script> were lost, the ministry said.",
  "Officials said 75 percent of donations went to javascript:window.__pwned=3 in March.",
  "Some 900 schools </style><style>body{display:none}</style> closed, according to UNICEF.",
  "Up to 12,000 families {{constructor.constructor('window.__pwned=4')()}} need tents, the Red Cross said.",
  'Nearly 800 wells <svg onload="window.__pwned=5"><a href="javascript:window.__pwned=6">x</a></svg> are dry, the water board said.',
];
const FORMULAS = [
  '=HYPERLINK("http://evil.example","x") Some 30 people died, police said.',
  "+cmd|'/C calc'!A0 More than 40 villages flooded, the NDMA said.",
  "-2+3+cmd|'/C calc'!A0 About 500 tents arrived, the UN said.",
  "@SUM(1+9)*cmd|'/C calc'!A0 Nearly 60 percent of roads are closed, officials said.",
];
const HOSTILE_TEXT = [...MARKUP, ...FORMULAS];

test("page text carrying markup, script, javascript: URLs, CSS and template code stays inert text in the panel, the hover card and every export", async () => {
  const { page, pageErrors } = await openPage(newsPage({ paragraphs: HOSTILE_TEXT }));
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  assert.equal(await settled(page), "ready");
  const inert = async (when) => {
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      count: window.__count(document),
      before: window.__before.count,
      shadow: window.__count(document.querySelector("claim-lens").shadowRoot),
      handlers: document.querySelectorAll("[onerror], [onload]").length + document.querySelector("claim-lens").shadowRoot.querySelectorAll("[onerror], [onload]").length,
      body: getComputedStyle(document.body).display,
      text: document.getElementById("p0").textContent,
    }));
    assert.equal(state.pwned, undefined, `${when}: no page-supplied script ran`);
    assert.equal(state.count, state.before, `${when}: no element was added to the page`);
    // The panel's own stylesheet is its only element of these kinds.
    assert.equal(state.shadow, "img 0, script 0, style 0, iframe 0, svg 0, a 0, object 0, embed 0, link 1", `${when}: the panel holds no element from the page's text`);
    assert.equal(state.handlers, 0, `${when}: no event-handler attribute anywhere`);
    assert.equal(state.body, "block", `${when}: no CSS from the page's text applies`);
    assert.equal(state.text, HOSTILE_TEXT[0], `${when}: the page's text is unchanged`);
  };
  await inert("after the scan");

  // The panel shows each hostile sentence literally, as text.
  const sentences = await page.locator("claim-lens").locator("li.claim p.sentence").allTextContents();
  for (const text of HOSTILE_TEXT) assert.ok(sentences.includes(text), `the panel shows ${JSON.stringify(text)} literally; it shows ${JSON.stringify(sentences)}`);

  // The hover card over each highlight of a hostile sentence: text in a <strong> and a <span>.
  const boxes = await page.evaluate(() => {
    const out = [];
    for (const name of ["claimlens-attributed", "claimlens-unattributed"]) {
      for (const range of CSS.highlights.get(name)) {
        const block = range.startContainer.parentElement;
        const r = range.getClientRects()[0];
        if (block.id !== "p0" && block.id !== "p1" && block.id !== "p4") continue;
        out.push({ x: r.left + r.width / 2, y: r.top + r.height / 2, value: range.toString(), id: block.id });
      }
    }
    return out;
  });
  assert.ok(boxes.length >= 3, `highlights in the hostile sentences: ${JSON.stringify(boxes)}`);
  for (const box of boxes) {
    await page.mouse.move(box.x, box.y);
    await page.waitForFunction(() => !document.querySelector("claim-lens").shadowRoot.querySelector(".card").hidden);
    const card = await page.evaluate(() => {
      const c = document.querySelector("claim-lens").shadowRoot.querySelector(".card");
      return { text: c.textContent, tags: [...c.querySelectorAll("*")].map((e) => e.tagName).join(" ") };
    });
    assert.equal(card.tags, "STRONG SPAN", `the card over ${box.value} holds only its text`);
    if (box.value === "Some 4,200 people") assert.match(card.text, /^4,200 people\b.* — agency$/);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector("claim-lens").shadowRoot.querySelector(".card").hidden);
  }
  await inert("after hovering");

  // JSON: the data contract, each sentence as a string.
  const json = JSON.parse(await copied(page, "json"));
  for (const text of HOSTILE_TEXT) assert.ok(json.claims.some((c) => c.text === text), `the JSON holds ${JSON.stringify(text)}`);

  // CSV: markup as text; no cell can start a formula (OWASP: a leading ' for = + - @ tab CR).
  const csv = parseCsv(await copied(page, "csv"));
  const sentenceColumn = csv[0].indexOf("sentence");
  for (const row of csv) {
    assert.equal(row.length, csv[0].length, `every CSV row has ${csv[0].length} cells: ${JSON.stringify(row)}`);
    for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a CSV cell starts a formula: ${JSON.stringify(cell)}`);
  }
  const csvSentences = csv.slice(1).map((r) => r[sentenceColumn]);
  for (const text of MARKUP) assert.ok(csvSentences.includes(text), `the CSV holds ${JSON.stringify(text)} as it is`);
  for (const text of FORMULAS) assert.ok(csvSentences.includes(`'${text}`), `the CSV holds ${JSON.stringify(text)} behind a quote`);

  // Markdown: every character Markdown or HTML would read is escaped; unescaped, the cells give
  // back the sentences.
  const md = (await copied(page, "markdown")).trimEnd().split("\n");
  const mdSentences = [];
  for (const line of md.slice(2)) {
    assert.doesNotMatch(line.replace(/\\./g, ""), /[<>\[\]()`*_{}]/, `an unescaped character in ${line}`);
    const cells = line.slice(2, -2).split(/(?<!\\) \| /);
    assert.equal(cells.length, md[0].split(" | ").length, `a Markdown row keeps its columns: ${line}`);
    mdSentences.push(cells[1].replace(/\\(.)/g, "$1"));
  }
  for (const text of HOSTILE_TEXT) assert.ok(mdSentences.includes(text), `the Markdown holds ${JSON.stringify(text)}`);
  await inert("after the exports");
  assert.deepEqual(pageErrors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 2. Built-ins replaced before the widget loads

/** Each replaced by a page script that runs before the widget's module, throwing or lying. */
const OVERRIDES = {
  "Array.prototype.map throws": "Array.prototype.map = function () { throw new Error('map is broken'); };",
  "Array.prototype.map returns garbage": "Array.prototype.map = function () { return 42; };",
  "Array.prototype.filter throws": "Array.prototype.filter = function () { throw new Error('filter is broken'); };",
  "Array.prototype.push throws": "Array.prototype.push = function () { throw new Error('push is broken'); };",
  "JSON.parse throws": "JSON.parse = function () { throw new Error('parse is broken'); };",
  "JSON.parse returns garbage": "JSON.parse = function () { return { claims: 7, sources: 'x' }; };",
  "JSON.stringify returns garbage": "JSON.stringify = function () { return '{garbage'; };",
  "customElements.define throws": "customElements.define = function () { throw new Error('define is broken'); };",
  "customElements.define does nothing": "customElements.define = function () {};",
  "Node.prototype.appendChild throws": "Node.prototype.appendChild = function () { throw new Error('appendChild is broken'); };",
  "Element.prototype.append throws": "Element.prototype.append = function () { throw new Error('append is broken'); };",
  "document.createElement throws": "document.createElement = function () { throw new Error('createElement is broken'); };",
  "document.createElement returns garbage": "document.createElement = function () { return {}; };",
  "Promise.prototype.then throws": "Promise.prototype.then = function () { throw new Error('then is broken'); };",
  "Promise.prototype.then never calls back": "Promise.prototype.then = function () { return 42; };",
  "setTimeout throws": "window.setTimeout = function () { throw new Error('setTimeout is broken'); };",
  "MessageChannel throws (and scheduler.yield is gone)": "window.MessageChannel = function () { throw new Error('MessageChannel is broken'); }; if (window.scheduler) scheduler.yield = undefined;",
  "MessageChannel returns garbage (and scheduler.yield is gone)": "window.MessageChannel = function () { return {}; }; if (window.scheduler) scheduler.yield = undefined;",
  "performance.now throws": "performance.now = function () { throw new Error('now is broken'); };",
  "performance.now returns garbage": "performance.now = function () { return 'soon'; };",
};

for (const [name, script] of Object.entries(OVERRIDES)) {
  test(`a page whose ${name} before the widget loads: claims shown or a visible error, and the page still works`, async () => {
    const { page, pageErrors, consoleErrors } = await openPage(newsPage({ head: `<script>${script}</script>` }));
    const state = await settled(page);
    assert.ok(state === "ready" || state === "error", `the widget settled; its state is ${state}`);
    const status = await statusText(page);
    const box = await page.locator("claim-lens").boundingBox();
    assert.ok(box && box.width > 100 && box.height > 10, `the widget is visible: ${JSON.stringify(box)}`);
    if (state === "ready") {
      assert.ok((await listed(page)) >= 2, "the panel lists the claims");
      assert.match(status, /^\d+ claims, \d+ sources/);
      // The claims still lead to the page.
      const first = page.locator("claim-lens").locator("li.claim button.open").first();
      const id = await first.evaluate((b) => b.closest("li").dataset.id);
      await first.click({ timeout: 5000 });
      assert.equal(await page.locator("claim-lens").getAttribute("data-opened"), id, "clicking a claim shows it in the page");
    } else {
      assert.match(status, /^claimlens could not (read|start on) this page: .{8,}/, "the error is said in words");
      console.log(`${name}: visible error "${status}"`);
    }
    if (name.startsWith("customElements.define")) {
      assert.ok(consoleErrors.some((m) => /claimlens could not start on this page: .*define/.test(m)), `the console says why: ${JSON.stringify(consoleErrors)}`);
      const claims = await page.evaluate(async () => (await (await import("/claimlens.js")).scan()).extraction.claims.length);
      assert.ok(claims >= 2, "scan() still works");
    }
    assert.deepEqual(pageErrors, [], "no uncaught exception");
    await assertPageWorks(page);
    await page.close();
  });
}

test("built-ins the page replaces after the widget loaded do not reach it: a new scan, exports and navigation work", async () => {
  const { page, pageErrors } = await openPage(newsPage());
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  assert.equal(await settled(page), "ready");
  await page.evaluate(() => {
    JSON.parse = () => {
      throw new Error("parse is broken");
    };
    JSON.stringify = () => "{garbage";
    performance.now = () => {
      throw new Error("now is broken");
    };
    window.setTimeout = () => {
      throw new Error("setTimeout is broken");
    };
    window.MessageChannel = () => ({});
    if (window.scheduler) scheduler.yield = undefined;
    Document.prototype.createElement = () => ({});
    Promise.prototype.then = () => 42;
    document.createElement = () => ({});
    const host = document.querySelector("claim-lens");
    host.dataset.state = "";
    host.scan();
  });
  assert.equal(await settled(page), "ready", `the new scan: ${await statusText(page)}`);
  assert.ok((await listed(page)) >= 2);
  const json = JSON.parse(await copied(page, "json"));
  assert.equal(json.claims.length, await listed(page), "the JSON export is the data contract");
  await page.locator("claim-lens").locator("li.claim button.open").first().click();
  assert.ok(await page.locator("claim-lens").getAttribute("data-opened"), "clicking a claim shows it in the page");
  assert.deepEqual(pageErrors, []);
  await assertPageWorks(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 3. Hostile page styles

const STYLES = {
  "* { all: unset !important }": { css: "* { all: unset !important; }" },
  "display: none on everything inside claim-lens": { css: "claim-lens *, claim-lens > * { display: none !important; visibility: hidden !important; }" },
  "a full-page overlay at the highest z-index": {
    css: "#cover { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, 0.05); }",
    extra: '<div id="cover"></div>',
  },
  "a fixed box at the highest z-index over the panel's corner": {
    css: "#corner { position: fixed; top: 0; right: 0; width: 50vw; height: 60vh; z-index: 2147483647; background: #fff; }",
    extra: '<div id="corner"></div>',
  },
  "body { transform: scale(0.1) }": { css: "body { transform: scale(0.1); transform-origin: 0 0; }" },
};

for (const [name, { css, extra = "" }] of Object.entries(STYLES)) {
  test(`page styles with ${name}: the panel stays readable and usable, and the page does not move`, async () => {
    const { page, pageErrors } = await openPage(newsPage({ head: `<style>${css}</style>`, lensFirst: true, extra }));
    assert.equal(await settled(page), "ready");
    const panel = await page.locator("claim-lens").locator(".panel").boundingBox();
    assert.ok(panel && panel.width > 300 && panel.height > 150, `the panel is full size: ${JSON.stringify(panel)}`);
    const look = await page.evaluate(() => {
      const status = document.querySelector("claim-lens").shadowRoot.querySelector(".status");
      const s = getComputedStyle(status);
      return { size: parseFloat(s.fontSize), visibility: s.visibility, text: status.textContent };
    });
    assert.ok(look.size >= 12 && look.visibility === "visible", `the status is readable: ${JSON.stringify(look)}`);
    assert.match(look.text, /^\d+ claims/);
    const layout = await page.evaluate(() => ({ before: window.__before.layout, after: window.__layout() }));
    assert.deepEqual(layout.after, layout.before, "the page's elements are where they were before the widget");
    // Usable: a real click lands on a claim (Playwright checks nothing covers it).
    const first = page.locator("claim-lens").locator("li.claim button.open").first();
    const id = await first.evaluate((b) => b.closest("li").dataset.id);
    await first.click({ timeout: 5000 });
    assert.equal(await page.locator("claim-lens").getAttribute("data-opened"), id);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
}

test("a page that hides <claim-lens> itself: the scan still completes, without an error, and the page does not move", async () => {
  const { page, pageErrors, consoleErrors } = await openPage(newsPage({ head: "<style>claim-lens { display: none !important; }</style>", lensFirst: true }));
  assert.equal(await settled(page), "ready");
  assert.ok((await listed(page)) >= 2, "the claims are listed, for when the page shows them");
  const layout = await page.evaluate(() => ({ before: window.__before.layout, after: window.__layout() }));
  assert.deepEqual(layout.after, layout.before);
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// 4. A wrong engine

async function assertEngineError(route) {
  const { page, pageErrors } = await openPage(newsPage(), { route });
  assert.equal(await settled(page), "error");
  assert.match(await statusText(page), /^claimlens could not read this page: claimlens could not load its engine/);
  assert.deepEqual(pageErrors, []);
  await assertPageWorks(page);
  await page.close();
}

test("a valid .wasm that is a different module shows a visible error state", async () => {
  await assertEngineError((page) =>
    page.route("**/pkg/claimlens_bg.wasm", (r) => r.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]) })),
  );
});

test("a missing engine glue (claimlens.js of pkg/ is 404) shows a visible error state", async () => {
  await assertEngineError((page) => page.route((url) => url.pathname.endsWith("/pkg/claimlens.js"), (r) => r.fulfill({ status: 404, contentType: "text/plain", body: "not found" })));
});
