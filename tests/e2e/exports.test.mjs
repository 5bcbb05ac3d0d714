// The fact-checkers' exports on the demo page in headless Chromium: "Copy ClaimReview" puts the
// page's claims on the clipboard as schema.org JSON-LD (an @graph of ClaimReviews, one per claim),
// and a claim's own "Copy as ClaimReview" puts that claim alone. The clipboard is read back as
// demo.test.mjs reads the other exports.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoSession } from "./helpers.mjs";

const session = demoSession();

async function openDemo() {
  const page = await session.browser.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${session.server.url}/demo/`);
  await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "ready", null, { timeout: 20000 });
  return { page, problems };
}

/** Clicks `button` in the panel and returns what reached the clipboard as `format`. */
async function copied(page, button, format) {
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await button.click();
  await page.waitForFunction((f) => document.querySelector("claim-lens").dataset.exported === f, format);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.evaluate(() => delete document.querySelector("claim-lens").dataset.exported);
  return text;
}

const oneLine = (s) => s.replace(/\s+/g, " ").trim();

test("Copy ClaimReview puts the page's claims on the clipboard as JSON-LD: an @graph of ClaimReviews", async () => {
  const { page, problems } = await openDemo();
  const host = page.locator("claim-lens");
  const { claims } = JSON.parse(await copied(page, host.locator('.exports button[data-format="json"]'), "json"));
  const text = await copied(page, host.locator('.exports button[data-format="claimreview"]'), "claimreview");
  assert.doesNotMatch(text, /</, "ready for a <script> element");
  const jsonLd = JSON.parse(text);
  const here = await page.evaluate(() => ({ url: location.href, title: document.title, date: document.querySelector("time[datetime]").getAttribute("datetime") }));

  assert.equal(jsonLd["@context"], "https://schema.org");
  assert.equal(jsonLd["@graph"].length, claims.length, "one ClaimReview per claim");
  jsonLd["@graph"].forEach((review, i) => {
    const claim = claims[i];
    assert.equal(review["@type"], "ClaimReview");
    assert.equal(review.claimReviewed, oneLine(claim.text));
    assert.equal(review.reviewRating, undefined, "no verdict is made up");
    const item = review.itemReviewed;
    assert.equal(item["@type"], "Claim");
    assert.deepEqual(item.appearance, { "@type": "CreativeWork", url: here.url, name: here.title, datePublished: here.date });
    assert.equal(item.datePublished, here.date);
    if (!claim.attribution) assert.equal(item.author, undefined, `claim ${claim.id} has no source, so no author`);
    else assert.equal([item.author].flat()[0].name, claim.attribution.canonical);
  });
  assert.ok(jsonLd["@graph"].some((r) => !r.itemReviewed.author), "the demo has unattributed claims");
  assert.match(await host.locator(".status").textContent(), new RegExp(`^Copied ${claims.length} claims as ClaimReview$`));
  assert.deepEqual(problems, []);
  await page.close();
});

test("a claim's Copy as ClaimReview puts that claim alone, with its @context", async () => {
  const { page, problems } = await openDemo();
  const host = page.locator("claim-lens");
  const { claims } = JSON.parse(await copied(page, host.locator('.exports button[data-format="json"]'), "json"));
  const item = host.locator("li.claim").nth(2);
  const id = Number(await item.getAttribute("data-id"));
  const review = JSON.parse(await copied(page, item.locator("button.copy"), "claimreview"));
  assert.equal(review["@context"], "https://schema.org");
  assert.equal(review["@type"], "ClaimReview");
  assert.equal(review.claimReviewed, oneLine(claims[id].text));
  assert.equal(review.itemReviewed.appearance.url, await page.evaluate(() => location.href));
  assert.equal(await host.locator(".status").textContent(), "Copied the claim as ClaimReview");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the copy formats are fetched on the first copy, not with the widget", async () => {
  const { page, problems } = await openDemo();
  const loaded = () => page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/lib/export.js")));
  assert.equal(await loaded(), false, "a page that never copies does not download the formats");
  const host = page.locator("claim-lens");
  const { claims } = JSON.parse(await copied(page, host.locator('.exports button[data-format="json"]'), "json"));
  assert.ok(claims.length > 0);
  assert.equal(await loaded(), true, "the first copy fetched lib/export.js");
  assert.deepEqual(problems, []);
  await page.close();
});
