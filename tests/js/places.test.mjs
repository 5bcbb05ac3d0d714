// Where a figure is: the names the claim memory compares across pages (tests/topics/places.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { conflicts, placeNames } from "../../www/extension/memory.js";

const places = JSON.parse(readFileSync(new URL("../topics/places.json", import.meta.url), "utf8"));

for (const c of places.names) {
  test(`names: ${c.text}`, () => {
    const canonical = c.canonical ?? c.source.replace(/^the /, "");
    const extraction = { claims: [{ id: 0, text: c.text, attribution: { source: c.source, canonical } }], sources: [{ canonical }] };
    assert.deepEqual(placeNames(extraction).get(0), c.names);
  });
}

for (const c of places.pairs) {
  test(`places: ${c.why}`, () => {
    assert.equal(conflicts(c.a, c.b), c.conflict);
    assert.equal(conflicts(c.b, c.a), c.conflict, "the other way round");
  });
}

test("a page's most frequent names place a sentence that does not name its place", () => {
  const claim = (id, text) => ({ id, text, attribution: null });
  const extraction = {
    claims: [
      claim(0, "Shelling hit the outskirts of Maarat al-Numan and Saraqeb overnight."),
      claim(1, "Residents of Saraqeb said 12 people were killed."),
      claim(2, "Some 40,000 people have fled since Friday."),
    ],
    sources: [],
  };
  const names = placeNames(extraction);
  assert.deepEqual(names.get(2), ["Saraqeb"], "named twice on the page");
  assert.deepEqual(names.get(0), ["Maarat", "Saraqeb"]);
});
