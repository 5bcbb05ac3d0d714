// The claim memory's conflict rule against the table the engine's Topic::conflicts is held to
// (tests/topics/pairs.json), so the two implementations cannot drift apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { conflicts, pageAddress, topicKey } from "../../www/extension/memory.js";

const pairs = JSON.parse(readFileSync(new URL("../topics/pairs.json", import.meta.url), "utf8"));

for (const c of pairs.cases) {
  test(`conflicts: ${c.why}`, () => {
    assert.equal(conflicts(c.a, c.b), c.conflict);
    assert.equal(conflicts(c.b, c.a), c.conflict, "the other way round");
  });
}

test("the table has cases both ways", () => {
  assert.ok(pairs.cases.some((c) => c.conflict) && pairs.cases.some((c) => !c.conflict));
});

test("a topic's key is its thing and event", () => {
  assert.equal(topicKey({ thing: "people", event: "displacement" }), "people|displacement");
});

test("a page's address drops its fragment only", () => {
  assert.equal(pageAddress("https://example.org/a?b=1#c"), "https://example.org/a?b=1");
});
