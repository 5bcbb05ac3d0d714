// Shared by the end-to-end tests: the demo server and a headless Chromium that never downloads
// anything (Debian's /usr/bin/chromium, flags that keep it offline).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Serves dist/web on a free localhost port; resolves to { url, stop }. */
export function serve(dir = "dist/web") {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/serve.mjs", dir, "0"], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(chunk);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Chromium with the test build of the extension loaded: a persistent context (extensions need
 * one) in a fresh profile. Resolves to { context, worker, close }; `worker` is the extension's
 * background, where the test build's hook `globalThis.claimlensTest` lives.
 */
export async function launchExtension(dir = "dist/chromium-test") {
  const extension = resolvePath(dir);
  const profile = mkdtempSync(join(tmpdir(), "claimlens-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, close };
}

/** The names a reader would take as the same: case, a leading article and possessives aside. */
export function sameName(got, want) {
  const norm = (s) => String(s ?? "").toLowerCase().replace(/\u2019/g, "'").replace(/'s\b/g, "").replace(/^(the|an|a)\s+/, "").replace(/\s+/g, " ").trim();
  const p = norm(got);
  const a = norm(want);
  return p === a || (p.includes(a) && p.length <= 2 * a.length + 20);
}

/**
 * The demo server and a browser for one test file, started before its tests and stopped after:
 * use `session.server.url` and `session.browser` inside the tests.
 */
export function demoSession() {
  const session = { server: null, browser: null };
  before(async () => {
    session.server = await serve();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    session.server?.stop();
  });
  return session;
}

/**
 * Records the page's long tasks (over 50 ms, as the browser reports them) from its first script
 * on; `longTasksDuringScan(page)` then returns the durations of those that overlap the widget's
 * scan (between its `claimlens:scan` and `claimlens:ready` performance marks).
 */
export async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

export function longTasksDuringScan(page) {
  return page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name, "mark").at(-1)?.startTime;
    const [from, to] = [at("claimlens:scan"), at("claimlens:ready")];
    if (from === undefined || to === undefined) throw new Error("the scan left no performance marks");
    return window.__longTasks.filter((t) => t.end > from && t.start < to).map((t) => Math.round(t.end - t.start));
  });
}

/**
 * The test build makes the local test pages an auto-scan site when it is installed (for the
 * Firefox tests, which cannot reach the background). Here every scan is the toolbar button's:
 * an auto-scan racing it would make two scans per page, and the "ready" waited for could be the
 * wrong one. Waits for the install-time registration, then turns it off, as a reader would.
 */
export async function noAutoscan(worker) {
  await worker.evaluate(async () => {
    const registered = () => chrome.scripting.getRegisteredContentScripts();
    for (let i = 0; i < 50 && !(await registered()).length; i++) await new Promise((r) => setTimeout(r, 100));
    await globalThis.claimlensTest.setAutoscan("http://127.0.0.1", false);
    const left = await registered();
    if (left.length) throw new Error(`auto-scan still registered: ${JSON.stringify(left)}`);
  });
}
