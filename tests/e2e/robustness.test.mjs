// Bad input and bad conditions in the browser: errors are Error instances, a missing engine is a
// visible error state, long pages are read off the main thread, and the JS API returns claims.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoSession, longTasksDuringScan, watchLongTasks } from "./helpers.mjs";

const session = demoSession();

test("the JS API: scan() returns the claims, bad input rejects with TypeError/RangeError", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/demo/`);
  const out = await page.evaluate(async () => {
    const api = await import("/claimlens.js");
    const r = await api.scan();
    const direct = await api.extract("Some 358,000 people fled, the agency said on Monday.", { referenceDate: "2020-01-27" });
    const errors = [];
    for (const [args, fn] of [
      [[42], "extract"],
      [["x", { referenceDate: "2020-02-30" }], "extract"],
      [["x", { refDate: "2020-01-01" }], "extract"],
      [["x", "not an object"], "extract"],
      [[["a", 5], [0, 0]], "extractNodes"],
      [[["a", "b"], [0]], "extractNodes"],
    ]) {
      try {
        await api[fn](...args);
        errors.push("no error");
      } catch (e) {
        errors.push(`${e instanceof Error}:${e.constructor.name}:${e.message}`);
      }
    }
    return { claims: r.extraction.claims.length, direct, errors };
  });
  assert.ok(out.claims > 20);
  assert.equal(out.direct.claims[0].values.find((v) => v.kind === "count").value, 358000);
  assert.equal(out.direct.claims[0].attribution.canonical, "agency");
  assert.match(out.errors[0], /^true:TypeError:extract: text must be a string/);
  assert.match(out.errors[1], /^true:RangeError:options.referenceDate: invalid date "2020-02-30": no such day/);
  assert.match(out.errors[2], /^true:TypeError:invalid options: unknown field `refDate`/);
  assert.match(out.errors[3], /^true:TypeError:options must be an object/);
  assert.match(out.errors[4], /^true:TypeError:extractNodes: texts\[1\] is not a string/);
  assert.match(out.errors[5], /^true:RangeError:extractNodes: texts and blocks differ in length/);
  await page.close();
});

test("a missing engine file shows a visible error state", async () => {
  const page = await session.browser.newPage();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${session.server.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "error", null, { timeout: 20000 });
  const status = await page.evaluate(() => document.querySelector("claim-lens").shadowRoot.querySelector(".status"));
  const text = await page.evaluate(() => document.querySelector("claim-lens").shadowRoot.querySelector(".status").textContent);
  assert.ok(status !== undefined);
  assert.match(text, /could not read this page: claimlens could not load its engine/);
  await page.close();
});

test("a corrupt engine file shows a visible error state", async () => {
  const page = await session.browser.newPage();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from("not wasm at all") }));
  await page.goto(`${session.server.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "error", null, { timeout: 20000 });
  await page.close();
});

test("after an engine that failed to start, the next scan loads a fresh one and reads the page", async () => {
  const page = await session.browser.newPage();
  // A valid module, but not the engine: the glue fails while starting its instance.
  const wrong = (route) => route.fulfill({ status: 200, contentType: "application/wasm", body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]) });
  await page.route("**/*.wasm", wrong);
  await page.goto(`${session.server.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "error", null, { timeout: 20000 });
  await page.unroute("**/*.wasm", wrong);
  const state = await page.evaluate(async () => {
    const host = document.querySelector("claim-lens");
    await host.scan();
    return { state: host.dataset.state, claims: host.shadowRoot.querySelectorAll("li.claim").length };
  });
  assert.equal(state.state, "ready");
  assert.ok(state.claims >= 5, `claims listed: ${state.claims}`);
  await page.close();
});

test("a long page is read in a worker with progress shown, and the page stays responsive", async () => {
  const page = await session.browser.newPage();
  await page.route("**/long/", async (route) => {
    const res = await route.fetch({ url: `${session.server.url}/demo/` });
    let html = await res.text();
    const body = html.match(/<article>([\s\S]*)<\/article>/)[1];
    html = html.replace(/<article>[\s\S]*<\/article>/, `<article>${body.repeat(60)}</article>`).replace('src="../claimlens.js"', 'src="/claimlens.js"');
    await route.fulfill({ response: res, body: html });
  });
  await watchLongTasks(page);
  await page.goto(`${session.server.url}/long/`);
  await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "ready", null, { timeout: 60000 });
  const claims = await page.evaluate(() => Number(document.querySelector("claim-lens").shadowRoot.querySelector(".badge").textContent));
  const progress = await page.evaluate(() => Number(document.querySelector("claim-lens").dataset.progress));
  const share = await page.evaluate(() => Number(document.querySelector("claim-lens").dataset.share));
  assert.ok(progress > 100000, `progress was shown for ${progress} characters`);
  assert.ok(share > 0 && share < 1, `the share read so far was shown (last: ${share})`);
  // The page collects, renders and paints in slices and reads in a worker: no task of the scan
  // should hold the page; the figure is printed, and only a return to one long block fails.
  const tasks = await longTasksDuringScan(page);
  console.log(`long page in the embed: long tasks during the scan ${JSON.stringify(tasks)} ms`);
  assert.ok(tasks.every((ms) => ms < 200), `the page was held for ${Math.max(...tasks)} ms`);
  assert.ok(claims > 1000, `${claims} claims`);
  await page.close();
});

test("after a text of over 2 million characters the engine starts afresh, and answers as before", async () => {
  const page = await session.browser.newPage();
  await page.goto(`${session.server.url}/demo/`);
  const out = await page.evaluate(async () => {
    const engine = await import("/lib/engine.js");
    const small = "Some 40 people left on Monday, the mayor said.";
    const before = await engine.extract(small, { referenceDate: "2020-01-27" });
    const huge = await engine.extract(`${small} `.repeat(45_000), { referenceDate: "2020-01-27" });
    const after = await engine.extract(small, { referenceDate: "2020-01-27" });
    // A fresh instance imports the glue again, under a new URL.
    const fresh = performance.getEntriesByType("resource").some((e) => e.name.includes("claimlens.js?instance="));
    return { before, after, huge: huge.claims.length, fresh };
  });
  assert.equal(out.huge, 45_000);
  assert.ok(out.fresh, "a new instance was loaded after the long text");
  assert.deepEqual(out.after, out.before, "the fresh instance gives the same result");
  await page.close();
});
