// Runs the engine off the page's main thread for long pages.
import { extractNodes, load } from "./engine.js";

self.onmessage = async (event) => {
  const { id, texts, blocks, options } = event.data;
  try {
    await load();
    self.postMessage({ id, kind: "progress", stage: "extracting" });
    const result = await extractNodes(texts, blocks, options);
    self.postMessage({ id, kind: "done", result });
  } catch (err) {
    self.postMessage({ id, kind: "error", name: err?.name ?? "Error", message: err?.message ?? String(err), code: err?.code ?? null });
  }
};
