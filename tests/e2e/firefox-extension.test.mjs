// The built add-on (test build) in Firefox: installed as a temporary add-on through geckodriver,
// it scans the local article (the local test pages are an auto-scan site in the test build) and
// shows its panel; then its history page lists what the scan remembered.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Builder } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const GECKODRIVER = process.env.GECKODRIVER_PATH ?? [join(homedir(), ".cargo/bin/geckodriver"), "/usr/local/bin/geckodriver", "/usr/bin/geckodriver"].find(existsSync);
const ADDON = resolve("dist/firefox-test");
const ADDON_ID = JSON.parse(readFileSync(join(ADDON, "manifest.json"), "utf8")).browser_specific_settings.gecko.id;
// The add-on's internal address, fixed so the test can open its history page.
const ADDON_UUID = "3c0d6a4e-8f21-4b7a-9e5d-2a61c4f0b9d7";
const article = readFileSync("tests/golden/flood-relief.txt", "utf8").split("\n").filter(Boolean);
const gold = JSON.parse(readFileSync("tests/golden/flood-relief.gold.json", "utf8"));
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta property="article:published_time" content="${gold.referenceDate}"><title>plain</title></head><body><article>${article.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;

let server;
let driver;

before(async () => {
  assert.ok(GECKODRIVER, "geckodriver is installed (scripts/setup.sh --tests installs it)");
  server = createServer((req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const options = new firefox.Options().setBinary(FIREFOX).addArguments("-headless");
  options.setPreference("network.captive-portal-service.enabled", false);
  options.setPreference("app.update.enabled", false);
  // Host permissions listed in a temporary add-on's manifest are granted on install.
  options.setPreference("extensions.originControls.grantByDefault", true);
  options.setPreference("extensions.webextensions.uuids", JSON.stringify({ [ADDON_ID]: ADDON_UUID }));
  driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER).addArguments("--allow-system-access")).build();
  await driver.installAddon(ADDON, true);
});
after(async () => {
  await driver?.quit();
  server?.close();
});

// What the scan of the first test listed, for the history page in the second.
let scanned = null;

test("the add-on reads the plain article and shows its panel in Firefox", async () => {
  const url = `http://127.0.0.1:${server.address().port}/plain/`;
  let state = null;
  for (let attempt = 0; attempt < 3 && state !== "ready"; attempt++) {
    await driver.get(url);
    await driver.wait(async () => ["ready", "error"].includes(await driver.executeScript('return document.querySelector("claimlens-host")?.dataset.state ?? null')), 20000).catch(() => {});
    state = await driver.executeScript('return document.querySelector("claimlens-host")?.dataset.state ?? null');
  }
  assert.equal(state, "ready");
  // The claim memory answers after the claims.
  await driver.wait(async () => (await driver.executeScript('return document.querySelector("claimlens-host").dataset.memory')) === "done", 20000);
  const out = await driver.executeScript(`
    const root = document.querySelector("claimlens-host").shadowRoot;
    return {
      badge: Number(root.querySelector(".badge").textContent),
      first: root.querySelector("section.group h3").textContent,
      painted: ["claimlens-attributed", "claimlens-unattributed"].reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0),
      status: root.querySelector(".status").textContent,
    };
  `);
  // The claim memory (IndexedDB in Firefox's background) worked: no error joins the counts.
  assert.match(out.status, /^\d+ claims, \d+ sources, \d+ unattributed$/);
  assert.ok(out.badge >= 25, `${out.badge} claims`);
  assert.match(out.first, /^Unattributed/);
  assert.ok(out.painted > 30, `${out.painted} highlights`);
  scanned = { url, claims: out.badge };
});

test("the history page lists the claims the scan remembered, with a link back to the page, and search narrows them", async () => {
  assert.ok(scanned, "the scan of the first test ran");
  // A web page may not open an add-on's page: the browser's own window opens it, as the add-on's
  // "History" link does.
  const before = await driver.getAllWindowHandles();
  await driver.setContext(firefox.Context.CHROME);
  await driver.executeScript(`gBrowser.selectedTab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`, `moz-extension://${ADDON_UUID}/history.html`);
  await driver.setContext(firefox.Context.CONTENT);
  const handles = await driver.getAllWindowHandles();
  await driver.switchTo().window(handles.find((h) => !before.includes(h)));
  const state = () => driver.executeScript("return document.body.dataset.state ?? null");
  await driver.wait(async () => ["ready", "error"].includes(await state()), 20000);
  const read = () =>
    driver.executeScript(`return {
      state: document.body.dataset.state,
      summary: document.getElementById("summary").textContent,
      shown: document.getElementById("shown").textContent,
      error: document.getElementById("error").textContent,
      claims: document.querySelectorAll("#groups ol.claims > li").length,
      groups: [...document.querySelectorAll("#groups h2 .name")].map((n) => n.textContent),
      links: [...new Set([...document.querySelectorAll("a.page")].map((a) => a.getAttribute("href") + " " + a.textContent))],
    }`);
  const all = await read();
  assert.equal(all.state, "ready", all.error);
  assert.match(all.summary, new RegExp(`^${scanned.claims} remembered claims`), all.summary);
  assert.deepEqual(all.links, [`${scanned.url} plain`], "the page's address and title");
  assert.ok(all.groups.length >= 3, `grouped by source: ${all.groups.join(", ")}`);
  await driver.executeScript(`const q = document.getElementById("query"); q.value = "percent"; q.dispatchEvent(new Event("input", { bubbles: true }));`);
  await driver.wait(async () => (await read()).shown !== all.shown, 20000);
  const narrowed = await read();
  assert.ok(narrowed.claims > 0 && narrowed.claims < all.claims, `${narrowed.claims} of ${all.claims} claims match "percent"`);
});
