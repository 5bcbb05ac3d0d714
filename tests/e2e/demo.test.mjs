// The demo page in headless Chromium: the claims its gold file lists, highlights on exactly the
// right text, navigation from the panel, no console error, no request leaving the page's own
// server, the page's text unchanged, and an accessibility audit of the panel.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { demoSession, sameName } from "./helpers.mjs";

const gold = JSON.parse(readFileSync("tests/golden/flood-relief.gold.json", "utf8"));
const session = demoSession();

async function openDemo({ strip = false } = {}) {
  const page = await session.browser.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  if (strip) {
    // The same page without the widget: what the reader sees without claimlens.
    await page.route("**/demo/", async (route) => {
      const res = await route.fetch();
      const html = (await res.text()).replace(/<claim-lens[^>]*><\/claim-lens>/, "").replace(/<script type="module"[^>]*><\/script>/, "");
      await route.fulfill({ response: res, body: html });
    });
  }
  await page.goto(`${session.server.url}/demo/`);
  if (!strip) await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "ready", null, { timeout: 20000 });
  return { page, problems, requests };
}

test("the demo lists the claims its gold file expects, unattributed ones flagged", async () => {
  const { page, problems, requests } = await openDemo();
  const extraction = await page.evaluate(() => document.querySelector("claim-lens").scan());
  const text = await page.evaluate(() => document.querySelector("article").innerText);
  for (const g of gold.claims) {
    const claim = extraction.claims.find((c) => c.text.includes(g.anchor) || (text.includes(g.anchor) && c.text.includes(g.anchor)));
    assert.ok(claim, `a claim holds ${JSON.stringify(g.anchor)}`);
    if (g.source === null) assert.equal(claim.attribution, null, `${g.anchor} is unattributed`);
    else assert.ok(claim.attribution && g.source.some((s) => sameName(claim.attribution.canonical, s)), `${g.anchor}: ${claim.attribution?.canonical} is one of ${g.source}`);
  }
  // The panel shows them the same way: unattributed ones in their own flagged group first.
  const groups = await page.evaluate(() =>
    [...document.querySelector("claim-lens").shadowRoot.querySelectorAll("section.group")].map((s) => ({
      unattributed: s.classList.contains("unattributed"),
      title: s.querySelector("h3").textContent,
      claims: s.querySelectorAll("li.claim").length,
    })),
  );
  assert.ok(groups[0].unattributed, "the unattributed group comes first");
  assert.equal(groups[0].claims, extraction.claims.filter((c) => !c.attribution).length);
  const ndma = groups.find((g) => g.title.startsWith("National Disaster Management Agency"));
  assert.ok(ndma && ndma.claims >= 4, `the NDMA group lists its claims: ${JSON.stringify(groups.map((g) => g.title))}`);
  const badge = await page.evaluate(() => document.querySelector("claim-lens").shadowRoot.querySelector(".badge").textContent);
  assert.equal(Number(badge), extraction.claims.length);
  assert.deepEqual(problems, []);
  const origin = new URL(session.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:")), [], "no request leaves the page's server");
  await page.close();
});

test("highlights cover exactly the values' text", async () => {
  const { page } = await openDemo();
  const { painted, values } = await page.evaluate(async () => {
    const e = await document.querySelector("claim-lens").scan();
    const painted = [];
    for (const name of ["claimlens-attributed", "claimlens-unattributed"]) for (const r of CSS.highlights.get(name)) painted.push(r.toString());
    return { painted: painted.sort(), values: e.claims.flatMap((c) => c.values.map((v) => v.text)).sort() };
  });
  assert.deepEqual(painted, values);
  await page.close();
});

test("clicking a claim scrolls to its sentence and flashes it", async () => {
  const { page } = await openDemo();
  const last = page.locator("claim-lens").locator("li.claim button.open").last();
  const id = await last.evaluate((b) => b.closest("li").dataset.id);
  await last.click();
  await page.waitForFunction((id) => document.querySelector("claim-lens").dataset.opened === id, id);
  await page.waitForTimeout(800);
  const state = await page.evaluate(() => {
    const focus = CSS.highlights.get("claimlens-focus");
    const range = focus && [...focus][0];
    const rect = range?.getBoundingClientRect();
    return { flashed: !!range, inView: !!rect && rect.top >= 0 && rect.bottom <= innerHeight };
  });
  assert.ok(state.flashed, "the sentence is flashed");
  assert.ok(state.inView, "the sentence is scrolled into view");
  await page.close();
});

test("the page's own text is unchanged by the widget", async () => {
  const withWidget = await openDemo();
  const without = await openDemo({ strip: true });
  const a = await withWidget.page.evaluate(() => document.body.innerText);
  const b = await without.page.evaluate(() => document.body.innerText);
  assert.equal(a, b);
  await withWidget.page.close();
  await without.page.close();
});

test("keyboard: Tab reaches the claims, arrows move between them, Escape collapses", async () => {
  const { page } = await openDemo();
  const host = page.locator("claim-lens");
  await host.locator("li.claim button.open").first().focus();
  await page.keyboard.press("ArrowDown");
  const focusedId = await page.evaluate(() => document.querySelector("claim-lens").shadowRoot.activeElement?.closest("li")?.dataset.id);
  assert.equal(focusedId, await host.locator("li.claim").nth(1).getAttribute("data-id"));
  await page.keyboard.press("Escape");
  assert.equal(await host.locator("button.toggle").getAttribute("aria-expanded"), "false");
  await page.close();
});

test("the panel has no serious or critical accessibility violation (axe-core)", async () => {
  const { page } = await openDemo();
  await page.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
  const violations = await page.evaluate(async () => {
    const result = await axe.run(document.querySelector("claim-lens"), { resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
  assert.deepEqual(violations, []);
  await page.close();
});

test("exports copy JSON, CSV and Markdown", async () => {
  const { page } = await openDemo();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  for (const format of ["json", "csv", "markdown"]) {
    await page.locator("claim-lens").locator(`button[data-format="${format}"]`).click();
    await page.waitForFunction((f) => document.querySelector("claim-lens").dataset.exported === f, format);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    if (format === "json") assert.equal(JSON.parse(copied).version, 1);
    if (format === "csv") assert.match(copied, /^claim,sentence,value,kind/);
    if (format === "markdown") assert.match(copied, /^\| claim \| sentence \|/);
  }
  await page.close();
});

test("hovering a highlight shows its value and source", async () => {
  const { page } = await openDemo();
  const box = await page.evaluate(() => {
    const range = [...CSS.highlights.get("claimlens-attributed")][0];
    const r = range.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: range.toString() };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForFunction(() => !document.querySelector("claim-lens").shadowRoot.querySelector(".card").hidden);
  const card = await page.evaluate(() => document.querySelector("claim-lens").shadowRoot.querySelector(".card").textContent);
  assert.match(card, / — /, `the card names a source: ${card}`);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.querySelector("claim-lens").shadowRoot.querySelector(".card").hidden);
  await page.close();
});
