// Takes the README's screenshots of the demo with the panel open, light and dark.
// Usage: npm run build && node scripts/screenshots.mjs
import { launch, serve } from "../tests/e2e/helpers.mjs";

const server = await serve();
const browser = await launch();
try {
  for (const scheme of ["light", "dark"]) {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/demo/`);
    await page.waitForFunction(() => document.querySelector("claim-lens")?.dataset.state === "ready");
    await page.screenshot({ path: `docs/screenshots/demo-${scheme}.png` });
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
