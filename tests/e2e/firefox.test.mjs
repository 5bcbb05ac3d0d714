// The same embed in Firefox, driven through WebDriver (geckodriver): the demo reads the page, lists
// its claims and highlights them.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Builder } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { serve } from "./helpers.mjs";

const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";
const GECKODRIVER = process.env.GECKODRIVER_PATH ?? [join(homedir(), ".cargo/bin/geckodriver"), "/usr/local/bin/geckodriver", "/usr/bin/geckodriver"].find(existsSync);

let server;
let driver;

before(async () => {
  assert.ok(GECKODRIVER, "geckodriver is installed (scripts/setup.sh installs it)");
  server = await serve();
  const options = new firefox.Options().setBinary(FIREFOX).addArguments("-headless");
  options.setPreference("network.captive-portal-service.enabled", false);
  options.setPreference("app.update.enabled", false);
  driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
});
after(async () => {
  await driver?.quit();
  server?.stop();
});

test("the demo works in Firefox", async () => {
  await driver.get(`${server.url}/demo/`);
  await driver.wait(async () => (await driver.executeScript('return document.querySelector("claim-lens")?.dataset.state')) === "ready", 30000);
  const out = await driver.executeScript(`
    const host = document.querySelector("claim-lens");
    const painted = ["claimlens-attributed", "claimlens-unattributed"].reduce((n, k) => n + (CSS.highlights.get(k)?.size ?? 0), 0);
    return {
      badge: Number(host.shadowRoot.querySelector(".badge").textContent),
      unattributedFirst: host.shadowRoot.querySelector("section.group").classList.contains("unattributed"),
      painted,
      status: host.shadowRoot.querySelector(".status").textContent,
    };
  `);
  assert.ok(out.badge > 20, out.status);
  assert.ok(out.unattributedFirst);
  assert.ok(out.painted > 20, `${out.painted} highlights`);
});
