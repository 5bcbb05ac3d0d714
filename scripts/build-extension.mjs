// Builds the extension for Chromium and Firefox from one source: dist/chromium/, dist/firefox/
// and a zip of each (dist/claimlens-chromium.zip, dist/claimlens-firefox.zip). With --test it
// writes dist/chromium-test/ and dist/firefox-test/ instead: the same code plus the test hook and
// the local test pages' host permission (see www/extension/manifest.src.js).
// Needs the browser bundle (scripts/build-web.sh) for the engine.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { deflateRawSync } from "node:zlib";
import { build } from "esbuild";
import { manifest } from "../www/extension/manifest.src.js";

const test = process.argv.includes("--test");
const version = JSON.parse(readFileSync("package.json", "utf8")).version;
const src = "www/extension";
const engine = "dist/web/pkg";
if (!existsSync(`${engine}/claimlens.js`)) throw new Error("build the browser bundle first (npm run build)");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A plain zip (deflate), enough for the stores and for installing a temporary add-on. */
function zip(dir, out) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const path of files(dir).sort()) {
    const name = Buffer.from(relative(dir, path).split("\\").join("/"));
    const data = readFileSync(path);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    centrals.push(central, name);
    offset += head.length + name.length + packed.length;
  }
  const dirBuf = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...locals, dirBuf, end]));
}

for (const browser of ["chromium", "firefox"]) {
  const out = `dist/${browser}${test ? "-test" : ""}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/manifest.json`, JSON.stringify(manifest(browser, { version, test }), null, 2) + "\n");
  const common = { bundle: true, minify: false, legalComments: "none", logLevel: "warning", define: { __CLAIMLENS_TEST__: String(test) } };
  await build({ ...common, entryPoints: [`${src}/background.js`], outfile: `${out}/background.js`, format: "esm", alias: { "claimlens-engine": `./${engine}/claimlens.js` } });
  await build({ ...common, entryPoints: [`${src}/content-src.js`], outfile: `${out}/content.js`, format: "iife", loader: { ".css": "text" } });
  await build({ ...common, entryPoints: [`${src}/popup.js`], outfile: `${out}/popup.js`, format: "esm" });
  await build({ ...common, entryPoints: [`${src}/history.js`], outfile: `${out}/history.js`, format: "esm" });
  for (const f of ["popup.html", "popup.css", "history.html", "history.css", "autostart.js", "highlights.css"]) copyFileSync(`${src}/${f}`, `${out}/${f}`);
  copyFileSync(`${engine}/claimlens_bg.wasm`, `${out}/claimlens_bg.wasm`);
  if (!test) zip(out, `dist/claimlens-${browser}.zip`);
  console.log(`build-extension: ${out}${test ? "" : ` and dist/claimlens-${browser}.zip`}`);
}
