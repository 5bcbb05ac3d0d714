// The popup: the page's counts, Scan and Clear, the settings kept in extension storage, and the
// claim memory's switch, history and "forget everything".
import * as P from "./protocol.js";

const $ = (id) => document.getElementById(id);
const status = $("status");

function show(reply) {
  status.classList.toggle("error", reply?.kind === "error");
  if (reply?.kind === "error") status.textContent = reply.message;
  else if (reply?.scanned) status.textContent = `${reply.claims} claims · ${reply.sources} sources · ${reply.unattributed} unattributed`;
  else status.textContent = "This page has not been scanned.";
}

async function send(message) {
  try {
    return await chrome.runtime.sendMessage(message);
  } catch (err) {
    return { kind: "error", message: err.message };
  }
}

async function activeOrigin() {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  try {
    const url = new URL(tab?.url ?? "");
    return /^https?:$/.test(url.protocol) ? url.origin : null;
  } catch {
    return null;
  }
}

async function init() {
  const settings = { ...P.DEFAULT_SETTINGS, ...(await chrome.storage.local.get(P.DEFAULT_SETTINGS)) };
  $("minScore").value = String(settings.minScore);
  $("minScoreValue").textContent = settings.minScore.toFixed(2);
  $("highlights").checked = settings.highlights;
  $("memory").checked = settings.memory;
  const origin = await activeOrigin();
  $("site").textContent = origin ? new URL(origin).host : "this site";
  $("autoscan").disabled = !origin;
  $("autoscan").checked = !!origin && settings.autoScanSites.includes(origin) && (await chrome.permissions.contains({ origins: [`${origin}/*`] }));
  show(await send({ kind: P.STATUS_ACTIVE_TAB }));

  $("scan").addEventListener("click", async () => {
    status.textContent = "Reading the page…";
    show(await send({ kind: P.SCAN_ACTIVE_TAB }));
  });
  $("clear").addEventListener("click", async () => show(await send({ kind: P.CLEAR_ACTIVE_TAB })));
  $("minScore").addEventListener("input", async (e) => {
    const minScore = Number(e.target.value);
    $("minScoreValue").textContent = minScore.toFixed(2);
    await chrome.storage.local.set({ minScore });
  });
  $("highlights").addEventListener("change", (e) => chrome.storage.local.set({ highlights: e.target.checked }));
  $("memory").addEventListener("change", (e) => chrome.storage.local.set({ memory: e.target.checked }));
  $("history").addEventListener("click", () => chrome.tabs.create({ url: chrome.runtime.getURL("history.html") }));
  // A second click confirms: forgetting cannot be undone.
  let armed = false;
  $("forget").addEventListener("click", async (e) => {
    if (!armed) {
      armed = true;
      e.target.textContent = "Really forget every remembered claim?";
      return;
    }
    armed = false;
    e.target.textContent = "Forget everything";
    const reply = await send({ kind: P.FORGET_MEMORY });
    status.classList.toggle("error", reply?.kind === "error");
    status.textContent = reply?.kind === "forgotten" ? "Every remembered claim is forgotten." : reply?.message ?? "The memory could not be emptied.";
  });
  $("autoscan").addEventListener("change", async (e) => {
    const pattern = `${origin}/*`;
    if (e.target.checked) {
      // Asked now, while the reader is clicking: the browser shows its own prompt.
      const granted = await chrome.permissions.request({ origins: [pattern] });
      e.target.checked = granted;
      if (granted) await send({ kind: P.SET_AUTOSCAN, origin, on: true });
    } else {
      await send({ kind: P.SET_AUTOSCAN, origin, on: false });
      await chrome.permissions.remove({ origins: [pattern] });
    }
  });
}

init();
