// docs/bench/time-vs-size.svg, drawn by hand: median time against input size, log-log, one line
// per engine. A white background and dark ink, so it reads the same on light and dark pages.

const W = 900;
const H = 500;
const PLOT = { left: 78, right: 590, top: 48, bottom: 440 };
// Okabe–Ito colours, told apart with colour blindness too; claimlens solid, alternatives dashed.
const COLOURS = ["#000000", "#0072B2", "#56B4E9", "#D55E00", "#E69F00", "#009E73", "#CC79A7"];

const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const timeLabel = (msValue) => (msValue >= 1000 ? `${msValue / 1000} s` : `${msValue} ms`);
const sizeLabel = (kb) => (kb >= 1000 ? `${kb / 1000} MB` : `${kb} KB`);

/** The SVG text for one run. */
export function chart(run) {
  const names = Object.keys(run.texts);
  const series = run.engines.map((e, i) => ({
    engine: e,
    colour: COLOURS[i % COLOURS.length],
    points: names
      .filter((n) => !e.results[n].skipped)
      .map((n) => ({ kb: run.texts[n].bytes / 1000, ms: e.results[n].medianMs })),
  }));
  const all = series.flatMap((s) => s.points);
  const decades = (values) => [Math.floor(Math.log10(Math.min(...values))), Math.ceil(Math.log10(Math.max(...values)))];
  const [x0, x1] = decades(all.map((p) => p.kb));
  const [y0, y1] = decades(all.map((p) => p.ms));
  const x = (kb) => PLOT.left + ((Math.log10(kb) - x0) / (x1 - x0)) * (PLOT.right - PLOT.left);
  const y = (msValue) => PLOT.bottom - ((Math.log10(msValue) - y0) / (y1 - y0)) * (PLOT.bottom - PLOT.top);

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="13" role="img">`,
    `<title>Median extraction time against input size, log-log</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="28" font-size="16" font-weight="600" fill="#1a1a1a">Median time against input size (log-log)</text>`,
  ];
  for (let d = x0; d <= x1; d += 1) {
    const px = x(10 ** d);
    out.push(`<line x1="${px}" y1="${PLOT.top}" x2="${px}" y2="${PLOT.bottom}" stroke="#dddddd"/>`);
    out.push(`<text x="${px}" y="${PLOT.bottom + 20}" text-anchor="middle" fill="#333333">${sizeLabel(10 ** d)}</text>`);
  }
  for (let d = y0; d <= y1; d += 1) {
    const py = y(10 ** d);
    out.push(`<line x1="${PLOT.left}" y1="${py}" x2="${PLOT.right}" y2="${py}" stroke="#dddddd"/>`);
    out.push(`<text x="${PLOT.left - 8}" y="${py + 4}" text-anchor="end" fill="#333333">${timeLabel(10 ** d)}</text>`);
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#888888"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${H - 20}" text-anchor="middle" fill="#1a1a1a">input size</text>`,
    `<text transform="translate(20 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#1a1a1a">median time</text>`,
  );
  series.forEach(({ engine, colour, points }, i) => {
    const dash = engine.claimlens ? "" : ` stroke-dasharray="6 4"`;
    const path = points.map((p) => `${x(p.kb).toFixed(1)},${y(p.ms).toFixed(1)}`).join(" ");
    out.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2.5"${dash}/>`);
    for (const p of points) {
      out.push(`<circle cx="${x(p.kb).toFixed(1)}" cy="${y(p.ms).toFixed(1)}" r="4" fill="${colour}"/>`);
    }
    const ly = PLOT.top + 10 + i * 38;
    const missing = names.filter((n) => engine.results[n].skipped);
    out.push(
      `<line x1="${PLOT.right + 20}" y1="${ly}" x2="${PLOT.right + 48}" y2="${ly}" stroke="${colour}" stroke-width="2.5"${dash}/>`,
      `<text x="${PLOT.right + 56}" y="${ly + 4}" fill="#1a1a1a">${escape(engine.label)}</text>`,
    );
    if (missing.length) {
      out.push(`<text x="${PLOT.right + 56}" y="${ly + 20}" font-size="11" fill="#555555">not plotted: ${missing.join(", ")} (skipped)</text>`);
    }
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
