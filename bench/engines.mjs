// The engines that run in Node, claimlens's WebAssembly build and the libraries a user would pick
// instead. Each `load()` imports its library (so its cost is part of the time to the first result)
// and returns `run(text)`, which does what a caller would do to get figures, shares, amounts and
// dates out of the text, and returns how many values it found.
//
// Counts are of distinct values: where one library call returns a subset of another's (a
// percentage is also a number; "March 3" contains the number 3), the inner one is not counted
// again.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { WEB } from "./paths.mjs";
import { REFERENCE_DATE } from "./texts.mjs";

const referenceDay = new Date(`${REFERENCE_DATE}T12:00:00Z`);

export const ENGINES = {
  "claimlens-node": {
    label: "claimlens wasm (Node)",
    async load() {
      const glue = await import(pathToFileURL(`${WEB}/pkg/claimlens.js`).href);
      const wasm = glue.initSync({ module: readFileSync(`${WEB}/pkg/claimlens_bg.wasm`) });
      const options = { referenceDate: REFERENCE_DATE };
      return {
        // The engine answers in JSON text, parsed as the widget does (www/lib/engine.js).
        run: (text) => countClaimlens(JSON.parse(glue.extract(text, options))),
        wasmMemoryBytes: () => wasm.memory.buffer.byteLength,
      };
    },
  },
  "compromise-dates": {
    label: "compromise + compromise-dates",
    async load() {
      const { default: nlp } = await import("compromise");
      const { default: dates } = await import("compromise-dates");
      nlp.plugin(dates);
      return {
        run(text) {
          const doc = nlp(text);
          const found = doc.dates({ today: REFERENCE_DATE }).json();
          const inDates = new Set(found.flatMap((d) => d.terms.map((t) => t.id)));
          const numbers = doc.numbers().json().filter((n) => !inDates.has(n.terms[0].id));
          // A caller needs these two for the kind of each figure; both are subsets of numbers().
          doc.percentages().json();
          doc.money().json();
          return found.length + numbers.length;
        },
      };
    },
  },
  compromise: {
    label: "compromise (numbers only)",
    async load() {
      const { default: nlp } = await import("compromise");
      return { run: (text) => nlp(text).numbers().json().length };
    },
  },
  chrono: {
    label: "chrono-node (dates only)",
    async load() {
      const chrono = await import("chrono-node");
      return { run: (text) => chrono.parse(text, referenceDay).length };
    },
  },
  recognizers: {
    label: "Microsoft Recognizers-Text",
    async load() {
      const R = await import("@microsoft/recognizers-text-suite");
      const en = R.Culture.English;
      return {
        run(text) {
          const kinds = [
            ...R.recognizePercentage(text, en),
            ...R.recognizeCurrency(text, en),
            ...R.recognizeDateTime(text, en, undefined, referenceDay),
          ];
          // Numbers that start inside a percentage, an amount or a date are part of it.
          const covered = new Uint8Array(text.length + 1);
          for (const k of kinds) covered.fill(1, k.start, k.end + 1);
          const numbers = R.recognizeNumber(text, en).filter((n) => !covered[n.start]);
          return kinds.length + numbers.length;
        },
      };
    },
  },
};

/** Every value of every claim (claimlens values never overlap). */
export function countClaimlens(extraction) {
  return extraction.claims.reduce((n, claim) => n + claim.values.length, 0);
}
