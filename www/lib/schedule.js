// Long work on the page's main thread runs in slices of a few milliseconds and gives the page its
// turn in between (input, rendering, the page's own timers), so no step of a scan blocks it for
// long, however large the page.

/** How long one slice may run before the page gets its turn. */
export const SLICE_MS = 8;

// Taken when this module loads, so a page that replaces them later does not reach the widget.
const { MessageChannel: Channel, setTimeout: later } = globalThis;
const perf = globalThis.performance;
const perfNow = perf?.now;

/** Milliseconds for measuring: performance.now(), or Date.now() when a page has broken it. */
export function now() {
  try {
    const t = perfNow.call(perf);
    if (typeof t === "number" && Number.isFinite(t)) return t;
  } catch {
    // Replaced by something that throws.
  }
  return Date.now();
}

/** Resolves once the page has had its turn (a new task, after input and rendering). */
export async function yieldToPage() {
  try {
    if (typeof scheduler !== "undefined" && typeof scheduler?.yield === "function") {
      await scheduler.yield();
      return;
    }
    await new Promise((resolve) => {
      // A message is a new task without setTimeout's minimum delay.
      const { port1, port2 } = new Channel();
      port1.onmessage = () => {
        port1.close();
        resolve();
      };
      port2.postMessage(null);
    });
  } catch {
    // A page broke scheduler.yield or MessageChannel: a timer is a new task too.
    await new Promise((resolve) => later(resolve, 0));
  }
}

/**
 * A slice clock for a loop: `if (clock.due()) await clock.pause();` gives the page its turn
 * whenever the current slice has run for SLICE_MS (the time is read every `every` calls).
 */
export function sliceClock(every = 16) {
  let start = now();
  let calls = 0;
  return {
    due() {
      return ++calls % every === 0 && now() - start >= SLICE_MS;
    },
    async pause() {
      await yieldToPage();
      start = now();
    },
  };
}
