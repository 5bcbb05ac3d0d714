// The extension's one message protocol: every message is an object with a `kind`, checked on
// receipt (shape here, sender where it is received). Content script ⇄ background ⇄ popup.

/** Content script → background: turn text nodes into claims. */
export const EXTRACT = "extract";
/** Popup → background: scan the active tab (the toolbar button's action). */
export const SCAN_ACTIVE_TAB = "scan-active-tab";
/** Popup → background: remove the panel and highlights from the active tab. */
export const CLEAR_ACTIVE_TAB = "clear-active-tab";
/** Popup → background: the active tab's counts. */
export const STATUS_ACTIVE_TAB = "status-active-tab";
/** Background → content script: how much of the page's text has been read (`share`, 0 to 1). */
export const PROGRESS = "progress";
/** Background → content script: scan now / clear / report counts. */
export const SCAN = "scan";
export const CLEAR = "clear";
export const STATUS = "status";
/** Popup → background: auto-scan a site (after the reader granted the host permission) or stop. */
export const SET_AUTOSCAN = "set-autoscan";
/**
 * Background → content script, after the claims of scan `scan`: the figures that differ from ones
 * the reader saw on other pages, as `[claimId, check]` pairs (empty when none, or when the memory
 * is off), and why the memory failed, if it did.
 */
export const MEMORY = "memory";
/** Popup or history page → background: empty the claim memory. */
export const FORGET_MEMORY = "forget-memory";

const isString = (x) => typeof x === "string";
const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

const SHAPES = {
  // `title`: the page's title, kept with its claims in the claim memory.
  // `scan`: the content script's count of its scans, which the memory's answer names.
  [EXTRACT]: (m) => Array.isArray(m.texts) && m.texts.every(isString) && Array.isArray(m.blocks) && m.blocks.length === m.texts.length && m.blocks.every((b) => Number.isInteger(b) && b >= 0) && isObject(m.options) && (m.title === undefined || isString(m.title)) && (m.scan === undefined || Number.isInteger(m.scan)),
  [MEMORY]: (m) => Number.isInteger(m.scan) && Array.isArray(m.checks) && m.checks.every((c) => Array.isArray(c) && Number.isInteger(c[0]) && isObject(c[1])) && (m.error === undefined || isString(m.error)),
  [SCAN_ACTIVE_TAB]: () => true,
  [CLEAR_ACTIVE_TAB]: () => true,
  [STATUS_ACTIVE_TAB]: () => true,
  [PROGRESS]: (m) => typeof m.share === "number" && m.share >= 0 && m.share <= 1,
  [SCAN]: () => true,
  [CLEAR]: () => true,
  [STATUS]: () => true,
  [SET_AUTOSCAN]: (m) => isString(m.origin) && /^https?:\/\/[^/]+$/.test(m.origin) && typeof m.on === "boolean",
  [FORGET_MEMORY]: () => true,
};

/** Whether `message` is one of ours, well formed. */
export function valid(message) {
  return isObject(message) && isString(message.kind) && Object.hasOwn(SHAPES, message.kind) && SHAPES[message.kind](message);
}

/** The settings kept in extension storage, with their defaults. */
export const DEFAULT_SETTINGS = { minScore: 0, highlights: true, autoScanSites: [], memory: true };
