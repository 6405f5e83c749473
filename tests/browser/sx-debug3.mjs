import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";
const server = await serve([{ prefix: "/", dir: "/tmp/sx-ex" }]);
const browser = await launch();
const page = await browser.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
await page.goto(server.origin + "/search/?q=Abilene");
await page.waitForTimeout(2000);
console.log(await page.evaluate(async () => {
  const pf = await import("/pagefind/pagefind.js");
  const r = await pf.search("Abilene", { filters: {} });
  return JSON.stringify({ t: Object.keys(r.totalFilters || {}), f: Object.keys(r.filters || {}), e: r.totalFilters && r.totalFilters.entity });
}));
console.log(await page.evaluate(() => document.querySelector("select[name=kind]").outerHTML));
await browser.close(); await server.close();
