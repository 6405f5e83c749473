// scratch (not committed): screenshots of the search page
import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";
const [dir, query, out, ...widths] = process.argv.slice(2);
const server = await serve([{ prefix: "/", dir }]);
const browser = await launch();
for (const w of widths) {
  const context = await browser.newContext({ viewport: { width: Number(w), height: w < 600 ? 667 : 900 } });
  const page = await context.newPage();
  page.on("console", (m) => console.log("console", m.type(), m.text()));
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  page.on("dialog", (d) => { console.log("DIALOG", d.message()); d.dismiss(); });
  await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector(".search-result", { timeout: 15000 }).catch(() => console.log("no results"));
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}-${w}.png` });
  const info = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    firstTop: document.querySelector(".search-result")?.getBoundingClientRect().top,
    firstBottom: document.querySelector(".search-result")?.getBoundingClientRect().bottom,
    count: document.getElementById("ct-search-count")?.textContent,
    inputs: document.querySelectorAll("input[type=search]").length,
  }));
  console.log(w, JSON.stringify(info));
  await context.close();
}
await browser.close();
await server.close();
