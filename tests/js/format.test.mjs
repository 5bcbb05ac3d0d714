// The panel's figures (www/lib/panel.js, formatNumber): written without Intl, so that the first
// panel of a page does not wait for the browser's locale data, and held here to exactly what
// Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }) writes.
import assert from "node:assert/strict";
import { test } from "node:test";

// panel.js takes Document.prototype.createElement when it loads; Node has no DOM.
globalThis.Document ??= class {
  createElement() {}
};
const { formatNumber } = await import("../../www/lib/panel.js");

const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

test("figures news prints read as Intl writes them", () => {
  const cases = {
    358000: "358,000",
    1234567.891: "1,234,567.891",
    0.5: "0.5",
    12.5: "12.5",
    [1 / 3]: "0.3333",
    [2 / 3]: "0.6667",
    1.00005: "1.0001",
    9.99995: "10",
    99999.99995: "100,000",
    1e20: "100,000,000,000,000,000,000",
  };
  for (const [x, want] of Object.entries(cases)) assert.equal(formatNumber(Number(x)), want, x);
  assert.equal(formatNumber(-0.00004), "-0");
  assert.equal(formatNumber(-0), "-0");
  assert.equal(formatNumber(NaN), "NaN");
  assert.equal(formatNumber(-Infinity), "-∞");
  assert.equal(formatNumber("12"), "", "only numbers are figures");
});

test("every figure of a large sample matches Intl, rounding and signs included", () => {
  // A fixed sequence (xorshift), so a failure is the same failure on the next run.
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const xs = [5e-7, 1e21, 123456789012345680000, 0.1 + 0.2, 2.99995, 999.99996, 0.000049999];
  for (let i = 0; i < 50_000; i += 1) {
    const e = Math.floor(random() * 16) - 6;
    xs.push((random() - 0.3) * 10 ** e);
    // Decimals ending in 5 at the fifth place: where rounding rules differ.
    xs.push((Math.round(random() * 10 ** (e + 6)) / 10 ** 5) * (random() < 0.3 ? -1 : 1));
  }
  const wrong = xs.filter((x) => formatNumber(x) !== intl.format(x));
  assert.deepEqual(wrong.slice(0, 5).map((x) => [x, formatNumber(x), intl.format(x)]), []);
});
