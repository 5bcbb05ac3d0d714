// Long work on the page's main thread runs in slices of a few milliseconds and gives the page its
// turn in between (input, rendering, the page's own timers), so no step of a scan blocks it for
// long, however large the page.

/** How long one slice may run before the page gets its turn. */
export const SLICE_MS = 8;

/** Resolves once the page has had its turn (a new task, after input and rendering). */
export function yieldToPage() {
  if (typeof scheduler !== "undefined" && typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => {
    // A message is a new task without setTimeout's minimum delay.
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * A slice clock for a loop: `if (clock.due()) await clock.pause();` gives the page its turn
 * whenever the current slice has run for SLICE_MS (the time is read every `every` calls).
 */
export function sliceClock(every = 16) {
  let start = performance.now();
  let calls = 0;
  return {
    due() {
      return ++calls % every === 0 && performance.now() - start >= SLICE_MS;
    },
    async pause() {
      await yieldToPage();
      start = performance.now();
    },
  };
}
