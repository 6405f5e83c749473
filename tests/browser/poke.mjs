// Scratch: serves a built site and runs a few steps, printing what it sees.
import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";
const [dir, prefix, url, width, out, ...steps] = process.argv.slice(2);
const server = await serve([{ prefix, dir }]);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(server.origin + url);
for (const step of steps) {
  const [kind, a, b] = step.split("|");
  if (kind === "select") await page.selectOption(a, b);
  if (kind === "click") await page.click(a);
  if (kind === "wait") await page.waitForTimeout(Number(a));
  if (kind === "text") console.log(a, "=>", JSON.stringify(await page.textContent(a)));
  if (kind === "count") console.log(a, "=>", await page.locator(a).count());
  if (kind === "eval") console.log(a, "=>", JSON.stringify(await page.evaluate(a)));
}
console.log("url:", page.url(), "scrollWidth:", await page.evaluate(() => document.documentElement.scrollWidth));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
server.close();
