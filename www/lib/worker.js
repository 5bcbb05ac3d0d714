// Runs the engine off the page's main thread for long pages, reporting progress, and sends the
// result back in parts (see transfer.js).
import { extractNodes, load } from "./engine.js";
import { pack } from "./transfer.js";

self.onmessage = async (event) => {
  const { id, texts, blocks, options } = event.data;
  try {
    self.postMessage({ id, kind: "progress", stage: "loading" });
    await load();
    self.postMessage({ id, kind: "progress", stage: "extracting", share: 0 });
    const result = await extractNodes(texts, blocks, options, (share) => self.postMessage({ id, kind: "progress", stage: "extracting", share }));
    self.postMessage({ id, kind: "done", result: pack(result) });
  } catch (err) {
    self.postMessage({ id, kind: "error", name: err?.name ?? "Error", message: err?.message ?? String(err), code: err?.code ?? null });
  }
};
