// Exports of a page's claims: JSON (the data contract), CSV and Markdown. Everything a page
// wrote is data here: CSV cells are quoted and guarded against spreadsheet formulas, Markdown
// cells are escaped.

/**
 * The extraction as indented JSON. The widget loads this module on the first export, when the page
 * may long have replaced JSON.stringify: it passes the one it took when it loaded itself.
 */
export function toJson(extraction, stringify = JSON.stringify) {
  return stringify(extraction, null, 2);
}

function figure(v) {
  if (v.kind === "date") return v.from && v.to ? (v.from === v.to ? v.from : `${v.from}..${v.to}`) : "";
  if (v.value != null) return String(v.value);
  if (v.min != null || v.max != null) return `${v.min ?? ""}..${v.max ?? ""}`;
  return "";
}

function rows(extraction) {
  const out = [];
  for (const c of extraction.claims) {
    const a = c.attribution;
    for (const v of c.values.length ? c.values : [null]) {
      out.push({
        claim: c.id,
        sentence: c.text,
        value: v ? v.text : "",
        kind: v ? v.kind : "",
        figure: v ? figure(v) : "",
        unit: v?.unit ?? "",
        hedge: v?.hedge ?? "",
        counted: v?.counted ?? "",
        source: a ? a.canonical : "",
        quote: a ? String(a.quote) : "",
        score: String(c.score),
      });
    }
  }
  return out;
}

const COLUMNS = ["claim", "sentence", "value", "kind", "figure", "unit", "hedge", "counted", "source", "quote", "score"];

function csvCell(value) {
  let s = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(extraction) {
  return [COLUMNS.join(","), ...rows(extraction).map((r) => COLUMNS.map((k) => csvCell(r[k])).join(","))].join("\r\n") + "\r\n";
}

function mdCell(value) {
  return String(value).replace(/[\\`*_{}\[\]()#+!|<>]/g, (ch) => `\\${ch}`).replace(/\s+/g, " ");
}

export function toMarkdown(extraction) {
  const head = `| ${COLUMNS.join(" | ")} |\n|${COLUMNS.map(() => "---").join("|")}|`;
  const body = rows(extraction).map((r) => `| ${COLUMNS.map((k) => mdCell(r[k])).join(" | ")} |`);
  return [head, ...body].join("\n") + "\n";
}
