// The results as tables: plain text for the terminal, Markdown for docs/bench/results.md.

const KB = 1000;

const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 1 ? 2 : x < 100 ? 1 : 0)} ms`);
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const times = (x) => `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)}×`;

/** "article" → "article (4.7 KB)". */
export const textLabel = (run, name) => `${name} (${kb(run.texts[name].bytes)})`;

/** The tables of one run: [{ title, headers, rows, notes }]. */
export function tables(run) {
  const names = Object.keys(run.texts);
  const notes = [];
  const skipped = (engine, what, reason) => {
    notes.push(`${engine.label}, ${what}: ${reason}.`);
    return `skipped [${notes.length}]`;
  };

  const speed = {
    title: "Median time per text (runs), throughput and values found",
    headers: ["engine", ...names.flatMap((n) => [textLabel(run, n), "MB/s", "values/KB"])],
    rows: run.engines.map((e) => [
      e.label,
      ...names.flatMap((n) => {
        const r = e.results[n];
        if (r.skipped) return [skipped(e, n, r.skipped), "", ""];
        return [`${ms(r.medianMs)} (${r.runs})`, r.mbPerS >= 1 ? r.mbPerS.toFixed(1) : r.mbPerS.toPrecision(2), r.valuesPerKB.toFixed(1)];
      }),
    ]),
    notes,
  };

  const engine = {
    title: "First result, memory and download",
    headers: ["engine", "first result", "peak memory", "what the memory figure is", "download gzip (raw)"],
    rows: run.engines.map((e) => [
      e.label,
      e.first.skipped ? e.first.skipped : ms(e.first.ms),
      e.memory ? mb(e.memory.bytes) : "—",
      e.memory?.what ?? "",
      e.download ? `${kb(e.download.gzipBytes)} (${kb(e.download.rawBytes)})` : "—",
    ]),
    notes: [
      `First result: import (or fetch + compile + instantiate) and the first call on the article, in a fresh process (native: the first run of a fresh process; Chromium: the median of ${run.engines.find((e) => e.id === "claimlens-chromium")?.first?.runs ?? "several"} fresh pages).`,
      ...run.engines
        .filter((e) => e.demo)
        .map(
          (e) =>
            `The whole widget on the demo page (${e.label}): ${ms(e.demo.ms)} from the request for claimlens.js to the claims listed and highlighted (median of ${e.demo.runs} fresh pages), ${ms(e.demo.scanToReadyMs)} of it from the start of the scan.`,
        ),
    ],
  };

  const wasm = run.engines.find((e) => e.id === "claimlens-chromium");
  const native = run.engines.find((e) => e.id === "claimlens-native");
  const ratio = (e, base, n) => {
    const [a, b] = [e.results[n], base?.results[n]];
    return !b || a.skipped || b.skipped ? "—" : times(a.medianMs / b.medianMs);
  };
  const bases = [wasm, native].filter(Boolean);
  const ratios = {
    title: "How many times faster claimlens is: the alternative's median ÷ claimlens's median",
    headers: ["alternative", ...bases.flatMap((b) => names.map((n) => `vs ${b.short}: ${n}`))],
    rows: run.engines
      .filter((e) => !e.claimlens)
      .map((e) => [e.label, ...bases.flatMap((b) => names.map((n) => ratio(e, b, n)))]),
    notes: ["Below 1×: the alternative is faster. The alternatives find fewer kinds of values (see values/KB)."],
  };

  const parts = run.claimlensDownload;
  const download = {
    title: "What a browser downloads for claimlens (dist/web), part by part",
    headers: ["file", "raw", "gzip -9"],
    rows: [
      ...parts.parts.map((p) => [p.onDemand ? `${p.file} (on demand)` : p.file, kb(p.rawBytes), kb(p.gzipBytes)]),
      ["engine (pkg/)", kb(parts.engine.rawBytes), kb(parts.engine.gzipBytes)],
      ["total a page loads", kb(parts.rawBytes), kb(parts.gzipBytes)],
      ["total with the parts on demand", kb(parts.allRawBytes), kb(parts.allGzipBytes)],
    ],
    notes: ["claimlens.js is the widget's modules in one file. On demand: lib/worker.js and the three modules it imports, for pages over 30,000 characters of text; lib/export.js, the copy formats, on the first copy."],
  };
  // The targets of the performance issue, each against this run's figure.
  const target = (what, limit, measured, fmt) => {
    if (measured == null) return [what, `${fmt(limit)}`, "not measured", "—"];
    const met = measured <= limit;
    return [what, fmt(limit), fmt(measured), met ? "met" : `not met (${times(measured / limit)} the target)`];
  };
  const wasm1m = wasm?.results["1m"];
  const targets = {
    title: "Targets",
    headers: ["what", "target", "this run", ""],
    rows: [
      target("1 MB in Chromium (wasm), warm", 35, wasm1m && !wasm1m.skipped ? wasm1m.medianMs : null, ms),
      target("the 4.7 KB article in Chromium (wasm), warm", 0.3, wasm?.results.article?.medianMs, ms),
      target("first result in Chromium (a fresh page)", 25, wasm?.first?.ms, ms),
      target("the whole widget's first result on the demo page", 25, wasm?.demo?.ms, ms),
      target("what a page downloads, gzipped", 150 * KB, run.claimlensDownload.gzipBytes, kb),
    ],
    notes: ["The main-thread target (no task over 50 ms during a scan) is held by e2e tests, not measured here: tests/e2e/robustness.test.mjs and extension.test.mjs."],
  };
  return [speed, engine, ratios, download, targets];
}

/** Columns padded to their widest cell. */
export function toText(tablesOfRun) {
  return tablesOfRun
    .map(({ title, headers, rows, notes }) => {
      const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
      const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd();
      const rule = widths.map((w) => "-".repeat(w)).join("  ");
      return [title, line(headers), rule, ...rows.map(line), ...notes.map((n, i) => `  [${i + 1}] ${n}`)].join("\n");
    })
    .join("\n\n");
}

export function toMarkdown(tablesOfRun) {
  const row = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return tablesOfRun
    .map(({ title, headers, rows, notes }) =>
      [
        `## ${title}`,
        "",
        row(headers),
        row(headers.map(() => "---")),
        ...rows.map(row),
        "",
        ...notes.map((n, i) => `[${i + 1}] ${n}  `),
      ].join("\n"),
    )
    .join("\n\n");
}
