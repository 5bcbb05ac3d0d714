// The extension's background (a service worker in Chromium, an event page in Firefox). It alone
// runs the WebAssembly engine: a page's Content-Security-Policy can forbid compiling it in the
// content script, never here. It answers the content script's `extract` requests, scans the
// active tab for the popup and the keyboard shortcut, and keeps the auto-scan registrations.

import init, { extractNodes } from "claimlens-engine";
import { pack } from "../lib/transfer.js";
import { Memory, memoryChecks, pageAddress, placeNames } from "./memory.js";
import * as P from "./protocol.js";

let ready = null;
let memory = null;

/** The claim memory, opened once. */
function openMemory() {
  memory ??= Memory.open().catch((err) => {
    memory = null;
    throw err;
  });
  return memory;
}

/**
 * After the tab has its claims: flags the figures of the page that contradict figures the reader
 * saw on other pages (sent to the tab as a `memory` message), then remembers the page's claims.
 * Only web pages are remembered, and nothing from a private window. The tab always hears back,
 * with no flags when the memory is off, so it knows the memory has had its say.
 */
async function recall(extraction, sender, title, scan) {
  const answer = (checks, error) => chrome.tabs.sendMessage(sender.tab.id, { kind: P.MEMORY, scan, checks, ...(error ? { error } : {}) }, { frameId: sender.frameId }).catch(() => {});
  const url = sender.url ?? sender.tab?.url;
  // Private windows leave no trace: nothing read there is remembered or compared.
  if (!(await settings()).memory || sender.tab?.incognito || !/^https?:/.test(url ?? "")) return answer([]);
  const page = { url: pageAddress(url), title: String(title ?? sender.tab?.title ?? "").slice(0, 300), seen: new Date().toISOString() };
  try {
    const kept = await openMemory();
    // Where the page's figures are: read once, for the lookup and for the write.
    const places = placeNames(extraction);
    const found = await kept.conflicts(extraction, page, places);
    await answer(memoryChecks(extraction, found));
    await kept.remember(page, extraction, places);
  } catch (err) {
    await answer([], `claimlens could not use its claim memory: ${err?.message ?? err}`);
  }
}

function engine() {
  if (!ready) {
    ready = init({ module_or_path: chrome.runtime.getURL("claimlens_bg.wasm") }).catch((err) => {
      ready = null;
      throw err;
    });
  }
  return ready;
}

async function settings() {
  return { ...P.DEFAULT_SETTINGS, ...(await chrome.storage.local.get(P.DEFAULT_SETTINGS)) };
}

async function activeTabId() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) throw new Error("no active tab");
  return tab.id;
}

/** Puts the content script and the highlight colours into a tab (once; it guards itself). */
async function inject(tabId) {
  await chrome.scripting.insertCSS({ target: { tabId }, files: ["highlights.css"] });
  await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
}

/** The toolbar button's and the shortcut's action: scan the tab, show the panel. */
export async function scanTab(tabId) {
  await inject(tabId);
  return chrome.tabs.sendMessage(tabId, { kind: P.SCAN, settings: await settings() });
}

async function toTab(kind) {
  const tabId = await activeTabId();
  try {
    return await chrome.tabs.sendMessage(tabId, { kind });
  } catch {
    return null; // claimlens has not run on this page yet
  }
}

const AUTOSCAN_ID = "claimlens-autoscan";

/** Registers the content script on the sites the reader chose for auto-scan. */
async function syncAutoscan() {
  const { autoScanSites } = await settings();
  const granted = [];
  for (const origin of autoScanSites) {
    if (await chrome.permissions.contains({ origins: [`${origin}/*`] })) granted.push(`${origin}/*`);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTOSCAN_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [AUTOSCAN_ID] });
  if (granted.length) {
    await chrome.scripting.registerContentScripts([{ id: AUTOSCAN_ID, matches: granted, js: ["content.js", "autostart.js"], css: ["highlights.css"], runAt: "document_idle" }]);
  }
}

async function setAutoscan(origin, on) {
  const { autoScanSites } = await settings();
  const sites = new Set(autoScanSites);
  if (on) sites.add(origin);
  else sites.delete(origin);
  await chrome.storage.local.set({ autoScanSites: [...sites] });
  await syncAutoscan();
  return { kind: "autoscan", sites: [...sites] };
}

/** Whether a message comes from one of the extension's own pages (the popup, the history), not a content script. */
function fromExtensionPage(sender) {
  return typeof sender.url === "string" && sender.url.startsWith(chrome.runtime.getURL(""));
}

async function handle(message, sender) {
  switch (message.kind) {
    case P.EXTRACT: {
      if (!sender.tab) throw new Error("only a page's content script asks for extraction");
      await engine();
      const target = { frameId: sender.frameId };
      const progress = (share) => chrome.tabs.sendMessage(sender.tab.id, { kind: P.PROGRESS, share }, target).catch(() => {});
      // The engine answers in JSON text; it travels to the tab in parts (see lib/transfer.js).
      const json = extractNodes(message.texts, Uint32Array.from(message.blocks), message.options, progress);
      const extraction = JSON.parse(json);
      // The claims go to the tab now; the claim memory answers after them.
      setTimeout(() => recall(extraction, sender, message.title, message.scan ?? 0), 0);
      return { kind: "extracted", extraction: pack(extraction) };
    }
    case P.SCAN_ACTIVE_TAB:
      return scanTab(await activeTabId());
    case P.CLEAR_ACTIVE_TAB:
      return toTab(P.CLEAR);
    case P.STATUS_ACTIVE_TAB:
      return toTab(P.STATUS);
    case P.FORGET_MEMORY:
      if (!fromExtensionPage(sender)) throw new Error("only the popup and the history page empty the memory");
      await (await openMemory()).forget();
      return { kind: "forgotten" };
    case P.SET_AUTOSCAN:
      if (!fromExtensionPage(sender)) throw new Error("only the popup changes auto-scan");
      return setAutoscan(message.origin, message.on);
    default:
      throw new Error(`unexpected message ${message.kind}`);
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own scripts, and only well-formed messages.
  if (sender.id !== chrome.runtime.id || !P.valid(message)) return false;
  handle(message, sender).then(sendResponse, (err) => sendResponse({ kind: "error", name: err?.name ?? "Error", message: err?.message ?? String(err) }));
  return true;
});

chrome.commands?.onCommand.addListener((command) => {
  if (command === "scan-page") activeTabId().then(scanTab).catch(() => {});
});

chrome.permissions?.onRemoved?.addListener(() => syncAutoscan().catch(() => {}));
chrome.runtime.onInstalled.addListener(() => syncAutoscan().catch(() => {}));

// TEST HOOK: present only in test builds (the build replaces this constant), so the end-to-end
// tests can press the toolbar button's action: the same scanTab the popup uses.
if (__CLAIMLENS_TEST__) {
  globalThis.claimlensTest = { scanActiveTab: async () => scanTab(await activeTabId()), scanTab, syncAutoscan, setAutoscan, memory: openMemory };
  // Where a test cannot reach the background (Firefox through WebDriver), the local test pages
  // are an auto-scan site, as if the reader had chosen them in the popup.
  chrome.runtime.onInstalled.addListener(() => setAutoscan("http://127.0.0.1", true).catch(() => {}));
}
