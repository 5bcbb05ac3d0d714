// The one manifest source for both browsers. scripts/build-extension.mjs turns it into
// dist/chromium/manifest.json and dist/firefox/manifest.json. Every entry that is not obvious says
// why it is there.

export function manifest(browser, { version, test = false }) {
  const m = {
    manifest_version: 3,
    name: "claimlens",
    version,
    description: "Shows the checkable claims on a news page — figures, shares, amounts, dates — and who the page says they come from. Nothing leaves your browser.",
    action: {
      default_title: "claimlens: show the claims on this page",
      // The toolbar button opens the popup: counts, Scan and Clear, and the settings.
      default_popup: "popup.html",
    },
    commands: {
      // A keyboard shortcut for the same scan; a shortcut grants activeTab like a click does.
      "scan-page": { suggested_key: { default: "Alt+Shift+C" }, description: "Show the claims on this page" },
    },
    permissions: [
      // Access to the page the reader is on, only when they click the button or press the shortcut:
      // no standing access to any site.
      "activeTab",
      // To run the content script and insert the highlight colours into that page.
      "scripting",
      // The reader's settings (minimum score, highlights on/off, auto-scan sites, claim memory
      // on/off). The claim memory itself is in IndexedDB, which needs no permission.
      "storage",
    ],
    // Auto-scan asks for a site's permission when the reader turns it on for that site, and gives
    // it back when they turn it off.
    optional_host_permissions: ["https://*/*", "http://*/*"],
    background: browser === "firefox" ? { scripts: ["background.js"], type: "module" } : { service_worker: "background.js", type: "module" },
    content_security_policy: {
      // The engine is WebAssembly: extension pages may compile it ('wasm-unsafe-eval'); nothing
      // else is allowed to run but the extension's own files.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // No web_accessible_resources: pages never load anything from the extension. The panel's
    // styles are built into the content script; the highlight colours are inserted as a user
    // stylesheet by the background.
  };
  if (browser === "firefox") {
    // Firefox needs an add-on id for storage and for installing the signed package.
    m.browser_specific_settings = { gecko: { id: "claimlens@claimlens.invalid", strict_min_version: "142.0", data_collection_permissions: { required: ["none"] } } };
  }
  if (test) {
    // TEST BUILD ONLY (dist/*-test): the local test pages' origin, so the end-to-end tests can
    // drive a scan without a click. Release builds never carry this.
    m.host_permissions = ["http://127.0.0.1/*"];
  }
  return m;
}
